// Measures what a reader downloads for a first search: the search page, its JS, Pagefind's
// WASM, metadata and index chunks, gzip-compressed as a host would send them.
// Usage: npx tsx scripts/search-weight.ts [--site <built dir>] [--lang en] [--query Sabraw]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { buildArchiveSite } from "../src/build.ts";
import { writeSearchIndex } from "../src/search-index.ts";
import { startStaticServer } from "../src/static-server.ts";
import { launchBrowser } from "../src/browser.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    content: { type: "string", default: "content" },
    lang: { type: "string", default: "en" },
    query: { type: "string", default: "Sabraw" },
  },
});

let site = values.site;
if (!site) {
  site = path.join(mkdtempSync(path.join(tmpdir(), "search-weight-")), "site");
  await buildArchiveSite({ contentDir: values.content, outDir: site, afterRender: [async (dir) => void (await writeSearchIndex(dir))] });
}
const server = await startStaticServer({ root: site });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const bodies: Array<Promise<{ url: string; raw: number; sent: number }>> = [];
  page.on("response", (response) => {
    bodies.push(
      response.body().then((body) => {
        // Pagefind's .pagefind/.pf_* files are gzip already; a host sends them as they are.
        const sent = /\.pf_\w+$|\.pagefind$/.test(response.url())
          ? body.length
          : Math.min(body.length, gzipSync(body, { level: 6 }).length);
        return { url: response.url().replace(server.url, "/").replace(/\?.*$/, ""), raw: body.length, sent };
      }),
    );
  });
  await page.goto(`${server.url}${values.lang}/search/?q=${encodeURIComponent(values.query)}`);
  await page.locator("#search-results li").first().waitFor();
  await page.waitForLoadState("networkidle");
  const files = await Promise.all(bodies);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  for (const f of files) console.log(`${kb(f.sent).padStart(9)}  ${f.url}`);
  const total = files.reduce((sum, f) => sum + f.sent, 0);
  console.log(`${kb(total).padStart(9)}  total for the first query "${values.query}" (${values.lang}), ${files.length} files`);
} finally {
  await browser.close();
  await server.close();
}
