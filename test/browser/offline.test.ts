import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import yaml from "js-yaml";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSiteBundle } from "../../src/bundle.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { projectRoot, writeFixture } from "../helpers/fixture.ts";
import { launchBrowser, openPage } from "../helpers/browser.ts";
import { unzipInto } from "../helpers/unzip.ts";

const strings = yaml.load(readFileSync(path.join(projectRoot, "content/strings/en.yaml"), "utf8")) as { search: { offline: string } };

describe("the offline bundle, unpacked and opened from disk (file://) in Chromium", () => {
  let home: string;
  let browser: Browser;
  beforeAll(async () => {
    const site = await buildFixtureSite(writeFixture());
    const out = mkdtempSync(path.join(tmpdir(), "offline-bundle-"));
    const { file } = await writeSiteBundle({ siteDir: site, outDir: out, name: "fixture-archive", date: "2026-01-01" });
    await unzipInto(file, out);
    home = pathToFileURL(path.join(out, "fixture-archive-2026-01-01", "index.html")).href;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("goes root → home → campaign → event by clicking links, styled, all from disk", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    const failed: string[] = [];
    page.on("requestfailed", (request) => void failed.push(request.url()));
    await page.goto(home);
    await page.getByRole("link", { name: "English" }).first().click();
    expect(page.url()).toMatch(/^file:.*\/en\/index\.html$/);
    await page.getByRole("link", { name: "First Campaign" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("First Campaign");
    await page.getByRole("link", { name: "March on the Capitol" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("March on the Capitol");
    expect(page.url()).toMatch(/^file:.*\/en\/event\/march-on-capitol\/index\.html$/);
    const display = await page.evaluate(() => getComputedStyle(document.querySelector(".facts") as Element).display);
    expect(display).toBe("grid");
    expect(failed).toEqual([]);
    await context.close();
  });

  it("says on the search page, with JavaScript on, that search needs a served site, and offers the static ways in", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await page.goto(home.replace(/index\.html$/, "en/search/index.html"));
    const notice = page.getByText(strings.search.offline);
    await notice.waitFor({ state: "visible", timeout: 5_000 }).catch(() => undefined);
    await expect(notice.isVisible()).resolves.toBe(true);
    await page.locator(".search-fallback").getByRole("link", { name: "Campaigns" }).click();
    expect(page.url()).toMatch(/^file:.*\/en\/campaign\/index\.html$/);
    await context.close();
  });
});
