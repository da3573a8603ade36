import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { escapeBibtex } from "../src/outputs/citations.ts";
import { inspectSite } from "../src/site.ts";
import { neutraliseFormula } from "../src/outputs/open-data.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { baseItems, fixtureSettings, writeFixture } from "./helpers/fixture.ts";

const formulaTitle = '=HYPERLINK("https://evil.example/","click")';
const scriptTitle = "<script>alert(1)</script>";
const imgSummary = "<img src=x onerror=alert(1)>";

/** A fixture whose texts are what an attacker would write into the content. */
function hostileItems() {
  const items = baseItems();
  for (const item of items) {
    if (item.data.id === "march-on-capitol") item.data.title = formulaTitle;
    if (item.data.id === "summer-protests") {
      item.data.title = scriptTitle;
      item.data.summary = imgSummary;
    }
    if (item.data.id === "first-campaign") item.data.name = "<img src=x onerror=alert(2)>";
    if (item.data.id === "undated-fast") item.data.title = "+1 @SUM(A1) -2";
  }
  return items;
}

describe("files other programs read, from hostile content", () => {
  let site: string;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");
  beforeAll(async () => {
    const settings = { ...fixtureSettings, name: { en: "<b onmouseover=alert(3)>Archive</b>", es: "Archivo" } };
    site = await buildFixtureSite(writeFixture(hostileItems(), { settings }), { search: false });
  });

  it("CSV cells that a spreadsheet would run as formulas start with an apostrophe; JSON keeps the exact text", () => {
    const rows = parseCsv(read("en/data/events.csv"), { columns: true }) as Array<Record<string, string>>;
    const titles = rows.map((r) => r.title);
    expect(titles).toContain(`'${formulaTitle}`);
    expect(titles).toContain("'+1 @SUM(A1) -2");
    const csvFiles = readdirSync(path.join(site, "en/data")).filter((f) => f.endsWith(".csv"));
    expect(csvFiles.length).toBeGreaterThan(2);
    for (const file of csvFiles.map((f) => f.slice(0, -4))) {
      const table = parseCsv(read(`en/data/${file}.csv`), { columns: true }) as Array<Record<string, string>>;
      for (const row of table) for (const cell of Object.values(row)) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const json = JSON.parse(read("en/data/events.json")) as Array<{ title: string }> | { rows?: unknown };
    expect(JSON.stringify(json)).toContain(JSON.stringify(formulaTitle).slice(1, -1));
    expect(JSON.stringify(json)).not.toContain(`'${formulaTitle.slice(0, 5)}`);
  });

  it("timeline.json escapes every field TimelineJS inserts as HTML", () => {
    const text = read("en/data/timeline.json");
    expect(text).not.toMatch(/<script|<img|<b /);
    const timeline = JSON.parse(text) as {
      title: { text: { headline: string } };
      events: Array<{ text: { headline: string; text: string }; group?: string }>;
    };
    expect(timeline.title.text.headline).toBe("&lt;b onmouseover=alert(3)&gt;Archive&lt;/b&gt;");
    const event = timeline.events.find((e) => e.text.headline.includes("script"));
    expect(event?.text.headline).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(event?.text.text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(event?.group).toBe("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("BibTeX escapes LaTeX's specials, and the entry still parses to the original title", () => {
    expect(escapeBibtex("a<b>c|d")).toBe("a\\textless{}b\\textgreater{}c\\textbar{}d");
    const bib = read("en/event/summer-protests/cite.bib");
    expect(bib).not.toMatch(/[<>]/);
    const entry = parseBibtex(bib).entries[0];
    expect(entry?.fields.title).toBe(scriptTitle);
  });

  it("neutraliseFormula leaves ordinary text alone", () => {
    expect(neutraliseFormula("March on the Capitol")).toBe("March on the Capitol");
    expect(neutraliseFormula("2013-09-12")).toBe("2013-09-12");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
  });
});

describe("URL fields", () => {
  it("accept http(s) only: a source url, the licence url and the base URL, each named by file and field", () => {
    const items = baseItems();
    for (const item of items) if (item.data.id === "doc-one") item.data.url = "javascript:alert(1)";
    const settings = {
      ...fixtureSettings,
      baseUrl: "javascript:alert(1)//",
      licence: { name: "x", url: "data:text/html,<script>alert(1)</script>" },
    };
    const { problems } = inspectSite({ contentDir: writeFixture(items, { settings }) });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringMatching(/site\.yaml$/),
          field: "baseUrl",
          expected: "an http:// or https:// address",
        }),
        expect.objectContaining({
          file: expect.stringMatching(/site\.yaml$/),
          field: "licence.url",
          expected: "an http:// or https:// address",
        }),
      ]),
    );
    const { problems: itemProblems } = inspectSite({ contentDir: writeFixture(items) });
    expect(itemProblems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/en\/sources\/doc-one\.md$/),
        field: "url",
        expected: "an http:// or https:// address",
        found: '"javascript:alert(1)"',
      }),
      expect.objectContaining({ file: expect.stringMatching(/es\/sources\/doc-one\.md$/), field: "url" }),
    ]);
  });

  it("a base URL given as SITE_URL is checked too", () => {
    const { problems } = inspectSite({ contentDir: writeFixture(), baseUrl: "javascript:alert(1)" });
    expect(problems).toEqual([expect.objectContaining({ field: "baseUrl", expected: "an http:// or https:// address" })]);
  });
});
