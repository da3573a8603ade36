import { gzipSync } from "node:zlib";
import { launchBrowser } from "../browser.ts";
import { startStaticServer } from "../static-server.ts";

export interface FirstQuery {
  lang: string;
  word: string;
  results: number;
  /** Bytes sent for the query: Pagefind's index files as they are (already compressed), its JS/JSON gzipped. */
  bytes: number;
  files: number;
}

/**
 * Measures a first search in a real browser: Pagefind's own JS loads the entry file, the
 * language's metadata and WebAssembly, the index chunk(s) holding the word, and the fragments
 * of the first five results (what a results list shows). Every file under pagefind/ is counted.
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
    // A plain file of the site as the page: same origin, and no page CSP to forbid WebAssembly.
    await page.goto(`${server.url}pagefind/pagefind-entry.json`);
    sizes.length = 0;
    const results = await page.evaluate(
      async ({ base, lang, word }) => {
        document.documentElement.lang = lang;
        const pagefind = await import(`${base}pagefind/pagefind.js`);
        await pagefind.options({ basePath: `${base}pagefind/` });
        const search = await pagefind.search(word);
        await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
        return search.results.length as number;
      },
      { base: server.url, lang, word },
    );
    const bytes = await Promise.all(sizes);
    return { lang, word, results, bytes: bytes.reduce((a, b) => a + b, 0), files: bytes.length };
  } finally {
    await browser.close();
    await server.close();
  }
}
