import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { launchBrowser, openPage } from "../helpers/browser.ts";
import { writeRtlFixture } from "../fixtures/rtl-archive.ts";

/** The page's box of the first element matching `selector`, and its computed direction. */
async function layoutOf(page: Page, selector: string) {
  return page.evaluate((s) => {
    const element = document.querySelector(s) as HTMLElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      left: box.left,
      right: box.right,
      direction: style.direction,
      borderLeft: style.borderLeftWidth,
      borderRight: style.borderRightWidth,
    };
  }, selector);
}

describe("an Arabic page in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startStaticServer({ root: await buildFixtureSite(writeRtlFixture(), { search: false }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lays the breadcrumbs and the facts out from right to left", async () => {
    const { page, context } = await openPage(browser, { javaScript: false, viewport: { width: 1000, height: 800 } });
    await page.goto(`${server.url}ar/event/march-on-capitol/`);
    const list = await layoutOf(page, ".breadcrumbs ol");
    const first = await layoutOf(page, ".breadcrumbs li:first-child");
    const last = await layoutOf(page, ".breadcrumbs li:last-child");
    expect(list.direction).toBe("rtl");
    // The first crumb (home) starts at the right edge; later crumbs follow to its left.
    expect(Math.abs(list.right - first.right)).toBeLessThan(1);
    expect(last.right).toBeLessThan(first.left);
    const term = await layoutOf(page, ".facts dt");
    const value = await layoutOf(page, ".facts dd");
    expect(term.left).toBeGreaterThan(value.right);
    await context.close();
  });

  it("puts the notice's rule on the right, where an Arabic line starts", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    await page.goto(`${server.url}ar/event/undated-fast/`);
    const notice = await layoutOf(page, ".notice");
    expect(notice).toMatchObject({ direction: "rtl", borderRight: "4px", borderLeft: "0px" });
    await page.goto(`${server.url}en/event/undated-fast/`);
    expect(await page.locator(".notice").count()).toBe(0);
    await context.close();
  });
});
