import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { axeViolations, launchBrowser, openPage } from "../helpers/browser.ts";

describe("searching the real archive in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const site = await buildFixtureSite(path.resolve("content"));
    server = await startStaticServer({ root: site });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function search(page: Page, lang: string, query: string): Promise<string[]> {
    await page.goto(`${server.url}${lang}/search/?q=${encodeURIComponent(query)}`);
    await page.locator("#search-results li").first().waitFor();
    return page.locator("#search-results h2 a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it("finds an English event by a proper name, first or near first", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    const found = await search(page, "en", "Sabraw");
    expect(found.slice(0, 3)).toContain("/en/event/fbt-sabraw-reunification-order/");
    await context.close();
  });

  it("finds a Spanish event by a word in it", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    const found = await search(page, "es", "ayuno");
    expect(found[0]).toBe("/es/event/wbt-womens-fast-for-families/");
    await context.close();
  });

  it("finds bills and acronyms spelled either way", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    for (const query of ["SB 1070", "SB1070"]) expect((await search(page, "es", query))[0], query).toBe("/es/event/arizona-sb1070-passed/");
    for (const query of ["HB 87", "HB87"])
      expect((await search(page, "en", query))[0], query).toBe("/en/event/wbt-georgia-delegation-hb-87/");
    for (const query of ["NDWA", "National Domestic Workers Alliance"]) {
      expect((await search(page, "en", query))[0], query).toBe("/en/organization/national-domestic-workers-alliance/");
    }
    await context.close();
  });

  it("narrows the results with a filter whose count is right, and keeps it in the URL", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await search(page, "en", "families");
    const before = Number((await page.locator("#search-status").textContent())?.match(/\d+/)?.[0]);
    await page.locator(".search-options summary").click();
    const option = page.locator("#search-type option", { hasText: /^Event \(\d+\)$/ });
    const label = (await option.textContent()) ?? "";
    const count = Number(label.match(/\((\d+)\)/)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(before);
    await page.locator("#search-type").selectOption("Event");
    await expect.poll(() => page.locator("#search-status").textContent()).toBe(`${count} results.`);
    await expect.poll(() => page.locator("#search-results li").count()).toBe(Math.min(count, 10));
    expect(new URL(page.url()).searchParams.get("type")).toBe("Event");
    await context.close();
  });

  it("fetches the filter files only once a reader opens the menus", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    const filterFiles: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/pagefind/filter/")) filterFiles.push(request.url());
    });
    await search(page, "en", "families");
    await page.waitForLoadState("networkidle");
    expect(filterFiles).toEqual([]);
    await expect(page.locator("#search-type").isVisible()).resolves.toBe(false);
    await page.locator(".search-options summary").click();
    await page.locator("#search-type option", { hasText: /^Event \(\d+\)$/ }).waitFor({ state: "attached" });
    expect(filterFiles.length).toBeGreaterThan(0);
    await context.close();
  });

  it("opens the menus with their counts when the URL chooses a filter", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await page.goto(`${server.url}en/search/?q=families&type=Event`);
    await page.locator("#search-results li").first().waitFor();
    await expect(page.locator(".search-options").getAttribute("open")).resolves.toBe("");
    await expect(page.locator("#search-type").inputValue()).resolves.toBe("Event");
    await page
      .locator("#search-campaign option", { hasText: /\(\d+\)$/ })
      .first()
      .waitFor({ state: "attached" });
    await context.close();
  });

  it("restores a result list from its URL, and goes Back to the previous query", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await search(page, "en", "Sabraw");
    await expect(page.locator("#q").inputValue()).resolves.toBe("Sabraw");
    await page.locator("#q").fill("ayuno");
    await page.locator("#q").press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("ayuno");
    await page.goBack();
    await expect.poll(() => page.locator("#q").inputValue()).toBe("Sabraw");
    await expect.poll(() => page.locator("#search-results").textContent()).toContain("Sabraw");
    await context.close();
  });

  it("shows the static ways in when JavaScript is off", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    await page.goto(`${server.url}en/search/?q=Sabraw`);
    await expect(page.getByText("Search needs JavaScript").isVisible()).resolves.toBe(true);
    for (const name of ["Campaigns", "Topics", "Organizations", "Sources"]) {
      await expect(page.locator(".search-fallback").getByRole("link", { name, exact: true }).isVisible(), name).resolves.toBe(true);
    }
    await context.close();
  });

  it("has no axe-core violations with results and filters shown", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await search(page, "es", "familias");
    await page.locator(".search-options summary").click();
    await page
      .locator("#search-type option", { hasText: /\(\d+\)$/ })
      .first()
      .waitFor({ state: "attached" });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("marks matches in the dark colour scheme with a dark highlight and readable text", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await search(page, "en", "families");
    const mark = page.locator("#search-results mark").first();
    // Browsers' default: black on bright yellow, which glares on a dark page.
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgb(255, 255, 0)");
    // axe-core checks the contrast of the marked text against its highlight.
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("downloads about 100 kB, gzipped, for a first query, all from the site", async () => {
    const { page, context, foreignRequests } = await openPage(browser, { javaScript: true, origin: server.url.replace(/\/$/, "") });
    const sizes: Array<Promise<number>> = [];
    page.on("response", (response) => {
      // Pagefind's own files are gzip already; everything else is weighed as a host would send it.
      const packed = /\.pf_\w+$|\.pagefind$/.test(response.url());
      sizes.push(response.body().then((body) => (packed ? body.length : gzipSync(body).length)));
    });
    await search(page, "en", "Sabraw");
    await page.waitForLoadState("networkidle");
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(105 * 1024);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
