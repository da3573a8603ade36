import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { isPartialDate, parsePartialDate, type PartialDate } from "../src/dates.ts";
import { axisPosition, timelineSvg, type TimelineEvent, type TimelineLane } from "../src/timeline-svg.ts";

function date(text: string, options: Parameters<typeof parsePartialDate>[1] = {}): PartialDate {
  const parsed = parsePartialDate(text, options);
  if (!isPartialDate(parsed)) throw new Error(parsed.error);
  return parsed;
}

const event = (id: string, when: string, campaigns: string[]): TimelineEvent => ({
  id,
  title: `Event <${id}> & co`,
  path: `en/event/${id}/`,
  date: date(when),
  dateText: when,
  data: { campaigns },
});

const lanes: TimelineLane[] = [
  { id: "first", title: "First Campaign", data: { shortName: "FC" } },
  { id: "second", title: "Second Campaign", data: { shortName: "SC" } },
  { id: "quiet", title: "Quiet Campaign", data: { shortName: "QC" } },
];

const strings = {
  "timeline.figure": "Events on a time axis.",
  "timeline.figureDated": "{count} dated events, from {from} to {to}.",
  "timeline.figureUndated": "{count} undated events are not on the axis.",
};

function draw(events: TimelineEvent[]) {
  return load(timelineSvg({ events, lanes, strings, root: "../../" }), { xml: true });
}

describe("timelineSvg", () => {
  const events = [
    event("a", "2010-05-09", ["first"]),
    event("b", "2013", ["first", "second"]),
    event("c", "2018-06", ["second"]),
    event("d", "undated", ["first"]),
  ];

  it("draws one lane per campaign that has dated events", () => {
    const $ = draw(events);
    expect(
      $("g.lane > text")
        .map((_, el) => $(el).contents().last().text())
        .get(),
    ).toEqual(["FC", "SC"]);
  });

  it("links every dot to its event with a relative href, once per campaign it belongs to", () => {
    const $ = draw(events);
    expect(
      $("a")
        .map((_, el) => $(el).attr("href"))
        .get(),
    ).toEqual(["../../en/event/a/index.html", "../../en/event/b/index.html", "../../en/event/b/index.html", "../../en/event/c/index.html"]);
    expect($("a").first().children("title").text()).toBe("Event <a> & co (2010-05-09)");
  });

  it("leaves undated events off the axis and counts them in the text alternative", () => {
    const $ = draw(events);
    expect($("a[href*='/d/']").length).toBe(0);
    expect($("svg").attr("aria-describedby")).toBe("timeline-desc");
    expect($("desc#timeline-desc").text()).toBe("3 dated events, from 2010 to 2018. 1 undated events are not on the axis.");
    expect($("title#timeline-title").text()).toBe("Events on a time axis.");
  });

  it("places events left to right in date order", () => {
    const $ = draw(events);
    const [a, b1, b2, c] = $("circle")
      .map((_, el) => Number($(el).attr("cx")))
      .get();
    expect(a).toBeLessThan(b1 ?? 0);
    expect(b2).toBeLessThan(c ?? 0);
  });

  it("moves dots that would overlap to another row of the lane", () => {
    const $ = draw([event("x", "2015", ["first"]), event("y", "2015", ["first"])]);
    expect(
      $("circle")
        .map((_, el) => $(el).attr("cx"))
        .get(),
    ).toEqual([expect.any(String), $("circle").first().attr("cx")]);
    const [cy1, cy2] = $("circle")
      .map((_, el) => $(el).attr("cy"))
      .get();
    expect(cy1).not.toBe(cy2);
  });

  it("escapes titles so the markup stays well formed", () => {
    const svg = timelineSvg({ events, lanes, strings, root: "" });
    expect(svg).not.toContain("<a>");
    expect(svg).toContain("Event &lt;a&gt; &amp; co");
  });
});

describe("axisPosition", () => {
  it("puts a year-only date in the middle of its year, claiming no more precision", () => {
    expect(axisPosition(date("2013"))).toBe(2013.5);
  });

  it("puts a month in the middle of its month and a day on its day", () => {
    expect(axisPosition(date("2013-01"))).toBeCloseTo(2013 + 0.5 / 12);
    expect(axisPosition(date("2013-01-01"))).toBeCloseTo(2013 + 0.5 / 365);
  });

  it("has no place for an undated event", () => {
    expect(axisPosition(date("undated"))).toBeUndefined();
  });
});
