import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { launchBrowser, openPage } from "../helpers/browser.ts";

/** Queries a reader might type, in each language: themes, places, bills, acronyms. */
const queries: Record<string, string[]> = {
  en: ["detention", "families", "citizenship", "Arizona", "domestic workers", "NDWA", "SB 1070", "HB 56", "fast", "children"],
  es: ["detención", "familias", "ciudadanía", "Arizona", "trabajadoras del hogar", "NDWA", "SB 1070", "ayuno", "niños"],
};

// Words as a reader sees them: letters and digits, whatever the punctuation around them.
const wordsOf = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

interface Excerpt {
  query: string;
  url: string;
  text: string;
  /** Words of the excerpt that the result page does not show a reader. */
  unseen: string[];
  /** The page's search-only words that it does not show (other spellings, initials). */
  hidden: Set<string>;
}

describe("search result excerpts of the real archive in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  const excerpts: Excerpt[] = [];

  async function resultsOf(page: Page, lang: string, query: string): Promise<Array<{ url: string; text: string }>> {
    await page.goto(`${server.url}${lang}/search/?q=${encodeURIComponent(query)}`);
    await page.locator("#search-results li").first().waitFor();
    return page.locator("#search-results li").evaluateAll((items) =>
      items.map((li) => ({
        url: (li.querySelector("h2 a") as HTMLAnchorElement).href,
        text: li.querySelector(".result-excerpt")?.textContent ?? "",
      })),
    );
  }

  beforeAll(async () => {
    const site = await buildFixtureSite(path.resolve("content"));
    server = await startStaticServer({ root: site });
    browser = await launchBrowser();
    const searcher = await openPage(browser, { javaScript: true });
    const reader = await openPage(browser, { javaScript: false });
    const pages = new Map<string, { shown: Set<string>; hidden: Set<string> }>();
    for (const [lang, list] of Object.entries(queries)) {
      for (const query of list) {
        for (const { url, text } of await resultsOf(searcher.page, lang, query)) {
          if (!pages.has(url)) {
            await reader.page.goto(url);
            const shown = new Set(wordsOf(await reader.page.locator("main").innerText()));
            const indexed = await reader.page
              .locator("[data-pagefind-index-attrs]")
              .evaluateAll((els) => els.map((el) => el.getAttribute("data-words") ?? "").join(" "));
            pages.set(url, { shown, hidden: new Set(wordsOf(indexed).filter((w) => !shown.has(w))) });
          }
          const { shown, hidden } = pages.get(url) as { shown: Set<string>; hidden: Set<string> };
          excerpts.push({ query, url, text, unseen: wordsOf(text).filter((w) => !shown.has(w)), hidden });
        }
      }
    }
    await searcher.context.close();
    await reader.context.close();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("never shows a hidden search-only word, though it still finds the page by it", () => {
    expect(excerpts.length).toBeGreaterThan(40);
    expect(excerpts.filter((e) => e.hidden.size > 0).length).toBeGreaterThan(3);
    const leaks = excerpts.filter((e) => e.unseen.some((w) => e.hidden.has(w))).map((e) => `"${e.query}" → ${e.url}: "${e.text}"`);
    expect(leaks).toEqual([]);
    const byInitials = excerpts.filter((e) => e.query === "NDWA").map((e) => new URL(e.url).pathname);
    expect(byInitials).toContain("/en/organization/national-domestic-workers-alliance/");
  });

  // A label run into its value ("CampaignsFamilies", "DateApril") is a word the page never shows.
  it("shows excerpts made only of words the result page itself shows", () => {
    const unclean = excerpts
      .filter((e) => e.unseen.length > 0)
      .map((e) => `"${e.query}" → ${e.url}: "${e.unseen.join(" ")}" in "${e.text}"`);
    expect(unclean).toEqual([]);
  });
});
