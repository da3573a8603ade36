import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { listFiles } from "../../src/bundle.ts";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { launchBrowser, openPage } from "../helpers/browser.ts";

// The narrowest phone WCAG 2.2 reflow (1.4.10) asks for: 320 CSS pixels.
const phone = { width: 320, height: 640 };

/**
 * The page's width and the width it has to fit (the viewport less any scrollbar), in CSS
 * pixels, and the element that reaches furthest past it.
 */
function overflowOf(page: Page): Promise<{ width: number; room: number; culprit: string }> {
  return page.evaluate(() => {
    const width = (document.scrollingElement as Element).scrollWidth;
    const room = document.documentElement.clientWidth;
    let culprit = "";
    let widest = room;
    for (const el of document.body.querySelectorAll("*")) {
      const right = el.getBoundingClientRect().right;
      if (right > widest) {
        widest = right;
        culprit = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, ".")}` : ""}`;
      }
    }
    return { width, room, culprit };
  });
}

describe("every page of the real archive on a 320 px phone", () => {
  let server: StaticServer;
  let browser: Browser;
  let pages: string[];
  beforeAll(async () => {
    const site = await buildFixtureSite(path.resolve("content"));
    server = await startStaticServer({ root: site });
    browser = await launchBrowser();
    pages = listFiles(site).filter((f) => f.endsWith(".html"));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("needs no horizontal scrolling on any HTML page with JavaScript off", async () => {
    const { page, context } = await openPage(browser, { javaScript: false, viewport: phone });
    const wide: string[] = [];
    for (const file of pages) {
      await page.goto(`${server.url}${file}`);
      const { width, room, culprit } = await overflowOf(page);
      if (width > room) wide.push(`${file}: ${width} px in ${room} (${culprit})`);
    }
    expect(pages.length).toBeGreaterThan(300);
    expect(wide).toEqual([]);
    await context.close();
  });

  for (const lang of ["en", "es"]) {
    it(`needs no horizontal scrolling on the search page with JavaScript, results and filters shown (${lang})`, async () => {
      const { page, context } = await openPage(browser, { javaScript: true, viewport: phone });
      await page.goto(`${server.url}${lang}/search/?q=${lang === "en" ? "detention" : "detención"}`);
      await page.locator("#search-results li").first().waitFor();
      await page.locator(".search-options summary").click();
      await expect(page.locator("#search-type").isVisible()).resolves.toBe(true);
      const { width, room, culprit } = await overflowOf(page);
      expect(width <= room ? "" : `${width} px in ${room} (${culprit})`).toBe("");
      await context.close();
    });
  }

  // WCAG 2.2 2.5.8 (target size, minimum): 24 by 24 CSS pixels.
  it("gives every control of the search form a target at least 24 px tall and wide", async () => {
    const { page, context } = await openPage(browser, { javaScript: true, viewport: phone });
    await page.goto(`${server.url}en/search/?q=families`);
    await page.locator("#search-results li").first().waitFor();
    await page.locator(".search-options summary").click();
    const small = await page
      .locator("form.search input, form.search button, .search-options summary, .search-options select, #search-more:not([hidden])")
      .evaluateAll((controls) =>
        controls
          .map((c) => ({ id: c.id || c.tagName, box: c.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 24 || box.width < 24)
          .map(({ id, box }) => `${id}: ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
    expect(small).toEqual([]);
    await context.close();
  });
});
