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
      // --bg of the dark scheme, #17181a (src/campaign-colours.ts checks campaign colours against it)
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(23, 24, 26)");
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  for (const path of [
    pagesByKind.home,
    pagesByKind.campaign,
    pagesByKind.event,
    pagesByKind.goals,
    pagesByKind.timeline,
    pagesByKind.organization,
    pagesByKind.organizations,
  ]) {
    it(`needs no horizontal scrolling at 320 px: ${path}`, async () => {
      const { page, context } = await openPage(browser, { javaScript: false, viewport: { width: 320, height: 640 } });
      await page.goto(`${server.url}en/${path}`);
      const width = await page.evaluate(() => (document.scrollingElement as Element).scrollWidth);
      expect(width).toBeLessThanOrEqual(320);
      await context.close();
    });
  }

  it("prints the record and its citation, unfolded, with the page's absolute address, and no navigation", async () => {
    const { page, context } = await openPage(browser, { javaScript: false });
    const path = `en/${pagesByKind.event}`;
    await page.goto(`${server.url}${path}`);
    const citation = page.locator(".cite dl");
    expect(await citation.isVisible()).toBe(false);
    await page.emulateMedia({ media: "print" });
    expect(await citation.isVisible()).toBe(true);
    expect(await citation.textContent()).toContain(`https://archive.example.org/${path}`);
    expect(await page.locator(".masthead nav").first().isVisible()).toBe(false);
    expect(await page.locator(".breadcrumbs").isVisible()).toBe(false);
    // A relative address means nothing on paper: links inside the archive print no address.
    const internal = await page.evaluate(() => getComputedStyle(document.querySelector("main .facts a") as Element, "::after").content);
    expect(internal).toBe("none");
    await context.close();
  });

  it("draws the timeline picture for a 320 px screen: a column per campaign, 12 px labels, 24 px targets", async () => {
    // Tall enough that the whole picture is on screen, where taps can be tried.
    const { page, context } = await openPage(browser, { javaScript: false, viewport: { width: 320, height: 3000 } });
    await page.goto(`${server.url}en/${pagesByKind.timeline}`);
    expect(await page.locator(".timeline-wide").isVisible()).toBe(false);
    const picture = page.locator(".timeline-narrow");
    expect(await picture.isVisible()).toBe(true);
    const measured = await picture.evaluate((svg) => {
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      const centres = [...svg.querySelectorAll("a circle")].map((circle) => {
        const box = circle.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2, link: circle.parentElement };
      });
      return {
        fontSizes: [...svg.querySelectorAll("text")].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale),
        centres: centres.map(({ x, y }) => ({ x, y })),
        // A tap 11 px from a dot's centre, in each direction, still lands on its link.
        missed: centres.filter(({ x, y, link }) =>
          [
            [11, 0],
            [-11, 0],
            [0, 11],
            [0, -11],
          ].some(([dx, dy]) => document.elementFromPoint(x + (dx ?? 0), y + (dy ?? 0))?.closest("a") !== link),
        ).length,
      };
    });
    expect(Math.min(...measured.fontSizes)).toBeGreaterThanOrEqual(12);
    expect(measured.centres.length).toBeGreaterThan(10);
    expect(measured.missed).toBe(0);
    // 24 px targets centred on the dots never overlap (WCAG 2.5.8).
    for (const [i, a] of measured.centres.entries()) {
      for (const b of measured.centres.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(23.9);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator(".timeline-wide").isVisible()).toBe(true);
    expect(await picture.isVisible()).toBe(false);
    await context.close();
  });
});
