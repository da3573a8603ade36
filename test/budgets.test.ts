import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../src/bundle.ts";
import { buildFixtureSite } from "./helpers/build.ts";

// RFC 6928: a new connection's first round trip carries ten segments, about 14 KB.
const budget = 14 * 1024;

interface BuiltPage {
  page: string;
  html: cheerio.CheerioAPI;
  /** Site paths of the stylesheets the page links. */
  stylesheets: string[];
  /** gzip(HTML) + gzip(each stylesheet): what the first visit to this page downloads. */
  bytes: number;
}

const isSearch = (page: string) => /^[^/]+\/search\//.test(page);

/** The real content, built once; every page but search weighed as it travels. */
describe("page budgets on the real archive", () => {
  let site: string;
  let pages: BuiltPage[];

  beforeAll(async () => {
    site = await buildFixtureSite(path.resolve("content"), { search: false });
    const gzipped = (file: string) => gzipSync(readFileSync(path.join(site, file))).length;
    pages = listFiles(site)
      .filter((page) => page.endsWith(".html") && !isSearch(page))
      .map((page) => {
        const html = cheerio.load(readFileSync(path.join(site, page)));
        const stylesheets = html('link[rel="stylesheet"]')
          // Resolved as a browser does: 404 pages link from the site root, the others relatively.
          .map((_, link) => new URL(link.attribs.href ?? "", `http://site/${page}`).pathname.slice(1))
          .get();
        return { page, html, stylesheets, bytes: gzipped(page) + stylesheets.reduce((sum, css) => sum + gzipped(css), 0) };
      })
      .sort((a, b) => a.bytes - b.bytes);
    const median = pages[Math.floor(pages.length / 2)] as BuiltPage;
    const largest = pages.at(-1) as BuiltPage;
    console.log(
      `${pages.length} pages; largest ${largest.page} ${largest.bytes} B, median ${median.page} ${median.bytes} B (budget ${budget} B)`,
    );
  });

  it("fits every page but search, HTML and CSS gzipped, in 14 KB", () => {
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((p) => p.bytes > budget).map((p) => `${p.page}: ${p.bytes} B`)).toEqual([]);
  });

  it("gives every page one shared stylesheet with a content-hashed name and no web fonts", () => {
    const sheets = new Set(pages.flatMap((p) => p.stylesheets));
    expect([...sheets]).toHaveLength(1);
    expect(pages.filter((p) => p.stylesheets.length !== 1).map((p) => p.page)).toEqual([]);
    const [sheet] = [...sheets] as [string];
    expect(sheet).toMatch(/^assets\/site\.[0-9a-f]{10}\.css$/);
    expect(readFileSync(path.join(site, sheet), "utf8")).not.toMatch(/@font-face|@import|url\(/);
    expect(listFiles(site).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))).toEqual([]);
  });

  // JSON-LD is data for machines, not a script the browser runs.
  it("has no JavaScript, images or inline styles outside the search page", () => {
    const offenders = pages.filter((p) => p.html('script:not([type="application/ld+json"]), img, picture, iframe, [style]').length > 0);
    expect(offenders.map((p) => p.page)).toEqual([]);
  });
});
