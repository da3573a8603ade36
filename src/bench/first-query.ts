import { gzipSync } from "node:zlib";
import { launchBrowser } from "../browser.ts";
import { startStaticServer } from "../static-server.ts";

export interface FirstQuery {
  lang: string;
  word: string;
  results: number;
  /** Bytes of Pagefind's files the search fetched: index files as they are (already compressed), its JS/JSON gzipped. */
  bytes: number;
  files: number;
  /** Bytes fetched when the reader then opens the filter menus (Pagefind's filter files). */
  menuBytes: number;
}

/**
 * Measures a first search as a reader makes it: the archive's own search page opened with the
 * word in its address, so its script loads Pagefind, the language's metadata, the index chunk(s)
 * holding the word, and the fragments of the results it lists; then what opening the filter
 * menus adds (every filter file, for the menus' counts). Every file under pagefind/ is counted;
 * the page itself is weighed with the other pages.
 */
export async function measureFirstQuery(siteDir: string, lang: string, word: string): Promise<FirstQuery> {
  const server = await startStaticServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const sizes: Array<Promise<number>> = [];
    page.on("response", (response) => {
      const url = response.url();
      if (!url.includes("/pagefind/")) return;
      sizes.push(response.body().then((body) => (/\.(js|json)$/.test(url) ? gzipSync(body).length : body.length)));
    });
    await page.goto(`${server.url}${lang}/search/?q=${encodeURIComponent(word)}`);
    // The status says how many results there are once the list is shown.
    await page.locator("#search-results > li").first().waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector("#search-status")?.textContent?.endsWith("…"), undefined, {
      timeout: 120_000,
    });
    await page.waitForLoadState("networkidle");
    const results = await page.locator("#search-results > li").count();
    const bytes = await Promise.all(sizes);
    await page.locator(".search-options summary").click();
    await page
      .locator("#search-type option", { hasText: /\(\d+\)$/ })
      .first()
      .waitFor({ state: "attached", timeout: 120_000 });
    await page.waitForLoadState("networkidle");
    const withMenus = await Promise.all(sizes);
    const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
    return { lang, word, results, bytes: sum(bytes), files: bytes.length, menuBytes: sum(withMenus) - sum(bytes) };
  } finally {
    await browser.close();
    await server.close();
  }
}
