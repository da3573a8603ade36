import { execFileSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite } from "./helpers/build.ts";
import { writeFixture } from "./helpers/fixture.ts";

/** The page as w3m (Debian's `w3m` package) prints it: what a text-browser reader sees, in order. */
function dump(site: string, page: string): string[] {
  const text = execFileSync("w3m", ["-dump", "-cols", "100", "-T", "text/html", path.join(site, page, "index.html")], { encoding: "utf8" });
  return text.split("\n").map((line) => line.trim());
}

/** Line numbers of each text, failing on the first one missing: their order is the reading order. */
function positions(lines: string[], texts: string[]): number[] {
  return texts.map((text) => {
    const at = lines.findIndex((line) => line.includes(text));
    if (at < 0) throw new Error(`"${text}" is not in the text-browser dump:\n${lines.join("\n")}`);
    return at;
  });
}

const isAscending = (numbers: number[]) => numbers.every((n, i) => i === 0 || n > (numbers[i - 1] as number));

describe("pages in a text browser (w3m)", () => {
  let site: string;
  beforeAll(async () => {
    site = await buildFixtureSite(writeFixture(), { search: false });
  });

  const pages = [
    {
      kind: "an event",
      page: "en/event/march-on-capitol",
      order: [
        "March on the Capitol",
        "Women marched.",
        "September 12, 2013",
        "Over 100 women took part; SB1070 was discussed.",
        "About the campaign",
      ],
    },
    {
      kind: "a Spanish event",
      page: "es/event/march-on-capitol",
      order: ["Marcha al Capitolio", "Las mujeres marcharon.", "12 de septiembre de 2013", "Más de 100 mujeres participaron"],
    },
    {
      kind: "a campaign",
      page: "en/campaign/first-campaign",
      order: ["First Campaign", "A campaign for tests.", "May 2010", "It began.", "September 12, 2013 March on the Capitol"],
    },
    {
      kind: "an organization",
      page: "en/organization/alliance-one",
      order: ["Alliance One", "An alliance.", "First Campaign Anchor", "Body text.", "September 12, 2013 March on the Capitol"],
    },
  ];
  it("shows on the search page the form and the ways in, no menus or buttons that need JavaScript", () => {
    const text = dump(site, "en/search").join("\n");
    expect(text).toContain("Search");
    for (const word of ["Refine", "Sort by", "Show more results", "[All"]) expect(text).not.toContain(word);
  });

  for (const { kind, page, order } of pages) {
    it(`reads ${kind} page's title, date and body text in order, after the navigation`, () => {
      const lines = dump(site, page);
      const crumbs = lines.findIndex((line) => /^\d+\. /.test(line));
      const title = lines.indexOf(order[0] as string);
      expect(crumbs).toBeGreaterThan(0);
      expect(title).toBeGreaterThan(crumbs);
      expect(isAscending(positions(lines.slice(title), order))).toBe(true);
      // Nothing meant only for machines (search filters, hidden search words) stands between the crumbs and the title.
      const beforeTitle = lines.slice(0, title).filter((line) => line !== "");
      expect(beforeTitle.at(-1)).toMatch(/^\d+\. /);
    });
  }
});
