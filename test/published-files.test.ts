import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { load } from "cheerio";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { LocalizedArchive } from "../src/archive.ts";
import { loadSite, type SiteData } from "../src/site.ts";
import { jsonLdTypeOf } from "../src/outputs/metadata.ts";
import { siteUrl } from "../src/urls.ts";
import { dataTables, listDelimiter, type Field, type Row } from "../src/outputs/open-data.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { projectRoot } from "./helpers/fixture.ts";
import { schemaOrgProblems } from "./helpers/schema-org.ts";

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

  it("puts JSON-LD that parses, with the expected @type, in every page but the 404s", () => {
    for (const page of data.pages.filter((p) => p.kind !== "not-found")) {
      const $ = load(read(page.outputPath));
      const scripts = $('script[type="application/ld+json"]');
      expect(scripts.length, page.path).toBe(1);
      const graph = JSON.parse(scripts.text())["@graph"] as Array<{ "@type": string }>;
      const trail = page.breadcrumbs.length > 0 ? ["BreadcrumbList"] : [];
      expect(
        graph.map((n) => n["@type"]),
        page.path,
      ).toEqual([jsonLdTypeOf(page, data.archive.byLanguage.get(page.lang) as LocalizedArchive), ...trail]);
      expect($('link[rel="canonical"]').attr("href"), page.path).toBe(siteUrl(data.archive.settings, page.path));
      expect($('meta[name="DCTERMS.identifier"]').attr("content"), page.path).toBe(siteUrl(data.archive.settings, page.path));
    }
  });

  it("uses in every JSON-LD block only schema.org types, and properties their types have, and no empty list", () => {
    const problems = data.pages
      .filter((p) => p.kind !== "not-found")
      .flatMap((page) =>
        schemaOrgProblems(JSON.parse(load(read(page.outputPath))('script[type="application/ld+json"]').text())).map(
          (p) => `${page.path} ${p}`,
        ),
      );
    expect(problems).toEqual([]);
    // The check itself catches what the issue found.
    expect(schemaOrgProblems({ "@type": "NGO", inLanguage: "en", member: [] })).toEqual([
      "$.inLanguage: not a property of NGO",
      "$.member: an empty list",
    ]);
  });

  it("describes the data page as a Dataset with its creator and a download per file", () => {
    const [dataset] = JSON.parse(load(read("en/data/index.html"))('script[type="application/ld+json"]').text())["@graph"];
    expect(dataset.creator).toEqual({ "@type": "Organization", name: "Immigrant Women's Rights Campaigns Archive project" });
    const urls = (dataset.distribution as Array<{ contentUrl: string; encodingFormat: string }>).map((d) => d.contentUrl);
    expect(urls).toContain(siteUrl(data.archive.settings, "en/data/events.csv"));
    expect(urls).toContain(siteUrl(data.archive.settings, "en/data/datapackage.json"));
  });

  // Reference managers would save "Page not found" as a citation, and search engines index it.
  it("gives the 404 pages noindex and no canonical, citation, Dublin Core, Open Graph or JSON-LD", () => {
    for (const file of ["404.html", "en/404.html", "es/404.html"]) {
      const $ = load(read(file));
      expect($('meta[name="robots"]').attr("content"), file).toBe("noindex");
      expect(
        $(
          'link[rel="canonical"], meta[name^="citation_"], meta[name^="DCTERMS."], meta[property^="og:"], script[type="application/ld+json"]',
        ).length,
        file,
      ).toBe(0);
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
      // Each entry is dated by its item where the sources give the day, and never more precisely.
      const byUrl = new Map(
        itemPages()
          .filter((p) => p.lang === code)
          .map((p) => [siteUrl(data.archive.settings, p.path), p.item]),
      );
      const published = (entries as Array<{ id: string; published?: string }>).map(
        (e) => [e.published?.slice(0, 10), byUrl.get(e.id)?.date] as const,
      );
      expect(published.filter(([stamp]) => stamp).length, code).toBeGreaterThan(0);
      for (const [stamp, date] of published)
        expect(stamp, code).toBe(date?.precision === "day" && !date.approximate ? date.iso : undefined);
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
    const root = urls.find((u) => u.loc === siteUrl(data.archive.settings, ""));
    expect(root?.["xhtml:link"].map((l) => [l["@_hreflang"], l["@_href"]])).toEqual([
      ["en", siteUrl(data.archive.settings, "en/")],
      ["es", siteUrl(data.archive.settings, "es/")],
      ["x-default", siteUrl(data.archive.settings, "")],
    ]);
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
      const tables = dataTables(data.archive, code);
      for (const resource of pkg.resources.filter((r) => r.path.endsWith(".csv"))) {
        const fields = tables.find((t) => `${t.name}.csv` === resource.path)?.fields ?? [];
        expect(
          resource.schema?.fields.map((f) => f.name),
          resource.path,
        ).toEqual(fields.map((f) => f.name));
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

  it("exports every quotation of the content files as the evidence table, with the part it backs and its translation", () => {
    for (const { code } of data.archive.languages) {
      // Counted from the files themselves: each `quote:` key of a front matter is one quotation.
      const files = readdirSync(path.join(contentDir, code), { recursive: true }).filter((f) => String(f).endsWith(".md"));
      const quotes = files.flatMap((f) => {
        const text = readFileSync(path.join(contentDir, code, String(f)), "utf8");
        const front = text.split(/^---$/m)[1] ?? "";
        return front.match(/^\s*(- )?quote: /gm) ?? [];
      });
      const rows = JSON.parse(read(`${code}/data/evidence.json`)) as Row[];
      expect(rows.length, code).toBe(quotes.length);
      expect(
        rows.some((r) => r.type === "organization" && /^roles\[\d+\]$/.test(String(r.part))),
        code,
      ).toBe(true);
    }
    const spanish = JSON.parse(read("es/data/evidence.json")) as Row[];
    const sb1070 = spanish.filter((r) => r.item === "arizona-sb1070-passed");
    expect(sb1070.map((r) => r.quote_translation)).toContain(
      "un grupo de mujeres viajó a Arizona a raíz de la aprobación de la ley antiinmigrante SB1070",
    );
    expect(sb1070[0]?.page).toBe(siteUrl(data.archive.settings, "es/event/arizona-sb1070-passed/"));
    expect(load(read("en/data/index.html"))("dt").text()).toContain("Evidence: every quotation");
  });

  // The published profile, vendored: test/fixtures/vocabularies/README.md says where from.
  it("writes data packages that the Data Package 2.0 JSON Schema accepts, with the licence as an SPDX id", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(projectRoot, "test/fixtures/vocabularies/datapackage-2.0.json"), "utf8")),
    );
    for (const { code } of data.archive.languages) {
      const pkg = JSON.parse(read(`${code}/data/datapackage.json`));
      expect(validate(pkg) ? [] : validate.errors, code).toEqual([]);
      expect(pkg.licenses[0]).toMatchObject({ name: "CC-BY-4.0", path: data.archive.settings.licence.url });
    }
    expect(validate({ resources: [{ name: "x", path: "x.csv" }], licenses: [{ name: "CC BY 4.0" }] })).toBe(false);
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
