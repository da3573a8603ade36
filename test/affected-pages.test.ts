import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildArchive, type LocalizedArchive } from "../src/archive.ts";
import { generateArchive } from "../src/bench/generate-archive.ts";
import { builtinTypes } from "../src/content-types/index.ts";
import { loadContent, type LoadedContent } from "../src/content/load.ts";
import { affectedPages, changedItemKeys } from "../src/affected-pages.ts";
import { listSitePages, type SitePage } from "../src/site-pages.ts";
import { loadSite } from "../src/site.ts";
import { baseItems, projectRoot, writeFixture, type FixtureItem } from "./helpers/fixture.ts";

function siteOf(items: FixtureItem[]) {
  const result = loadContent(writeFixture(items));
  expect(result.problems).toEqual([]);
  const archive = buildArchive(result.content as LoadedContent);
  return { archive, pages: listSitePages(archive) };
}

describe("changedItemKeys", () => {
  it("names the items that changed files hold", () => {
    const keys = changedItemKeys(["content/en/events/march.md", "./content/es/organizations/alliance-one.md"], "content", builtinTypes);
    expect([...(keys ?? [])]).toEqual(["event:march", "organization:alliance-one"]);
  });

  it("gives up, so that everything is rebuilt, when a file other than an item changed", () => {
    expect(changedItemKeys(["content/en/events/march.md", "layouts/_includes/base.njk"], "content", builtinTypes)).toBeUndefined();
    expect(changedItemKeys([path.join("content", "strings", "en.yaml")], "content", builtinTypes)).toBeUndefined();
    expect(changedItemKeys(["content/en/vocabulary.yaml"], "content", builtinTypes)).toBeUndefined();
  });
});

describe("affectedPages", () => {
  it("keeps the changed event's pages, what it points at, its neighbours and the listings, and nothing else", () => {
    const before = siteOf(baseItems());
    const after = siteOf(baseItems());
    const pages = affectedPages(after, new Set(["event:summer-protests"]), before);
    const paths = pages.map((p) => p.path);
    for (const lang of ["en", "es"]) {
      expect(paths).toContain(`${lang}/event/summer-protests/`);
      expect(paths).toContain(`${lang}/campaign/first-campaign/`);
      expect(paths).toContain(`${lang}/campaign/first-campaign/timeline/`);
      expect(paths).toContain(`${lang}/source/doc-one/`);
      // Its neighbours in the timeline show its title in their previous/next links.
      expect(paths).toContain(`${lang}/event/march-on-capitol/`);
      expect(paths).toContain(`${lang}/event/undated-fast/`);
      expect(paths).toContain(`${lang}/timeline/`);
      expect(paths).toContain(`${lang}/topic/protest/`);
      // Its year's timeline page, and no other year's.
      expect(paths).toContain(`${lang}/timeline/2018/`);
      expect(paths).not.toContain(`${lang}/timeline/2013/`);
      expect(paths).not.toContain(`${lang}/place/washington-dc/`);
      expect(paths).not.toContain(`${lang}/organization/alliance-one/`);
      expect(paths).not.toContain(`${lang}/person/ana-chair/`);
      expect(paths).not.toContain(`${lang}/goal/fc-citizenship/`);
    }
    expect(pages.length).toBeLessThan(after.pages.length);
  });

  it("rebuilds the pages of what an item pointed at before the change too", () => {
    const before = siteOf(baseItems());
    const items = baseItems();
    for (const item of items.filter((i) => i.data.id === "march-on-capitol")) delete item.data.organizations;
    const after = siteOf(items);
    const paths = affectedPages(after, new Set(["event:march-on-capitol"]), before).map((p) => p.path);
    expect(paths).toContain("en/organization/alliance-one/");
  });
});

describe("affectedPages on split lists", () => {
  const events = 400;
  let dir: string;
  beforeAll(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), "affected-")), "content");
    generateArchive(dir, { events, seed: 5, templateDir: path.join(projectRoot, "content") });
  });
  /** The site before and after `edit`, and the pages a dev rebuild would render. */
  const rebuildAfter = (edit: () => string[]) => {
    const before = loadSite({ contentDir: dir });
    const files = edit();
    const after = loadSite({ contentDir: dir });
    const changed = changedItemKeys(files, dir, builtinTypes) as Set<string>;
    return { before, after, rebuilt: affectedPages(after, changed, before) };
  };
  const eventFile = (lang: string, id: string) => path.join(dir, lang, "events", `${id}.md`);
  /** The pages of a campaign's timeline, as the site lists them. */
  const campaignTimeline = (pages: SitePage[], lang: string, campaign: string) =>
    pages.filter((p) => p.kind === "campaign-timeline" && p.lang === lang && p.item?.id === campaign);

  it("renders only the pages of a split list that show the changed event", () => {
    const { before, after, rebuilt } = rebuildAfter(() => {
      const file = eventFile("en", "event-7");
      appendFileSync(file, "\nOne more sentence.\n");
      return [file];
    });
    const loc = after.archive.byLanguage.get("en") as LocalizedArchive;
    const campaign = loc.byId.event.get("event-7")?.data.campaigns as string[];
    const pages = campaignTimeline(after.pages, "en", campaign[0] as string);
    expect(pages.length).toBeGreaterThan(1);
    const position = (loc.eventsByCampaign.get(campaign[0] as string) ?? []).findIndex((e) => e.id === "event-7");
    const showing = pages.filter((p) => p.pager && p.pager.start <= position && position < p.pager.end);
    expect(showing).toHaveLength(1);
    expect(rebuilt.filter((p) => pages.includes(p))).toEqual(showing);
    // The bibliography's pages: only those listing one of the event's sources.
    const sourcePages = rebuilt.filter((p) => p.kind === "sources" && p.lang === "en");
    const allSourcePages = after.pages.filter((p) => p.kind === "sources" && p.lang === "en");
    expect(sourcePages.length).toBeGreaterThan(0);
    expect(sourcePages.length).toBeLessThan(allSourcePages.length);
    expect(rebuilt.length).toBeLessThan(before.pages.length / 10);
  });

  it("renders every page of a split list whose entries moved", () => {
    let campaign = "";
    const { after, rebuilt } = rebuildAfter(() => {
      const files = ["en", "es"].map((lang) => eventFile(lang, "event-9"));
      campaign = (/campaigns:\n {2}- (\S+)/.exec(readFileSync(files[0] as string, "utf8")) as RegExpExecArray)[1] as string;
      for (const file of files) rmSync(file);
      return files;
    });
    for (const lang of ["en", "es"]) {
      const pages = campaignTimeline(after.pages, lang, campaign);
      expect(pages.length).toBeGreaterThan(1);
      expect(rebuilt.filter((p) => pages.includes(p))).toEqual(pages);
    }
  });
});

describe("affectedPages for an item others point at", () => {
  it("renders the pages of the items that name it", () => {
    const site = siteOf(baseItems());
    const paths = affectedPages(site, new Set(["campaign:first-campaign"]), site).map((p) => p.path);
    // The event names the campaign, and a goal and an organisation's role point at it.
    for (const lang of ["en", "es"]) {
      expect(paths).toContain(`${lang}/event/march-on-capitol/`);
      expect(paths).toContain(`${lang}/organization/alliance-one/`);
    }
    expect(paths).not.toContain("en/campaign/second-campaign/");
  });
});

describe("loadContent with a parse cache", () => {
  it("reuses the parsed file until the file changes", async () => {
    const dir = writeFixture();
    const cache = new Map();
    const first = loadContent(dir, { cache }).content?.items.event.get("march-on-capitol")?.get("en");
    const again = loadContent(dir, { cache }).content?.items.event.get("march-on-capitol")?.get("en");
    expect(again).toBe(first);
    const { writeFileSync, readFileSync, utimesSync } = await import("node:fs");
    const file = path.join(dir, "en", "events", "march-on-capitol.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Women marched.", "Women marched on."));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const changed = loadContent(dir, { cache }).content?.items.event.get("march-on-capitol")?.get("en");
    expect(changed).not.toBe(first);
    expect(changed?.data.summary).toBe("Women marched on.");
  });

  it("compares a translation with its original again once either file changes", async () => {
    const dir = writeFixture();
    const cache = new Map();
    expect(loadContent(dir, { cache }).problems).toEqual([]);
    const { writeFileSync, readFileSync, utimesSync } = await import("node:fs");
    const file = path.join(dir, "es", "events", "march-on-capitol.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^highlight: true$/m, "highlight: false"));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(loadContent(dir, { cache }).problems).toEqual([expect.objectContaining({ field: "highlight" })]);
  });

  it("reports a cached file's problems again on every load", () => {
    const items = baseItems();
    const bad = items.find((i) => i.lang === "en" && i.data.id === "march-on-capitol") as FixtureItem;
    bad.data.colour = "red";
    const dir = writeFixture(items);
    const cache = new Map();
    expect(loadContent(dir, { cache }).problems).toHaveLength(1);
    expect(loadContent(dir, { cache }).problems).toHaveLength(1);
  });
});
