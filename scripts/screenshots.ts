// Screenshots of the built archive for docs/design.md: `npm run screenshots` after `npm run build`.
// Each page at 1280 and 320 px wide, light and dark, in Debian's Chromium; the first screenful only,
// and reduced to 64 colours by pngquant when it is installed (`apt-get install pngquant`), so the
// files stay small.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { startStaticServer } from "../src/static-server.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    out: { type: "string", default: "docs/screenshots" },
  },
});

/** What is shown, and where on the page the screenful starts (a selector scrolled to the top). */
const shots: Array<{ name: string; path: string; from?: string }> = [
  { name: "home", path: "en/" },
  { name: "campaign", path: "en/campaign/families-belong-together/" },
  { name: "event", path: "en/event/fbt-sabraw-reunification-order/" },
  { name: "timeline", path: "en/timeline/", from: ".timeline-figure" },
  { name: "goals", path: "en/goal/", from: "#g-compare" },
  { name: "organization", path: "en/organization/nnirr/" },
  { name: "search", path: "en/search/?q=asylum" },
];
const widths = [
  { width: 1280, height: 800 },
  { width: 320, height: 720 },
];

const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const server = await startStaticServer({ root: values.site, port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const viewport of widths) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const shot of shots) {
        await page.goto(new URL(shot.path, server.url).href, { waitUntil: "networkidle" });
        if (shot.name === "search") await page.locator("#search-results li").first().waitFor();
        if (shot.from) await page.locator(shot.from).evaluate((element) => element.scrollIntoView());
        const file = path.join(out, `${shot.name}-${viewport.width}-${scheme}.png`);
        await page.screenshot({ path: file });
        const shrunk = spawnSync("pngquant", ["--force", "--skip-if-larger", "--ext", ".png", "64", file]);
        console.log(path.relative(process.cwd(), file), shrunk.error ? "" : "(pngquant)");
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
