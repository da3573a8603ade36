import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { writeFixture } from "../helpers/fixture.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { axeViolations, launchBrowser, openPage } from "../helpers/browser.ts";

describe("reading the fixture archive in Chromium with JavaScript off", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const site = await buildFixtureSite(writeFixture());
    server = await startStaticServer({ root: site });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads an event page, styled, with no request leaving the site", async () => {
    const { page, context, foreignRequests } = await openPage(browser, { javaScript: false, origin: server.url.replace(/\/$/, "") });
    const response = await page.goto(`${server.url}en/event/march-on-capitol/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("March on the Capitol");
    const background = await page.evaluate(() => getComputedStyle(document.querySelector(".facts") as Element).display);
    expect(background).toBe("grid");
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("goes home → campaign → event → organization and back by breadcrumbs", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    await page.goto(`${server.url}en/`);
    await page.getByRole("link", { name: "First Campaign" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("First Campaign");
    await page.getByRole("link", { name: "March on the Capitol" }).first().click();
    await expect(page.locator("h1").textContent()).resolves.toBe("March on the Capitol");
    await page.locator("main").getByRole("link", { name: "Alliance One" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Alliance One");
    await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Home" }).click();
    expect(new URL(page.url()).pathname).toBe("/en/index.html");
    await context.close();
  });

  it("switches language to the same item", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    await page.goto(`${server.url}en/event/march-on-capitol/`);
    await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Español" }).click();
    await expect(page.locator("h1").textContent()).resolves.toBe("Marcha al Capitolio");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("es");
    await context.close();
  });

  // axe runs as a script in the page, so this check needs JavaScript; the page itself has none.
  it("has no axe-core violations on an event page", async () => {
    const { page, context } = await openPage(browser, { javaScript: true });
    await page.goto(`${server.url}es/event/march-on-capitol/`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
