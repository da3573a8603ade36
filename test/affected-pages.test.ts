import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive.ts";
import { builtinTypes } from "../src/content-types/index.ts";
import { loadContent, type LoadedContent } from "../src/content/load.ts";
import { affectedPages, changedItemKeys } from "../src/affected-pages.ts";
import { listSitePages } from "../src/site-pages.ts";
import { baseItems, writeFixture, type FixtureItem } from "./helpers/fixture.ts";

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
    const pages = affectedPages(after.pages, new Set(["event:summer-protests"]), [before.archive, after.archive]);
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
    const paths = affectedPages(after.pages, new Set(["event:march-on-capitol"]), [before.archive, after.archive]).map((p) => p.path);
    expect(paths).toContain("en/organization/alliance-one/");
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
