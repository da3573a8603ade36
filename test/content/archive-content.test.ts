import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type LocalizedArchive } from "../../src/archive.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { loadContent, type LoadedContent } from "../../src/content/load.ts";
import { builtinTypes } from "../../src/content-types/index.ts";

// The archive's own content, as shipped: these tests fail when an edit breaks its integrity.
describe("the archive's content", () => {
  let content: LoadedContent;
  let en: LocalizedArchive;
  beforeAll(() => {
    const result = loadContent("content");
    expect(result.problems.map(formatProblem)).toEqual([]);
    content = result.content as LoadedContent;
    en = buildArchive(content).byLanguage.get("en") as LocalizedArchive;
  });

  it("has every item in both English and Spanish", () => {
    const missing = builtinTypes.map((t) => t.name).flatMap((type) =>
      [...(content.items[type] ?? [])].filter(([, twins]) => !twins.has("en") || !twins.has("es")).map(([id]) => `${type}:${id}`),
    );
    expect(missing).toEqual([]);
  });

  it("cites at least one existing source for every event, campaign, goal and person", () => {
    for (const type of ["event", "campaign", "goal", "person"] as const) {
      for (const [id, twins] of content.items[type]) {
        const sources = twins.get("en")?.data.sources as string[];
        expect(sources.length, `${type}:${id}`).toBeGreaterThan(0);
        for (const source of sources) expect(content.items.source.has(source), `${type}:${id} cites ${source}`).toBe(true);
      }
    }
  });

  it("holds the four campaigns, 30 or more events and every named organization", () => {
    expect(en.campaigns.map((c) => c.id).sort()).toEqual(["families-belong-together", "raising-womens-voices", "we-are-home", "we-belong-together"]);
    expect(en.events.length).toBeGreaterThanOrEqual(30);
    expect(en.organizations.length).toBeGreaterThanOrEqual(35);
  });

  it("shows organizations that belong to several campaigns", () => {
    const shared = en.sharedOrganizations.map((o) => o.id);
    expect(shared).toEqual(expect.arrayContaining(["national-domestic-workers-alliance", "united-we-dream", "fwd-us"]));
    const ndwa = en.membershipsByOrganization.get("national-domestic-workers-alliance") ?? [];
    expect(ndwa.map((m) => `${m.campaign.id}:${m.role}`).sort()).toEqual([
      "families-belong-together:leader",
      "we-are-home:leader",
      "we-belong-together:anchor",
    ]);
  });

  it.each([
    ["wbt-founding-arizona-delegation", "2010-05-09", "day"],
    ["wbt-congressional-briefing", "2010-07", "month"],
    ["wbt-georgia-delegation-hb-87", "2011-09", "month"],
    // Told after the Georgia trip with "then" and no date of their own: undated, never "about 2011".
    ["wbt-alabama-delegation-hb-56", "undated", "undated"],
    ["wbt-border-delegation", "undated", "undated"],
    ["wbt-wish-for-the-holidays", "2010", "year"],
    ["wbt-womens-fast-for-families", "undated", "undated"],
    ["wbt-civil-disobedience-capitol", "2013-09-12", "day"],
    ["wbt-100-women-100-miles-pilgrimage", "2015-09", "month"],
    ["wbt-spring-break-protests", "2017", "season"],
    ["fbt-zero-tolerance-policy", "2018-04", "month"],
    ["fbt-executive-order-june-20", "2018-06-20", "day"],
    ["fbt-sabraw-reunification-order", "2018-06-26", "day"],
    ["fbt-summer-protests", "2018", "season"],
    // A consequence of the April 2018 policy the document does not date, like the parallel events.
    ["fbt-children-reclassified-unaccompanied", "undated", "undated"],
    ["fbt-no-tracking-system", "undated", "undated"],
    ["wah-roadmap-to-citizenship-2021", "2021", "year"],
    ["wah-biden-moratorium", "2021-01-20", "day"],
    ["nnirr-hands-that-shape-the-world", "2000", "year"],
    ["nnirr-wgmwg-convened", "2012", "year"],
  ])("records %s as %s (%s precision)", (id, iso, precision) => {
    const event = en.byId.event.get(id);
    expect(event?.date).toMatchObject({ iso, precision });
  });

  it("lists government bodies and others a campaign only names apart from its coalition, as named in its documents", () => {
    const named = ["congress", "health-and-human-services-department", "office-of-refugee-resettlement", "uscis", "united-nations"];
    for (const id of named) {
      const roles = (en.membershipsByOrganization.get(id) ?? []).map((m) => m.role);
      expect(roles.length, id).toBeGreaterThan(0);
      expect(new Set(roles), id).toEqual(new Set(["referenced"]));
    }
  });

  it("explains, in both languages, the impossible range the pilgrimage is given", () => {
    for (const lang of ["en", "es"]) {
      const note = content.items.event.get("wbt-100-women-100-miles-pilgrimage")?.get(lang)?.data.dateNote;
      expect(note).toMatch(/15.*13.*2015/);
    }
  });

  it("records the civil disobedience figures the sources give", () => {
    const body = content.items.event.get("wbt-civil-disobedience-capitol")?.get("en")?.body ?? "";
    expect(body).toContain("104");
    expect(body).toContain("28");
  });

  it("orders the timeline by date, undated events last", () => {
    const keys = en.events.map((e) => e.sortKey);
    expect(keys).toEqual([...keys].sort());
    expect(en.events.at(-1)?.date?.precision).toBe("undated");
    expect(en.events[0]?.id).toBe("nnirr-hands-that-shape-the-world");
  });
});
