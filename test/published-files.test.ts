import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { load } from "cheerio";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { LocalizedArchive } from "../src/archive.ts";
import { loadSite, type SiteData } from "../src/site.ts";
import { jsonLdTypeOf } from "../src/outputs/metadata.ts";
import { siteUrl } from "../src/urls.ts";
import { listDelimiter, type Field, type Row } from "../src/outputs/open-data.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { projectRoot } from "./helpers/fixture.ts";

const contentDir = path.join(projectRoot, "content");
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "url", "xhtml:link", "link"].includes(name) });

describe("archival outputs of the real archive", () => {
  let site: string;
  let data: SiteData;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");
  const itemPages = () => data.pages.filter((p) => p.item && p.item.path === p.path);

  beforeAll(async () => {
    data = loadSite({ contentDir });
    site = await buildFixtureSite(contentDir, { search: false });
  });

  it("puts JSON-LD that parses, with the expected @type, in every page", () => {
    for (const page of data.pages) {
      const $ = load(read(page.outputPath));
      const scripts = $('script[type="application/ld+json"]');
      expect(scripts.length, page.path).toBe(1);
      const graph = JSON.parse(scripts.text())["@graph"] as Array<{ "@type": string }>;
      expect(
        graph.map((n) => n["@type"]),
        page.path,
      ).toEqual([jsonLdTypeOf(page, data.archive.byLanguage.get(page.lang) as LocalizedArchive), "BreadcrumbList"]);
      expect($('link[rel="canonical"]').attr("href"), page.path).toBe(siteUrl(data.archive.settings, page.path));
      expect($('meta[name="DCTERMS.identifier"]').attr("content"), page.path).toBe(siteUrl(data.archive.settings, page.path));
      expect($('meta[name="citation_title"]').attr("content"), page.path).toBe(page.title);
    }
  });

  it("gives every item page a Cite this section and citation files that parse", () => {
    const pages = itemPages();
    expect(pages.length).toBeGreaterThan(100);
    // One parse of every entry together: the parser is the slow part.
    const bib = parseBibtex(pages.map((page) => read(`${page.path}cite.bib`)).join("\n"), { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries.map((e) => e.fields.url)).toEqual(pages.map((page) => siteUrl(data.archive.settings, page.path)));
    for (const page of pages) {
      expect(
        read(page.outputPath)
          .match(/<section class="cite"[\s\S]*?<\/section>/)?.[0]
          .match(/<dd>/g)?.length,
        page.path,
      ).toBe(3);
      const csl = JSON.parse(read(`${page.path}cite.json`)) as Array<{ title: string; URL: string }>;
      expect(csl[0]).toMatchObject({ title: page.item?.title, URL: siteUrl(data.archive.settings, page.path) });
    }
    expect(load(read("en/index.html"))("section.cite h2").text()).toBe("Cite this archive");
    expect(JSON.parse(read("es/cite.json"))[0].title).toBe(data.archive.settings.name.es);
  });

  it("writes Atom and JSON feeds per language that parse and list every item", () => {
    for (const { code } of data.archive.languages) {
      const urls = itemPages()
        .filter((p) => p.lang === code)
        .map((p) => siteUrl(data.archive.settings, p.path));
      const atom = xml.parse(read(`${code}/feed.xml`));
      for (const key of ["id", "title", "updated", "author"]) expect(atom.feed[key], key).toBeTruthy();
      const entries = atom.feed.entry as Array<{ id: string; title: string; updated: string; link: unknown[] }>;
      for (const entry of entries) expect(entry.id && entry.title && entry.updated && entry.link.length).toBeTruthy();
      expect(entries.map((e) => e.id).sort()).toEqual([...urls].sort());
      const json = JSON.parse(read(`${code}/feed.json`));
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.items.map((i: { id: string }) => i.id).sort()).toEqual([...urls].sort());
      const $ = load(read(`${code}/index.html`));
      expect($('link[type="application/atom+xml"]').attr("href")).toBe("../en/feed.xml".replace("en", code));
    }
  });

  it("writes a sitemap of every page with its language alternates, and a robots.txt that points at it", () => {
    const sitemap = xml.parse(read("sitemap.xml"));
    const urls = sitemap.urlset.url as Array<{ loc: string; "xhtml:link": Array<Record<string, string>> }>;
    const expected = data.pages.filter((p) => p.kind !== "not-found").map((p) => siteUrl(data.archive.settings, p.path));
    expect(urls.map((u) => u.loc).sort()).toEqual(expected.sort());
    const event = urls.find((u) => u.loc.endsWith("/en/event/wbt-civil-disobedience-capitol/"));
    expect(event?.["xhtml:link"].map((l) => l["@_hreflang"])).toEqual(["en", "es"]);
    expect(read("robots.txt")).toContain(`Sitemap: ${siteUrl(data.archive.settings, "sitemap.xml")}`);
  });

  it("writes CSVs that parse back to the JSON, and a data package that describes every file and field", () => {
    for (const { code } of data.archive.languages) {
      const dir = path.join(site, code, "data");
      const pkg = JSON.parse(read(`${code}/data/datapackage.json`)) as { resources: Array<{ path: string; schema?: { fields: Field[] } }> };
      const described = pkg.resources.map((r) => r.path).sort();
      expect(described).toEqual(
        readdirSync(dir)
          .filter((f) => f !== "index.html" && f !== "datapackage.json")
          .sort(),
      );
      for (const resource of pkg.resources.filter((r) => r.path.endsWith(".csv"))) {
        const fields = resource.schema?.fields ?? [];
        const rows = parseCsv(read(`${code}/data/${resource.path}`), { columns: true, bom: true }) as Array<Record<string, string>>;
        const decoded: Row[] = rows.map((row) =>
          Object.fromEntries(
            fields.map((f) => {
              const cell = row[f.name] as string;
              if (f.type === "list") return [f.name, cell === "" ? [] : cell.split(listDelimiter)];
              if (f.type === "boolean") return [f.name, cell === "true"];
              return [f.name, cell === "" ? null : cell];
            }),
          ),
        );
        const json = JSON.parse(read(`${code}/data/${resource.path.replace(/\.csv$/, ".json")}`)) as Row[];
        expect(json.length, resource.path).toBeGreaterThan(0);
        expect(decoded, resource.path).toEqual(json);
        expect(Object.keys(json[0] ?? {}), resource.path).toEqual(fields.map((f) => f.name));
      }
    }
  });

  it("writes a TimelineJS timeline of the dated events and a Data and downloads page", () => {
    const timeline = JSON.parse(read("en/data/timeline.json")) as {
      events: Array<{ start_date: { year: number }; text: { headline: string } }>;
    };
    const loc = data.archive.byLanguage.get("en");
    const dated = loc?.events.filter((e) => e.date?.precision !== "undated") ?? [];
    // TimelineJS reads headlines as HTML: read as HTML, they give back the titles.
    expect(timeline.events.map((e) => load(`<p>${e.text.headline}</p>`)("p").text())).toEqual(dated.map((e) => e.title));
    for (const event of timeline.events) expect(Number.isInteger(event.start_date.year)).toBe(true);
    const $ = load(read("es/data/index.html"));
    expect($("h1").text()).toBe("Datos y descargas");
    const links = $("dl.downloads a")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links).toContain("../../es/data/events.csv");
    expect(links).toContain("../../es/data/datapackage.json");
    expect($('a[rel="license"]').attr("href")).toBe(data.archive.settings.licence.url);
  });
});
