import { describe, expect, it } from "vitest";
import { decadesOf, pagerLinks, pagersFor, pagersForWeights, pageSlice, type Pager } from "../src/pagination.ts";
import { pagePath } from "../src/urls.ts";

describe("splitting a list over pages", () => {
  it("keeps the list's address for page 1 and puts page n below it", () => {
    expect(pagePath("en/source/", 1)).toBe("en/source/");
    expect(pagePath("en/source/", 3)).toBe("en/source/page/3/");
  });

  it("gives every entry to exactly one page, in order, none over the size", () => {
    const list = Array.from({ length: 23 }, (_, i) => i);
    const pagers = pagersFor("en/person/", list.length, 10);
    expect(pagers.map((p) => [p.number, p.count, p.start, p.end])).toEqual([
      [1, 3, 0, 10],
      [2, 3, 10, 20],
      [3, 3, 20, 23],
    ]);
    expect(pagers.flatMap((p) => pageSlice(list, p))).toEqual(list);
    expect(pagers[0]?.paths).toEqual(["en/person/", "en/person/page/2/", "en/person/page/3/"]);
  });

  it("keeps one page for an empty or short list", () => {
    expect(pagersFor("en/place/", 0, 10).map((p) => [p.count, p.start, p.end])).toEqual([[1, 0, 0]]);
    expect(pagersFor("en/place/", 10, 10)).toHaveLength(1);
  });

  it("refuses a page size that is not a positive whole number", () => {
    expect(() => pagersFor("en/", 5, 0)).toThrow(/positive whole number/);
  });

  it("shows the whole list when the page is not split", () => {
    expect(pageSlice([1, 2, 3], undefined)).toEqual([1, 2, 3]);
  });
});

describe("the timeline's decades", () => {
  it("groups years by decade, both in order", () => {
    expect(decadesOf([2011, 1995, 1990, 2003])).toEqual([
      { decade: 1990, years: [1990, 1995] },
      { decade: 2000, years: [2003] },
      { decade: 2010, years: [2011] },
    ]);
  });
});

describe("splitting a list of entries that weigh differently", () => {
  it("fills each page up to its weight, in order, and gives a too-heavy entry a page alone", () => {
    const pagers = pagersForWeights("en/source/", [3, 3, 3, 12, 1, 1], 7);
    expect(pagers.map((p) => [p.start, p.end])).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 6],
    ]);
  });
});

describe("a pager's links", () => {
  it("shows the first, the last and two pages either side of this one, with gaps between", () => {
    const pagers = pagersFor("en/topic/x/", 100, 5);
    const shown = (n: number) =>
      pagerLinks(pagers[n - 1] as Pager).map((l) => (l.number === undefined ? "…" : l.current ? `[${l.number}]` : String(l.number)));
    expect(shown(1)).toEqual(["[1]", "2", "3", "…", "20"]);
    expect(shown(10)).toEqual(["1", "…", "8", "9", "[10]", "11", "12", "…", "20"]);
    expect(shown(20)).toEqual(["1", "…", "18", "19", "[20]"]);
  });
});
