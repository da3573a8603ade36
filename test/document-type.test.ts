import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { affectedPages, changedItemKeys } from "../src/affected-pages.ts";
import { contentJsonSchemas } from "../src/authoring/json-schema.ts";
import { newItemFiles } from "../src/authoring/new-item.ts";
import { buildArchiveSite } from "../src/build.ts";
import { builtinTypes } from "../src/content-types/index.ts";
import { formatProblem } from "../src/content/errors.ts";
import { loadContent } from "../src/content/load.ts";
import { settingsSchema } from "../src/content/settings.ts";
import { writeSearchIndex } from "../src/search-index.ts";
import { loadSite } from "../src/site.ts";
import { documentType } from "./fixtures/document-type/document.ts";
import { baseItems, fixtureSettings, writeFixture, type FixtureItem } from "./helpers/fixture.ts";

// A type the package does not have, added from outside with one descriptor and one layout.
const types = [...builtinTypes, documentType];
const layoutDirs = [path.join(import.meta.dirname, "fixtures", "document-type")];

const leaflet = { id: "march-leaflet", date: "2013-09", campaigns: ["first-campaign"], sources: ["doc-one"] };
const documents: FixtureItem[] = [
  {
    lang: "en",
    folder: "documents",
    data: { ...leaflet, title: "The march leaflet", summary: "A leaflet for the march." },
    body: "It called women to the Capitol.",
  },
  {
    lang: "es",
    folder: "documents",
    data: { ...leaflet, title: "El folleto de la marcha", summary: "Un folleto para la marcha." },
    body: "Llamó a las mujeres al Capitolio.",
  },
];

/** The fixture archive's strings, with the new type's name in each language. */
function withTypeNames(dir: string): string {
  for (const [lang, name] of [
    ["en", "Document"],
    ["es", "Documento"],
  ]) {
    const file = path.join(dir, "strings", `${lang}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^type:\n/m, `type:\n  document: ${name}\n`));
  }
  return dir;
}

describe("a content type added with one descriptor and one layout (document)", () => {
  let site: string;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");

  beforeAll(async () => {
    const contentDir = withTypeNames(writeFixture([...baseItems(), ...documents]));
    site = path.join(mkdtempSync(path.join(tmpdir(), "archive-site-")), "site");
    await buildArchiveSite({
      contentDir,
      outDir: site,
      types,
      layoutDirs,
      afterRender: [async (dir) => void (await writeSearchIndex(dir))],
    });
  });

  it("is validated: a document without campaigns, or naming one that does not exist, is refused with its file and field", () => {
    const broken = [
      { ...documents[0], data: { ...leaflet, campaigns: [], title: "T", summary: "S" } },
      {
        lang: "en",
        folder: "documents",
        data: { ...leaflet, id: "other", campaigns: ["no-such-campaign"], title: "T", summary: "S" },
        body: "B",
      },
    ] as FixtureItem[];
    const result = loadContent(writeFixture([...baseItems(), ...broken]), { types });
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/en\/documents\/march-leaflet\.md · campaigns: .*at least one campaign id/),
      expect.stringMatching(
        /en\/documents\/other\.md · campaigns\[0\]: expected the id of a published campaign, found "no-such-campaign", which does not exist/,
      ),
    ]);
    // Without its descriptor, the folder is not content at all.
    expect(loadContent(writeFixture([...baseItems(), ...broken])).problems).toEqual([]);
  });

  it("is rendered by its layout at /{lang}/document/{id}/ in every language, linking to its campaign and sources", () => {
    for (const [lang, title, campaign] of [
      ["en", "The march leaflet", "First Campaign"],
      ["es", "El folleto de la marcha", "First Campaign"],
    ]) {
      const $ = load(read(`${lang}/document/march-leaflet/index.html`));
      expect($("h1").text()).toBe(title);
      expect($(".facts a").first().text()).toBe(campaign);
      expect($(".facts a").first().attr("href")).toBe(`../../../${lang}/campaign/first-campaign/index.html`);
      expect($('a[href$="source/doc-one/index.html"]').length).toBeGreaterThan(0);
    }
  });

  it("is linked from the source it cites, under its type's name", () => {
    const $ = load(read("en/source/doc-one/index.html"));
    const heading = $("#s-cited")
      .nextAll("h3")
      .filter((_, h) => $(h).text() === "Document");
    expect(heading.length).toBe(1);
    expect(heading.next("ul").find("a").attr("href")).toBe("../../../en/document/march-leaflet/index.html");
  });

  it("is searched: its page is in the index with its type and campaign as filters", () => {
    const $ = load(read("es/document/march-leaflet/index.html"));
    expect($("main").attr("data-pagefind-body")).toBe("");
    const filters = $("[data-pagefind-filter]")
      .map((_, e) => `${$(e).attr("data-pagefind-filter")}=${$(e).attr("data-value")}`)
      .get();
    expect(filters).toEqual(["campaign[data-value]=First Campaign", "type[data-value]=Documento", "year[data-value]=2013"]);
    expect(existsSync(path.join(site, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("is fed: the Atom and JSON feeds have an entry for it", () => {
    expect(read("en/feed.xml")).toContain('<category term="document" label="Document"');
    const feed = JSON.parse(read("en/feed.json")) as { items: Array<{ url: string; tags: string[] }> };
    expect(feed.items.find((i) => i.url.endsWith("/en/document/march-leaflet/"))?.tags).toEqual(["document"]);
  });

  it("is exported: its table, as CSV and JSON, is in the data package and on the data page", () => {
    const rows = parseCsv(read("en/data/documents.csv"), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      expect.objectContaining({
        id: "march-leaflet",
        date: "2013-09",
        campaigns: "first-campaign",
        page: "https://fixture.example.org/en/document/march-leaflet/",
      }),
    ]);
    const resources = (JSON.parse(read("en/data/datapackage.json")) as { resources: Array<{ path: string }> }).resources.map((r) => r.path);
    expect(resources).toContain("documents.json");
    expect(load(read("en/data/index.html"))('a[href$="documents.csv"]').length).toBe(1);
  });

  it("is cited and described: citation files, a Cite section and its JSON-LD type", () => {
    expect(read("en/document/march-leaflet/cite.bib")).toMatch(/^@online\{document-march-leaflet-en,/);
    const $ = load(read("en/document/march-leaflet/index.html"));
    expect($("section.cite dd").first().text()).toContain("“The march leaflet.”");
    const graph = (JSON.parse($('script[type="application/ld+json"]').text()) as { "@graph": Array<{ "@type": string }> })["@graph"];
    expect(graph[0]?.["@type"]).toBe("DigitalDocument");
    expect(read("sitemap.xml")).toContain("<loc>https://fixture.example.org/en/document/march-leaflet/</loc>");
  });

  it("is authored: `npm run new` starts a valid draft, and its JSON Schema is generated", () => {
    const settings = settingsSchema.parse(fixtureSettings);
    const request = { type: "document", title: "A letter", date: "2014", campaigns: ["first-campaign"] };
    const result = newItemFiles(documentType, request, settings, () => false);
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual([
      path.join("en", "documents", "a-letter.md"),
      path.join("es", "documents", "a-letter.md"),
    ]);
    expect(newItemFiles(documentType, { type: "document", title: "A letter" }, settings, () => false).problems).toEqual([
      "a document needs --date",
      "a document needs --campaign",
    ]);
    expect(contentJsonSchemas(types).get("document")).toMatchObject({
      description: "Front matter of a document: content/<lang>/documents/<id>.md",
      required: expect.arrayContaining(["title", "date", "campaigns"]),
    });
  });

  it("is rebuilt in watch mode with the pages it points at", () => {
    const dir = withTypeNames(writeFixture([...baseItems(), ...documents]));
    const site = loadSite({ contentDir: dir, types });
    const changed = changedItemKeys([path.join(dir, "en", "documents", "march-leaflet.md")], dir, types);
    expect([...(changed ?? [])]).toEqual(["document:march-leaflet"]);
    const rebuilt = affectedPages(site, changed as Set<string>, site).map((p) => p.path);
    expect(rebuilt).toEqual(expect.arrayContaining(["en/document/march-leaflet/", "en/campaign/first-campaign/", "es/source/doc-one/"]));
    expect(rebuilt).not.toContain("en/event/march-on-capitol/");
  });
});
