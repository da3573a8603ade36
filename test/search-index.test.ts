import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type LocalizedArchive } from "../src/archive.ts";
import { indexedTexts } from "../src/bench/index-words.ts";
import { loadContent } from "../src/content/load.ts";
import { indexedGroups, writeSearchIndex } from "../src/search-index.ts";
import { billSpellings, nameInitials } from "../src/content-types/search-words.ts";
import { searchRecord } from "../src/outputs/search-record.ts";
import { listSitePages, type SitePage } from "../src/site-pages.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { writeFixture } from "./helpers/fixture.ts";

describe("search-only words", () => {
  it("gives both spellings of a bill number, joined or spaced", () => {
    expect(billSpellings("Arizona's SB1070 and Georgia's HB 87")).toEqual(["SB1070", "SB 1070", "HB87", "HB 87"]);
  });

  it("does not take other capitals followed by a number for a bill", () => {
    expect(billSpellings("COVID-19 and Beijing +5 in 2000")).toEqual([]);
  });

  it("derives an organization's initials from the capitalized words of its name", () => {
    expect(nameInitials("National Domestic Workers Alliance")).toBe("NDWA");
    expect(nameInitials("Coalition for Humane Immigrant Rights")).toBe("CHIR");
  });

  it("gives no initials shorter than three letters", () => {
    expect(nameInitials("Alliance One")).toBeUndefined();
  });
});

describe("a page's search record", () => {
  let pages: SitePage[];
  let byLang: Map<string, LocalizedArchive>;
  const page = (lang: string, p: string) => pages.find((x) => x.lang === lang && x.path === p) as SitePage;
  beforeAll(() => {
    const content = loadContent(writeFixture()).content;
    if (!content) throw new Error("fixture content did not load");
    const archive = buildArchive(content);
    pages = listSitePages(archive);
    byLang = archive.byLanguage;
  });

  it("files an event under its campaign, type, year and topic, in the page's language", () => {
    const record = searchRecord(page("es", "es/event/march-on-capitol/"), byLang.get("es") as LocalizedArchive);
    expect(record?.filters).toEqual([
      { name: "campaign", value: "First Campaign" },
      { name: "type", value: "Acontecimiento" },
      { name: "year", value: "2013" },
      { name: "topic", value: "Protesta" },
    ]);
    expect(record?.meta).toContainEqual({ name: "date", value: "12 de septiembre de 2013" });
  });

  it("adds the spaced spelling of a bill the text writes joined, and an involved organization's acronym", () => {
    const record = searchRecord(page("en", "en/event/march-on-capitol/"), byLang.get("en") as LocalizedArchive);
    expect(record?.aliases).toEqual(["SB 1070", "AO"]);
  });

  it("gives undated items sort keys that put them last both ways", () => {
    const record = searchRecord(page("en", "en/event/undated-fast/"), byLang.get("en") as LocalizedArchive);
    expect(record?.sort).toEqual([
      { name: "date", value: "9999-99-99" },
      { name: "newest", value: "0000-00-00" },
    ]);
  });

  it("files a source under the campaigns of what cites it", () => {
    const record = searchRecord(page("en", "en/source/doc-one/"), byLang.get("en") as LocalizedArchive);
    expect(record?.filters).toContainEqual({ name: "campaign", value: "First Campaign" });
  });

  it("files a source cited for one role of an organization only under that role's campaign", () => {
    const archive = buildArchive(loadContent(path.resolve("content")).content as NonNullable<ReturnType<typeof loadContent>["content"]>);
    const pageOf = (p: string) => listSitePages(archive).find((sp) => sp.path === p) as SitePage;
    const campaigns = (p: string) =>
      searchRecord(pageOf(p), archive.byLanguage.get("en") as LocalizedArchive)
        ?.filters.filter((f) => f.name === "campaign")
        .map((f) => f.value);
    // The National Domestic Workers Alliance takes part in several campaigns; it cites this statement for its role in one.
    expect(campaigns("en/source/we-are-home-statement/")).toEqual(["We Are Home"]);
    expect(campaigns("en/source/wbt-about/")).toEqual(["We Belong Together"]);
  });

  it("adds no hidden copy of a spaced bill number the page already shows", () => {
    const archive = buildArchive(loadContent(path.resolve("content")).content as NonNullable<ReturnType<typeof loadContent>["content"]>);
    const event = listSitePages(archive).find((sp) => sp.path === "en/event/wbt-alabama-delegation-hb-56/") as SitePage;
    expect(searchRecord(event, archive.byLanguage.get("en") as LocalizedArchive)?.aliases).toEqual(["HB56"]);
  });

  it("leaves listings and the search page out of the index", () => {
    for (const p of ["en/timeline/", "en/campaign/", "en/search/", "en/"]) {
      expect(searchRecord(page("en", p), byLang.get("en") as LocalizedArchive), p).toBeUndefined();
    }
  });
});

describe("the built fixture's search markup", () => {
  let site: string;
  const html = (p: string) => load(readFileSync(path.join(site, p), "utf8"));
  beforeAll(async () => {
    site = await buildFixtureSite(writeFixture());
  });

  it("marks an item page's content for Pagefind, with filters, meta and sort keys in attributes of empty elements", () => {
    const $ = html("en/event/march-on-capitol/index.html");
    expect($("main[data-pagefind-body]").length).toBe(1);
    expect($('[data-pagefind-filter="type[data-value]"]').attr("data-value")).toBe("Event");
    expect($('[data-pagefind-meta="date[data-value]"]').attr("data-value")).toBe("September 12, 2013");
    expect($('[data-pagefind-sort="date[data-value]"]').attr("data-value")).toBe("2013-09-12");
    // Text browsers ignore `hidden`: the values must not be text at all.
    expect($("[data-pagefind-filter], [data-pagefind-meta], [data-pagefind-sort], [data-pagefind-index-attrs]").text()).toBe("");
  });

  it("does not mark listing pages", () => {
    expect(html("en/timeline/index.html")("[data-pagefind-body]").length).toBe(0);
  });

  it("allows WebAssembly and loads the search script on the search page only", () => {
    const search = html("en/search/index.html");
    const event = html("en/event/march-on-capitol/index.html");
    const csp = ($: ReturnType<typeof load>) => $('meta[http-equiv="Content-Security-Policy"]').attr("content") ?? "";
    expect(csp(search)).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp(event)).toContain("script-src 'none';");
    expect(search("script[src]").attr("src")).toMatch(/^\.\.\/\.\.\/assets\/search\.[0-9a-f]+\.js$/);
    expect(event("script[src]").length).toBe(0);
  });

  it("indexes one language per index, item pages only", () => {
    const entry = JSON.parse(readFileSync(path.join(site, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    // Seven item types, one item each, per language.
    expect(entry.languages.en?.page_count).toBe(9);
    expect(entry.languages.es?.page_count).toBe(9);
  });

  it("indexes words as the page shows them: no fact label runs into its value", () => {
    const words = (text: string) =>
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    const checked = indexedTexts(site);
    expect(checked.length).toBe(18);
    for (const { url, content } of checked) {
      const $ = html(`${url.replace(/^\//, "")}index.html`);
      // Each text node's words on their own, and the hidden search words: what a reader can search.
      const texts = $("main")
        .find("*")
        .contents()
        .filter((_, node) => node.type === "text")
        .map((_, node) => $(node).text())
        .get();
      const hidden = $("[data-words]")
        .map((_, el) => $(el).attr("data-words") ?? "")
        .get();
      const shown = new Set([...texts, ...hidden].flatMap(words));
      expect(
        words(content).filter((word) => !shown.has(word)),
        url,
      ).toEqual([]);
    }
  });

  it("leaves a source's address and file name out of the index, where they would be one long word", () => {
    const source = indexedTexts(site).find(
      (f) => f.url.startsWith("/en/source/") && html(`${f.url.slice(1)}index.html`)("main code").length > 0,
    );
    const $ = html(`${source?.url.slice(1)}index.html`);
    const seed = $("main code").text();
    expect(seed).toMatch(/\.txt$/);
    expect(source?.content).not.toContain(seed);
    expect(source?.content).not.toMatch(/https?:/);
  });

  it("leaves fact labels out of the index", () => {
    const $ = html("en/event/march-on-capitol/index.html");
    const labels = $("main dt")
      .map((_, el) => $(el).text())
      .get();
    expect(labels).toContain("Places");
    const event = indexedTexts(site).find((f) => f.url === "/en/event/march-on-capitol/");
    for (const label of labels) expect(event?.content, label).not.toContain(label);
  });

  it("leaves the lists of related items out of the index, wherever the layout nests them", () => {
    const indexed = indexedTexts(site);
    let checked = 0;
    for (const { url, content } of indexed) {
      const $ = html(`${url.replace(/^\//, "")}index.html`);
      for (const heading of $("main article section h2").get()) {
        const text = $(heading).text().trim();
        expect(content, `${url}: ${text}`).not.toContain(text);
        checked += 1;
      }
    }
    // Every item page but the static pages lists something related.
    expect(checked).toBeGreaterThan(indexed.length / 2);
  });

  it("reports how many pages it read and how many it indexed", async () => {
    const unindexed = await buildFixtureSite(writeFixture(), { search: false });
    const html = readdirSync(unindexed, { recursive: true }).filter((f) => String(f).endsWith(".html"));
    await expect(writeSearchIndex(unindexed)).resolves.toEqual({ pages: html.length, indexed: 18 });
  });
});

describe("indexing a language at a time", () => {
  const page = (lang: string, text: string, marked = true) =>
    `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body><main${marked ? " data-pagefind-body" : ""}><h1>${text}</h1><p>${text} words to find.</p></main></body></html>`;
  const site = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-groups-"));
    for (const [file, html] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
    }
    return dir;
  };
  const entry = (dir: string) =>
    JSON.parse(readFileSync(path.join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };

  it("runs Pagefind once per folder holding marked pages, and for marked pages at the top", () => {
    const dir = site({
      "index.html": page("en", "Chooser", false),
      "en/a/index.html": page("en", "Alpha"),
      "es/b/index.html": page("es", "Beta"),
      "downloads/list.html": page("en", "Unmarked", false),
    });
    expect(indexedGroups(dir)).toEqual(["en/a/**/*.{html}", "es/b/**/*.{html}"]);
    writeFileSync(path.join(dir, "about.html"), page("en", "About"));
    expect(indexedGroups(dir)).toEqual(["*.{html}", "en/a/**/*.{html}", "es/b/**/*.{html}"]);
  });

  it("leaves out of a language's run its folders of listings only, which Pagefind would read for nothing", () => {
    const dir = site({
      "en/index.html": page("en", "Home", false),
      "en/event/one/index.html": page("en", "One"),
      "en/event/page/2/index.html": page("en", "Events, page 2", false),
      "en/topic/protest/index.html": page("en", "Protest", false),
      "en/source/s/index.html": page("en", "Source"),
    });
    expect(indexedGroups(dir)).toEqual(["en/{event/**/*.{html},source/**/*.{html}}"]);
    writeFileSync(path.join(dir, "en", "about.html"), page("en", "About"));
    expect(indexedGroups(dir)).toEqual(["en/{*.{html},event/**/*.{html},source/**/*.{html}}"]);
    // A folder name with a glob's own characters: the whole language folder, as one glob.
    mkdirSync(path.join(dir, "en", "odd{name}"));
    writeFileSync(path.join(dir, "en", "odd{name}", "index.html"), page("en", "Odd"));
    expect(indexedGroups(dir)).toEqual(["en/**/*.{html}"]);
  });

  it("indexes the marked pages its narrowed globs name, and only those", async () => {
    const dir = site({
      "en/index.html": page("en", "Home", false),
      "en/about.html": page("en", "About"),
      "en/event/one/index.html": page("en", "One"),
      "en/event/two/index.html": page("en", "Two"),
      "en/topic/protest/index.html": page("en", "Protest", false),
      "en/source/s/index.html": page("en", "Source"),
    });
    await expect(writeSearchIndex(dir)).resolves.toEqual({ pages: 6, indexed: 4 });
  });

  it("merges the languages of its runs into one entry, leaving out folders without marked pages", async () => {
    const dir = site({
      "en/a/index.html": page("en", "Alpha"),
      "en/c/index.html": page("en", "Gamma"),
      "es/b/index.html": page("es", "Beta"),
      "downloads/list.html": page("en", "Unmarked", false),
    });
    await expect(writeSearchIndex(dir)).resolves.toEqual({ pages: 4, indexed: 3 });
    expect(entry(dir).languages.en?.page_count).toBe(2);
    expect(entry(dir).languages.es?.page_count).toBe(1);
  });

  it("indexes the site at once when a language's pages lie in two folders", async () => {
    const dir = site({
      "en/a/index.html": page("en", "Alpha"),
      "es/b/index.html": page("es", "Beta"),
      "es/untranslated/index.html": page("en", "Gamma"),
    });
    await expect(writeSearchIndex(dir)).resolves.toEqual({ pages: 3, indexed: 3 });
    expect(entry(dir).languages.en?.page_count).toBe(2);
    expect(entry(dir).languages.es?.page_count).toBe(1);
  });
});
