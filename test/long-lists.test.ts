import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../src/bench/generate-archive.ts";
import { pageBudgetBytes, pageWeights } from "../src/bench/site-weight.ts";
import { entriesPerPage } from "../src/long-lists.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { projectRoot } from "./helpers/fixture.ts";

/** A generated archive with more events than one page of any list shows, built once. */
describe("long lists split over pages", () => {
  let site: string;
  const page = (file: string): CheerioAPI => load(readFileSync(path.join(site, file), "utf8"));
  /** The site file a link on a page points at, as a browser resolves it. */
  const target = (from: string, href: string) => new URL(href, `http://site/${from}`).pathname.slice(1);
  /** Every page of a split list, following its "next" links from the first. */
  const pagesOf = (first: string): CheerioAPI[] => {
    const pages = [page(first)];
    for (;;) {
      const next = pages.at(-1)?.('nav.pages a[rel="next"]').attr("href");
      if (!next) return pages;
      pages.push(page(target(first, next)));
    }
  };
  const linksTo = ($: CheerioAPI, type: string) =>
    $(`main a[href*="/${type}/"]`)
      .map((_, a) => /\/(event|source|organization|person|campaign)\/([^/]+)\//.exec(a.attribs.href ?? "")?.[2])
      .get();

  beforeAll(async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), "long-lists-")), "content");
    generateArchive(content, { events: 500, campaigns: 25, seed: 3, templateDir: path.join(projectRoot, "content") });
    site = await buildFixtureSite(content, { search: false });
  });

  it("fits every page, HTML and CSS gzipped, in the page budget", () => {
    expect(pageWeights(site).overBudget).toEqual([]);
    expect(pageBudgetBytes).toBe(14 * 1024);
  });

  it("shows on the home page the campaigns of the campaigns list's first page, and links to all of them", () => {
    const $ = page("en/index.html");
    const cards = linksTo($, "campaign").filter((id, i, all) => all.indexOf(id) === i);
    const first = pagesOf("en/campaign/index.html")[0] as CheerioAPI;
    expect(cards.length).toBe(entriesPerPage.campaigns);
    expect(cards).toEqual(
      linksTo(first, "campaign")
        .filter((id, i, all) => all.indexOf(id) === i)
        .slice(0, cards.length),
    );
    const all = $("#home-campaigns").closest("section").find("p a");
    expect(all.text()).toBe("All 25 campaigns");
    expect(target("en/index.html", all.attr("href") ?? "")).toBe("en/campaign/index.html");
  });

  it("keeps the timeline's address as an index of decades and years, each year on a page of its own", () => {
    const $ = page("en/timeline/index.html");
    const years = $("nav.years a")
      .map((_, a) => target("en/timeline/index.html", a.attribs.href ?? ""))
      .get();
    expect(years.length).toBeGreaterThan(10);
    expect(years).toContain("en/timeline/1994/index.html");
    expect(years.at(-1)).toBe("en/timeline/undated/index.html");
    expect($("nav.years h2").first().text()).toBe("1990–1999");
    const year = page("en/timeline/1994/index.html");
    expect(year("h1").text()).toBe("Events of 1994");
    expect(year("section.year .date").first().text()).toMatch(/1994/);
  });

  it("lists every event of a topic once over its pages, in order, the first page at the topic's address", () => {
    // The topic with the most events, from the topics' listing ("Protest (57)").
    const topics = page("en/topic/index.html")("main li")
      .map((_, li) => ({ href: load(li)("a").attr("href") ?? "", count: Number(/\((\d+)\)/.exec(load(li).text())?.[1]) }))
      .get()
      .sort((a, b) => b.count - a.count);
    const largest = topics[0] as { href: string; count: number };
    const first = target("en/topic/index.html", largest.href);
    const pages = pagesOf(first);
    expect(pages.length).toBeGreaterThan(1);
    const shown = pages.map(($) => linksTo($, "event"));
    for (const list of shown) expect(list.length).toBeLessThanOrEqual(entriesPerPage.topic ?? 0);
    const all = shown.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(largest.count);
  });

  it("gives page n of a list its own address, title and a pager that marks the current page", () => {
    const second = page("en/source/page/2/index.html");
    expect(second("title").text()).toContain("Sources, page 2");
    expect(second('nav.pages a[aria-current="page"]').text()).toBe("2");
    expect(target("en/source/page/2/index.html", second('nav.pages a[rel="prev"]').attr("href") ?? "")).toBe("en/source/index.html");
    expect(page("es/source/page/2/index.html")("title").text()).toContain("Fuentes, página 2");
  });

  it("lists every source once over the bibliography's pages, each with every item that cites it", () => {
    const pages = pagesOf("en/source/index.html");
    expect(pages.length).toBeGreaterThan(1);
    const sources = pages.flatMap(($) =>
      $("ol.bibliography > li > a")
        .map((_, a) => a.attribs.href)
        .get(),
    );
    expect(new Set(sources).size).toBe(25);
    expect(sources).toHaveLength(25);
  });

  it("describes in a timeline page's metadata only the events it lists", () => {
    const $ = page("en/timeline/1994/index.html");
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { "@graph"?: unknown[] } & Record<string, unknown>;
    const text = JSON.stringify(jsonLd);
    const listed = linksTo($, "event");
    const described = [...text.matchAll(/\/event\/([^/"]+)\//g)].map((m) => m[1]);
    expect(new Set(described)).toEqual(new Set(listed));
  });
});
