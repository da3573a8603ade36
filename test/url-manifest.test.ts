import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { publishedOutputs } from "../src/outputs/published-files.ts";
import { loadSite } from "../src/site.ts";
import { checkManifest, formatManifest, missingUrls, parseManifest, UrlManifestError } from "../src/outputs/url-manifest.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { baseItems, writeFixture, type FixtureItem } from "./helpers/fixture.ts";

describe("the published-URL manifest", () => {
  it("reads one URL a line, skipping comments and blank lines", () => {
    expect(parseManifest("# note\n/en/\n\n/en/event/a/\r\n")).toEqual(["/en/", "/en/event/a/"]);
    expect(parseManifest(formatManifest(["/b/", "/a/", "/b/"]))).toEqual(["/a/", "/b/"]);
  });

  it("lists the published URLs a build no longer makes", () => {
    expect(missingUrls(["/en/", "/en/event/gone/"], ["/en/", "/en/event/new/"])).toEqual(["/en/event/gone/"]);
    expect(() => checkManifest(["/en/"], ["/en/"])).not.toThrow();
  });

  it("names every dropped URL and says how to keep it", () => {
    const error = (() => {
      try {
        checkManifest(["/en/event/gone/"], []);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UrlManifestError);
    expect((error as Error).message).toContain("/en/event/gone/");
    expect((error as Error).message).toContain("aliases");
  });

  it("counts every page, alias and file of the archive as built", () => {
    const items = baseItems();
    const event = items.find((i) => i.lang === "en" && i.data.id === "march-on-capitol");
    if (event) event.data.aliases = ["/en/event/capitol-march/"];
    const { archive, pages } = loadSite({ contentDir: writeFixture(items) });
    const { urls } = publishedOutputs(archive, pages, "2026-01-01");
    for (const url of [
      "/en/event/march-on-capitol/",
      "/en/event/capitol-march/",
      "/en/event/march-on-capitol/cite.bib",
      "/es/data/events.csv",
      "/sitemap.xml",
    ]) {
      expect(urls).toContain(url);
    }
  });
});

describe("a build against the manifest", () => {
  const published = () => {
    const { archive, pages } = loadSite({ contentDir: writeFixture() });
    return publishedOutputs(archive, pages, "2026-01-01").urls;
  };
  const withoutFast = () => baseItems().filter((i) => i.data.id !== "undated-fast");

  it("fails when an item that was published is removed, naming its URL", async () => {
    const dir = writeFixture(withoutFast());
    writeFileSync(path.join(dir, "published-urls.txt"), formatManifest(published()));
    const build = buildFixtureSite(dir, { search: false });
    await expect(build).rejects.toBeInstanceOf(UrlManifestError);
    await expect(build).rejects.toThrow(/\/en\/event\/undated-fast\/\n/);
  });

  it("passes once another item declares the removed URL as an alias, and redirects it", async () => {
    const items = withoutFast();
    for (const item of items) if (item.data.id === "summer-protests") item.data.aliases = [`/${item.lang}/event/undated-fast/`];
    const dir = writeFixture(items);
    writeFileSync(path.join(dir, "published-urls.txt"), formatManifest(published()));
    const site = await buildFixtureSite(dir, { search: false });
    const $ = load(readFileSync(path.join(site, "en/event/undated-fast/index.html"), "utf8"));
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe("0; url=../../../en/event/summer-protests/index.html");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://fixture.example.org/en/event/summer-protests/");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($("main a").attr("href")).toBe("../../../en/event/summer-protests/index.html");
    expect(readFileSync(path.join(site, "es/event/undated-fast/index.html"), "utf8")).toContain(
      "../../../es/event/summer-protests/index.html",
    );
    expect(readFileSync(path.join(site, "en/event/undated-fast/cite.bib"), "utf8")).toContain("summer-protests");
  });
});

describe("list pages a smaller archive no longer fills", () => {
  /** The base archive with `count` more summer protests, under the topic "protest" when `tagged`. */
  const withProtests = (count: number, tagged: number) => {
    const items = baseItems();
    const summer = items.filter((i) => i.data.id === "summer-protests");
    const extra = Array.from({ length: count }, (_, n) =>
      summer.map((i): FixtureItem => ({ ...i, data: { ...i.data, id: `protest-${n}`, topics: n < tagged ? ["protest"] : [] } })),
    );
    return [...items, ...extra.flat()];
  };
  const manifestOf = (items: ReturnType<typeof baseItems>) => {
    const { archive, pages } = loadSite({ contentDir: writeFixture(items) });
    return publishedOutputs(archive, pages, "2026-01-01").urls;
  };
  const redirectsOf = (items: ReturnType<typeof baseItems>, published: string[]) => {
    const { archive, pages } = loadSite({ contentDir: writeFixture(items) });
    return publishedOutputs(archive, pages, "2026-01-01", published).redirects.map((r) => [r.from, r.to]);
  };

  it("sends a page past a list's new last page to its last page", () => {
    const published = manifestOf(withProtests(150, 150));
    expect(published).toContain("/en/topic/protest/page/4/");
    const redirects = redirectsOf(withProtests(150, 90), published);
    expect(redirects).toContainEqual(["en/topic/protest/page/4/", "en/topic/protest/page/3/"]);
    expect(redirects).toContainEqual(["es/topic/protest/page/4/", "es/topic/protest/page/3/"]);
    expect(redirects.filter(([from]) => from?.includes("/topic/"))).toHaveLength(2);
  });

  it("builds the redirects of a list's page 2 that emptied and of a year left without events", async () => {
    const published = manifestOf(withProtests(45, 45));
    expect(published).toEqual(expect.arrayContaining(["/en/topic/protest/page/2/", "/en/timeline/2013/"]));
    const items = withProtests(45, 0);
    for (const item of items) if (item.data.id === "march-on-capitol") item.data.date = "2018-09-12";
    const dir = writeFixture(items);
    writeFileSync(path.join(dir, "published-urls.txt"), formatManifest(published));
    const site = await buildFixtureSite(dir, { search: false });
    const refresh = (file: string) => load(readFileSync(path.join(site, file), "utf8"))('meta[http-equiv="refresh"]').attr("content");
    expect(refresh("en/topic/protest/page/2/index.html")).toBe("0; url=../../../../../en/topic/protest/index.html");
    expect(refresh("es/topic/protest/page/2/index.html")).toBe("0; url=../../../../../es/topic/protest/index.html");
    expect(refresh("en/timeline/2013/index.html")).toBe("0; url=../../../en/timeline/index.html");
    // Still a published URL a build may not drop silently: anything else gone fails as before.
    const without = items.filter((i) => i.data.id !== "protest-0");
    const dropped = writeFixture(without);
    writeFileSync(path.join(dropped, "published-urls.txt"), formatManifest(published));
    await expect(buildFixtureSite(dropped, { search: false })).rejects.toThrow(/\/en\/event\/protest-0\/\n/);
  });
});
