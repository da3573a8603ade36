import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../src/bundle.ts";
import { startStaticServer, type StaticServer } from "../src/static-server.ts";
import { buildFixtureSite } from "./helpers/build.ts";

interface Crawl {
  /** Site paths of every HTML page reached, as files ("en/event/x/index.html"). */
  pages: Set<string>;
  /** Every link that did not answer 200, with the page it was found on. */
  broken: string[];
  checked: number;
}

/**
 * Every address a document points at: links, assets, forms, and the entries of sitemaps and
 * feeds; or, for a reader's walk, only the links (`a[href]`) of HTML pages.
 */
function linksOf(body: string, contentType: string, readerOnly = false): string[] {
  if (readerOnly)
    return contentType.includes("html")
      ? cheerio
          .load(body)("a[href]")
          .map((_, el) => el.attribs.href ?? "")
          .get()
      : [];
  if (contentType.includes("html")) {
    const $ = cheerio.load(body);
    // data-pagefind: where the search page's script loads the search index from.
    const attrs = ["href", "src", "action", "data-pagefind"];
    return attrs.flatMap((attr) =>
      $(`[${attr}]`)
        .map((_, el) => $(el).attr(attr) ?? "")
        .get(),
    );
  }
  if (contentType.includes("xml")) {
    const $ = cheerio.load(body, { xml: true });
    return [
      ...$("loc, rss link")
        .map((_, el) => $(el).text())
        .get(),
      ...$("[href]")
        .map((_, el) => $(el).attr("href") ?? "")
        .get(),
    ];
  }
  // JSON feeds and citations: every string that is an absolute URL; robots.txt: its Sitemap lines.
  if (contentType.includes("json")) return JSON.stringify(JSON.parse(body)).match(/https?:\/\/[^"\\]+/g) ?? [];
  if (contentType.includes("text/plain")) return body.match(/https?:\/\/\S+/g) ?? [];
  return [];
}

/**
 * Follows every internal link from `seeds` over HTTP. Absolute links to the public address
 * (canonical URLs, 404 pages, sitemaps, feeds) are fetched from the local server instead,
 * path and prefix unchanged, so a missing prefix shows up as a broken link.
 */
async function crawl(server: StaticServer, baseUrl: string, seeds: string[], readerOnly = false): Promise<Crawl> {
  const local = new URL(server.url);
  const prefix = local.pathname;
  const publicOrigin = new URL(baseUrl).origin;
  const seen = new Set<string>();
  const result: Crawl = { pages: new Set(), broken: [], checked: 0 };
  let queue = seeds.map((url) => ({ url, from: "(start)" }));
  const visit = async ({ url, from }: { url: string; from: string }) => {
    const response = await fetch(url, { redirect: "manual" });
    result.checked += 1;
    if (response.status !== 200) {
      result.broken.push(`${url} (${response.status}) linked from ${from}`);
      return [];
    }
    const contentType = response.headers.get("content-type") ?? "";
    const pathname = decodeURIComponent(new URL(url).pathname).slice(prefix.length);
    if (contentType.includes("html")) result.pages.add(pathname === "" || pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    const found: Array<{ url: string; from: string }> = [];
    for (const link of linksOf(await response.text(), contentType, readerOnly)) {
      const target = new URL(link, url);
      if (target.origin !== publicOrigin && target.origin !== local.origin) continue;
      found.push({ url: `${local.origin}${target.pathname}${target.search}`, from: url });
    }
    return found;
  };
  while (queue.length > 0) {
    const fresh = queue.filter(({ url }) => !seen.has(url) && seen.add(url));
    const next: typeof queue = [];
    for (let i = 0; i < fresh.length; i += 16) next.push(...(await Promise.all(fresh.slice(i, i + 16).map(visit))).flat());
    queue = next;
  }
  return result;
}

const settings = yaml.load(readFileSync("content/site.yaml", "utf8")) as { baseUrl: string };

for (const prefix of ["/archive/", "/"]) {
  describe(`the real archive built and served under "${prefix}"`, () => {
    let site: string;
    let server: StaticServer;
    let result: Crawl;
    let onDisk: string[];
    beforeAll(async () => {
      site = await buildFixtureSite(path.resolve("content"), { pathPrefix: prefix });
      server = await startStaticServer({ root: site, prefix });
      onDisk = listFiles(site);
      // 404 pages are reached by mistake, not by links; robots.txt, sitemaps and feeds by machines.
      const unlinked = onDisk.filter((f) => f.endsWith("404.html") || f.endsWith(".xml") || f === "robots.txt");
      result = await crawl(server, settings.baseUrl, [server.url, ...unlinked.map((f) => `${server.url}${f}`)]);
    });
    afterAll(async () => {
      await server?.close();
    });

    it("answers every internal link, asset, feed and sitemap entry with 200", () => {
      expect(result.checked).toBeGreaterThan(300);
      expect(result.broken).toEqual([]);
    });

    it("reaches every built HTML page from the home page", () => {
      expect([...result.pages].sort()).toEqual(onDisk.filter((f) => f.endsWith(".html")));
    });

    it("lets a reader reach every page but the 404s by following links from the two home pages alone", async () => {
      const homes = ["en/", "es/"].map((home) => `${server.url}${home}`);
      const walk = await crawl(server, settings.baseUrl, homes, true);
      const pages = onDisk.filter((f) => f.endsWith(".html") && !f.endsWith("404.html") && f !== "index.html");
      expect(pages).toContain("en/data/index.html");
      expect(walk.broken).toEqual([]);
      expect(pages.filter((f) => !walk.pages.has(f))).toEqual([]);
    });

    it("serves a directory-style address from its index.html with no rewrite rules", async () => {
      const event = onDisk.find((f) => /^en\/event\/[^/]+\/index\.html$/.test(f)) as string;
      const response = await fetch(`${server.url}${path.dirname(event)}/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(readFileSync(path.join(site, event), "utf8"));
    });
  });
}
