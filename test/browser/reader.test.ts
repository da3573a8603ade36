import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { startStaticServer, type StaticServer } from "../../src/static-server.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { axeViolations, launchBrowser, openPage } from "../helpers/browser.ts";

/** The walk from the home page, with the names each language gives its steps. */
const walks = {
  en: {
    campaign: "We Belong Together",
    event: "A delegation to Arizona gives birth to We Belong Together",
    organization: "National Domestic Workers Alliance",
    breadcrumbs: "Breadcrumbs",
    home: "Home",
  },
  es: {
    campaign: "We Belong Together",
    event: "Una delegación a Arizona da origen a We Belong Together",
    organization: "National Domestic Workers Alliance",
    breadcrumbs: "Ruta de navegación",
    home: "Inicio",
  },
};

/** One page of each kind, under a language folder. */
const pagesByKind: Record<string, string> = {
  home: "",
  campaigns: "campaign/",
  campaign: "campaign/we-belong-together/",
  "campaign-timeline": "campaign/we-belong-together/timeline/",
  event: "event/wbt-civil-disobedience-capitol/",
  timeline: "timeline/",
  goals: "goal/",
  goal: "goal/wah-roadmap-to-citizenship/",
  organizations: "organization/",
  "shared-organizations": "coalitions/",
  organization: "organization/national-domestic-workers-alliance/",
  people: "person/",
  person: "person/andrea-mercado/",
  sources: "source/",
  source: "source/wbt-encyclopedia-article/",
  topics: "topic/",
  topic: "topic/civil-disobedience/",
  places: "place/",
  place: "place/washington-dc/",
  page: "page/about/",
  "not-found": "404.html",
};

describe("reading the real archive in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    const site = await buildFixtureSite("content", { search: false });
    server = await startStaticServer({ root: site });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [lang, walk] of Object.entries(walks)) {
    it(`goes home → campaign → event → organization and back by breadcrumbs with JavaScript off (${lang})`, async () => {
      const { page, context } = await openPage(browser, { javaScript: false });
      await page.goto(`${server.url}${lang}/`);
      await page.locator("main").getByRole("link", { name: walk.campaign, exact: true }).first().click();
      await expect(page.locator("h1").textContent()).resolves.toBe(walk.campaign);
      await page.locator("main").getByRole("link", { name: walk.event, exact: true }).first().click();
      await expect(page.locator("h1").textContent()).resolves.toBe(walk.event);
      await page.locator("main").getByRole("link", { name: walk.organization, exact: true }).first().click();
      await expect(page.locator("h1").textContent()).resolves.toBe(walk.organization);
      const crumbs = page.getByRole("navigation", { name: walk.breadcrumbs });
      await crumbs.getByRole("link").nth(1).click();
      expect(new URL(page.url()).pathname).toBe(`/${lang}/organization/index.html`);
      await page.getByRole("navigation", { name: walk.breadcrumbs }).getByRole("link", { name: walk.home }).click();
      expect(new URL(page.url()).pathname).toBe(`/${lang}/index.html`);
      await context.close();
    });
  }

  // axe runs as a script in the page, so this check needs JavaScript; the pages themselves have none.
  for (const lang of Object.keys(walks)) {
    for (const [kind, path] of Object.entries(pagesByKind)) {
      it(`has no axe-core violations on the ${kind} page (${lang})`, async () => {
        const { page, context } = await openPage(browser, { javaScript: true });
        await page.goto(`${server.url}${lang}/${path}`);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }

  for (const path of [pagesByKind.home, pagesByKind.event, pagesByKind.goals, pagesByKind.timeline]) {
    it(`has no axe-core violations in the dark colour scheme: ${path || "home"}`, async () => {
      const { page, context } = await openPage(browser, { javaScript: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(`${server.url}en/${path}`);
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(20, 20, 20)");
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  for (const path of [pagesByKind.event, pagesByKind.goals, pagesByKind.timeline]) {
    it(`needs no horizontal scrolling at 320 px: ${path}`, async () => {
      const { page, context } = await openPage(browser, { javaScript: false, viewport: { width: 320, height: 640 } });
      await page.goto(`${server.url}en/${path}`);
      const width = await page.evaluate(() => (document.scrollingElement as Element).scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
      await context.close();
    });
  }

  it("prints the target of a link in the main text", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    await page.goto(`${server.url}en/${pagesByKind.event}`);
    const link = "main .facts a";
    const before = await page.evaluate(
      (selector) => getComputedStyle(document.querySelector(selector) as Element, "::after").content,
      link,
    );
    await page.emulateMedia({ media: "print" });
    const after = await page.evaluate((selector) => getComputedStyle(document.querySelector(selector) as Element, "::after").content, link);
    expect(before).toBe("none");
    expect(after).toContain("campaign/we-belong-together/index.html");
    await context.close();
  });
});
