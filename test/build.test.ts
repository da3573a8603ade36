import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { load } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchiveSite, swapInto } from "../src/build.ts";
import { renderSite } from "../src/render.ts";
import { ContentError } from "../src/content/errors.ts";
import { loadSite } from "../src/site.ts";
import { baseItems, writeFixture } from "./helpers/fixture.ts";
import { buildFixtureSite } from "./helpers/build.ts";

describe("building a fixture archive", () => {
  let site: string;
  beforeAll(async () => {
    site = await buildFixtureSite(writeFixture());
  });

  it("writes a page per item and language at /{lang}/{type}/{id}/", () => {
    for (const lang of ["en", "es"]) {
      for (const page of [
        "event/march-on-capitol",
        "campaign/first-campaign",
        "goal/fc-citizenship",
        "organization/alliance-one",
        "person/ana-chair",
        "source/doc-one",
        "page/about",
      ]) {
        expect(existsSync(path.join(site, lang, page, "index.html")), `${lang}/${page}`).toBe(true);
      }
    }
  });

  it("renders the Spanish event with its Spanish date and lang", () => {
    const $ = load(readFileSync(path.join(site, "es/event/march-on-capitol/index.html"), "utf8"));
    expect($("html").attr("lang")).toBe("es");
    expect($("h1").text()).toBe("Marcha al Capitolio");
    expect($(".facts .date").first().text()).toBe("12 de septiembre de 2013");
  });

  it("writes Pagefind's index into the site", () => {
    expect(existsSync(path.join(site, "pagefind", "pagefind.js"))).toBe(true);
    expect(readFileSync(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")).toContain('"es"');
  });
});

describe("the staging swap", () => {
  it("replaces the old site only when the build succeeds", async () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "swap-")), "_site");
    await buildArchiveSite({ contentDir: writeFixture(), outDir, afterRender: [] });
    const before = readFileSync(path.join(outDir, "en/event/march-on-capitol/index.html"), "utf8");

    const items = baseItems();
    const changed = items.find((i) => i.lang === "en" && i.data.id === "march-on-capitol");
    if (changed) changed.data.title = "Changed title";
    const failing = buildArchiveSite({
      contentDir: writeFixture(items),
      outDir,
      afterRender: [async () => Promise.reject(new Error("indexing failed"))],
    });
    await expect(failing).rejects.toThrow("indexing failed");
    expect(readFileSync(path.join(outDir, "en/event/march-on-capitol/index.html"), "utf8")).toBe(before);
    expect(readdirNames(path.dirname(outDir))).toEqual(["_site"]);

    await buildArchiveSite({ contentDir: writeFixture(items), outDir, afterRender: [] });
    expect(readFileSync(path.join(outDir, "en/event/march-on-capitol/index.html"), "utf8")).toContain("Changed title");
  });

  it("leaves the previous site when Eleventy fails on bad content", async () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "swap-")), "_site");
    await buildArchiveSite({ contentDir: writeFixture(), outDir, afterRender: [] });
    const items = baseItems();
    const broken = items.find((i) => i.lang === "en" && i.data.id === "march-on-capitol");
    if (broken) broken.data.date = "2013-02-30";
    await expect(buildArchiveSite({ contentDir: writeFixture(items), outDir, afterRender: [] })).rejects.toThrow(/date/);
    expect(existsSync(path.join(outDir, "en/event/march-on-capitol/index.html"))).toBe(true);
  });

  it("swapInto moves a staged folder over an existing one", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "swap-"));
    for (const [dir, text] of [
      ["old", "old"],
      ["new", "new"],
    ] as const) {
      mkdirSync(path.join(parent, dir));
      writeFileSync(path.join(parent, dir, "index.html"), text);
    }
    swapInto(path.join(parent, "new"), path.join(parent, "old"));
    expect(readFileSync(path.join(parent, "old", "index.html"), "utf8")).toBe("new");
    expect(readdirNames(parent)).toEqual(["old"]);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe("rendering in a process of its own", () => {
  it("writes the same site and returns the content's warnings", async () => {
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "apart-")), "_site");
    const here = await buildArchiveSite({ contentDir: writeFixture(), outDir: `${outDir}-here`, afterRender: [] });
    const apart = await buildArchiveSite({ contentDir: writeFixture(), outDir, afterRender: [], renderApart: true });
    expect(apart.warnings).toEqual(here.warnings);
    expect(readFileSync(path.join(outDir, "es/event/march-on-capitol/index.html"), "utf8")).toBe(
      readFileSync(path.join(`${outDir}-here`, "es/event/march-on-capitol/index.html"), "utf8"),
    );
  });

  it("writes the same files in batches of pages, each in a process of its own, as in one run", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "batches-"));
    const contentDir = writeFixture();
    await buildArchiveSite({ contentDir, outDir: path.join(parent, "whole"), afterRender: [] });
    await buildArchiveSite({ contentDir, outDir: path.join(parent, "batched"), afterRender: [], renderApart: true, pagesPerBatch: 25 });
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => !f.startsWith("."))
        .sort();
    const whole = files(path.join(parent, "whole"));
    expect(whole.length).toBeGreaterThan(30);
    expect(files(path.join(parent, "batched"))).toEqual(whole);
    for (const file of whole.filter((f) => /\.(html|xml|json|txt|bib)$/.test(f))) {
      expect(readFileSync(path.join(parent, "batched", file), "utf8"), file).toBe(readFileSync(path.join(parent, "whole", file), "utf8"));
    }
  });

  it("reports every content problem with its place, as a render in this process does", async () => {
    const items = baseItems();
    const broken = items.find((i) => i.lang === "en" && i.data.id === "march-on-capitol");
    if (broken) broken.data.date = "2013-02-30";
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "apart-")), "_site");
    const failing = buildArchiveSite({ contentDir: writeFixture(items), outDir, afterRender: [], renderApart: true });
    await expect(failing).rejects.toBeInstanceOf(ContentError);
    await expect(failing).rejects.toMatchObject({
      problems: [expect.objectContaining({ field: "date", file: expect.stringContaining("march-on-capitol") })],
    });
    expect(existsSync(outDir)).toBe(false);
  });
});

describe("reading the content once per build", () => {
  it("renders the site it is handed instead of reading the content again", async () => {
    const contentDir = writeFixture();
    const site = loadSite({ contentDir });
    const event = site.archive.byLanguage.get("en")?.byId.event.get("march-on-capitol");
    if (event) event.title = "Title only in memory";
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "handover-")), "site");
    await renderSite({ contentDir, outDir }, site);
    expect(readFileSync(path.join(outDir, "en/event/march-on-capitol/index.html"), "utf8")).toContain("<h1>Title only in memory</h1>");
  });
});

describe("compiling the templates", () => {
  it("compiles each template once per run, however many pages it renders", async () => {
    // Eleventy's own Nunjucks: every template, file or string, is compiled through this method.
    const { Template } = createRequire(import.meta.url)("nunjucks") as { Template: { prototype: { _compile(): unknown } } };
    const compiles = new Map<string, number>();
    const compile = Template.prototype._compile;
    Template.prototype._compile = function (this: { path?: string }) {
      const name = this.path ?? "(a string)";
      compiles.set(name, (compiles.get(name) ?? 0) + 1);
      return compile.call(this);
    };
    const items = baseItems();
    // Two old addresses: redirect pages are paginated too.
    for (const item of items)
      if (item.data.id === "march-on-capitol") item.data.aliases = [`/${item.lang}/old-march/`, `/${item.lang}/older-march/`];
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "compiles-")), "site");
    try {
      await renderSite({ contentDir: writeFixture(items), outDir });
    } finally {
      Template.prototype._compile = compile;
    }
    const pages = readdirSync(outDir, { recursive: true }).filter((file) => String(file).endsWith(".html")).length;
    expect(pages).toBeGreaterThan(50);
    // Eleventy keeps what it compiled across runs in one process: an earlier test's run may have compiled the rest.
    expect(compiles.size).toBeGreaterThan(0);
    expect([...compiles].filter(([, count]) => count > 1)).toEqual([]);
  });
});
