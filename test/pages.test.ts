import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { dateSortKey } from "../src/dates.ts";
import { loadContent, type LoadedContent } from "../src/content/load.ts";
import type { OrganizationData } from "../src/content-types/index.ts";
import { buildFixtureSite } from "./helpers/build.ts";

const languages = ["en", "es"];

/** One page of each kind, as a path under a language folder. */
const samplePages: Record<string, string> = {
  home: "index.html",
  campaigns: "campaign/index.html",
  campaign: "campaign/we-belong-together/index.html",
  "campaign-timeline": "campaign/we-belong-together/timeline/index.html",
  event: "event/wbt-civil-disobedience-capitol/index.html",
  timeline: "timeline/index.html",
  goals: "goal/index.html",
  goal: "goal/wah-roadmap-to-citizenship/index.html",
  organizations: "organization/index.html",
  "shared-organizations": "coalitions/index.html",
  organization: "organization/national-domestic-workers-alliance/index.html",
  people: "person/index.html",
  person: "person/andrea-mercado/index.html",
  sources: "source/index.html",
  source: "source/wbt-encyclopedia-article/index.html",
  topics: "topic/index.html",
  topic: "topic/civil-disobedience/index.html",
  places: "place/index.html",
  place: "place/washington-dc/index.html",
  about: "page/about/index.html",
  methodology: "page/methodology/index.html",
  search: "search/index.html",
  "not-found": "404.html",
};

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => file.split(path.sep).join("/"));
}

/** Where a link on the page at `from` (a file path in the site) leads, as a file path; undefined if external. */
function linkTarget(from: string, href: string): string | undefined {
  if (/^https?:/.test(href)) return undefined;
  const withoutFragment = href.split("#")[0] ?? "";
  if (withoutFragment === "") return from;
  const resolved = withoutFragment.startsWith("/")
    ? withoutFragment.slice(1)
    : path.posix.normalize(path.posix.join(path.posix.dirname(from), withoutFragment));
  return resolved.endsWith("/") || resolved === "" ? `${resolved}index.html` : resolved;
}

describe("the real archive, built", () => {
  let site: string;
  let content: LoadedContent;
  let files: string[];
  const pages = new Map<string, CheerioAPI>();
  const page = (file: string): CheerioAPI => {
    let $ = pages.get(file);
    if (!$) {
      $ = load(readFileSync(path.join(site, file), "utf8"));
      pages.set(file, $);
    }
    return $;
  };

  beforeAll(async () => {
    site = await buildFixtureSite("content", { search: false });
    const loaded = loadContent("content");
    if (!loaded.content) throw new Error("the content does not load");
    content = loaded.content;
    files = htmlFiles(site);
  });

  it("has every kind of page in both languages, a language chooser and a root 404", () => {
    for (const lang of languages) {
      for (const [kind, file] of Object.entries(samplePages)) {
        expect(existsSync(path.join(site, lang, file)), `${kind}: ${lang}/${file}`).toBe(true);
      }
    }
    expect(
      page("index.html")("a[hreflang]")
        .map((_, a) => a.attribs.href)
        .get(),
    ).toEqual(["en/index.html", "es/index.html"]);
    expect(page("404.html")("h1").text()).toBe(page("en/404.html")("h1").text());
  });

  it("writes a page for every published item in both languages", () => {
    for (const [type, items] of Object.entries(content.items)) {
      for (const [id, twins] of items) {
        if ([...twins.values()].some((file) => file.data.draft)) continue;
        for (const lang of languages) expect(files, `${type} ${id}`).toContain(`${lang}/${type}/${id}/index.html`);
      }
    }
  });

  it("resolves every link on every page to a file of the site", () => {
    const broken: string[] = [];
    for (const file of files) {
      const $ = page(file);
      // Links on 404 pages are absolute: the host serves the page at any address.
      $("a[href], link[href]").each((_, el) => {
        const href = el.attribs.href ?? "";
        const target = linkTarget(file, href);
        if (target !== undefined && !files.includes(target) && !existsSync(path.join(site, target))) broken.push(`${file} → ${href}`);
      });
    }
    expect(broken).toEqual([]);
  });

  it("links outside the site only to source documents and the licence", () => {
    const sourceUrls = new Set(
      [...content.items.source.values()].flatMap((twins) => [...twins.values()].map((file) => String(file.data.url ?? ""))),
    );
    const licence = content.settings.licence.url;
    const external: string[] = [];
    for (const file of files) {
      // Only what a reader follows or the browser fetches: <head> metadata names the public address on purpose.
      page(file)("body a[href], [src]").each((_, el) => {
        const url = el.attribs.href ?? el.attribs.src ?? "";
        const allowed = url === licence || (file.includes("/source/") && sourceUrls.has(url));
        if (/^(https?:)?\/\//.test(url) && !allowed) external.push(`${file} → ${url}`);
      });
    }
    expect(external).toEqual([]);
  });

  it("gives every page hreflang alternates and a language switcher whose targets exist", () => {
    const published = `${content.settings.baseUrl.replace(/\/$/, "")}${content.settings.pathPrefix}`;
    for (const file of files.filter((f) => f !== "index.html")) {
      const $ = page(file);
      const alternates = $("link[rel=alternate][hreflang]").filter((_, el) => el.attribs.hreflang !== "x-default");
      // A 404 page stands for no address: it names no alternates, as it names no canonical URL.
      expect(alternates.map((_, el) => el.attribs.hreflang).get(), file).toEqual(file.endsWith("404.html") ? [] : languages);
      alternates.each((_, el) => {
        const href = el.attribs.href ?? "";
        const target = href.startsWith(published) ? linkTarget("", href.slice(published.length)) : linkTarget(file, href);
        expect(target && existsSync(path.join(site, target)), `${file} → ${href}`).toBe(true);
      });
      const switcher = $("nav.languages a");
      expect(switcher.length, file).toBe(languages.length);
      switcher.each((_, a) => {
        const target = linkTarget(file, a.attribs.href ?? "") as string;
        expect(existsSync(path.join(site, target)), `${file} → ${a.attribs.href}`).toBe(true);
        expect(page(target)("html").attr("lang"), target).toBe(a.attribs.lang);
      });
    }
  });

  // Where a translation is missing the notice appears: test/rtl.test.ts builds an archive where that happens.
  it("marks the language of every page, and shows no fallback notice: every item of the real archive is translated", () => {
    for (const file of files) {
      const lang = file.split("/")[0] ?? "";
      const expected = languages.includes(lang) ? lang : content.settings.defaultLanguage;
      expect(page(file)("html").attr("lang"), file).toBe(expected);
    }
    expect(files.filter((file) => page(file)("main .notice").length > 0)).toEqual([]);
  });

  it("lists the timeline in date order, every event once", () => {
    const keys = new Map(
      [...content.items.event].map(([id, twins]) => {
        const file = twins.get("en") ?? [...twins.values()][0];
        return [id, file?.dates.date ? dateSortKey(file.dates.date) : ""];
      }),
    );
    for (const lang of languages) {
      const ids = page(`${lang}/timeline/index.html`)("section.year a")
        .map((_, a) => /event\/([^/]+)\//.exec(a.attribs.href ?? "")?.[1])
        .get();
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...keys.keys()].sort());
      const order = page(`${lang}/timeline/index.html`)("section.year a")
        .map((_, a) => keys.get(/event\/([^/]+)\//.exec(a.attribs.href ?? "")?.[1] ?? ""))
        .get();
      expect(order).toEqual([...order].sort());
    }
  });

  it("lists on each organization's page every campaign it has a role in", () => {
    for (const [id, twins] of content.items.organization) {
      const data = [...twins.values()][0]?.data as OrganizationData;
      for (const lang of languages) {
        const $ = page(`${lang}/organization/${id}/index.html`);
        const campaignsIn = (selector: string) =>
          $(selector)
            .map((_, a) => /campaign\/([^/]+)\//.exec($(a).attr("href") ?? "")?.[1])
            .get();
        // Taking part, in the table; only named in a campaign's documents, in a list apart.
        const taking = campaignsIn("#o-campaigns ~ table a[href*='/campaign/']");
        const named = campaignsIn("#o-named ~ ul a[href*='/campaign/']");
        expect(new Set(taking), `${lang} ${id}`).toEqual(new Set(data.roles.filter((r) => r.role !== "referenced").map((r) => r.campaign)));
        expect(new Set(named), `${lang} ${id}`).toEqual(new Set(data.roles.filter((r) => r.role === "referenced").map((r) => r.campaign)));
      }
    }
  });

  it("never lists among a campaign's coalition members a body its documents only name", () => {
    for (const [id, twins] of content.items.organization) {
      const roles = ([...twins.values()][0]?.data as OrganizationData).roles;
      for (const role of roles) {
        for (const lang of languages) {
          const $ = page(`${lang}/campaign/${role.campaign}/index.html`);
          const member = $(`#c-members`).parent().find(`a[href*="organization/${id}/"]`).length > 0;
          const named = $(`#c-named`).parent().find(`a[href*="organization/${id}/"]`).length > 0;
          expect({ member, named }, `${lang} ${role.campaign} ${id}`).toEqual({
            member: role.role !== "referenced",
            named: role.role === "referenced",
          });
        }
      }
    }
  });

  it("shows on every campaign, event and goal page the quotations that back it, translated on Spanish pages", () => {
    const folders = { campaign: "campaign", event: "event", goal: "goal" } as const;
    for (const type of Object.keys(folders) as Array<keyof typeof folders>) {
      for (const [id, twins] of content.items[type]) {
        const evidence = twins.get("en")?.data.evidence as Array<{ quote: string }>;
        for (const lang of languages) {
          const $ = page(`${lang}/${folders[type]}/${id}/index.html`);
          const quotes = $("figure.quote blockquote[lang='en']")
            .map((_, q) => $(q).text())
            .get();
          expect(quotes, `${lang} ${type} ${id}`).toEqual(evidence.map((e) => e.quote));
          const captions = $("figure.quote figcaption").text();
          if (lang === "es") expect(captions, `${type} ${id}`).toContain("Traducción del archivo");
          else expect(captions, `${type} ${id}`).not.toContain("translation");
        }
      }
    }
  });

  it("lists in the bibliography, under each source, every item that cites it", () => {
    for (const lang of languages) {
      const $ = page(`${lang}/source/index.html`);
      for (const id of content.items.source.keys()) {
        const entry = $(`ol.bibliography > li:has(> a[href$="source/${id}/index.html"])`);
        const listed = entry
          .find("details a")
          .map((_, a) => a.attribs.href)
          .get()
          .sort();
        const citing = Object.entries(content.items).flatMap(([type, items]) =>
          [...items]
            .filter(([, t]) => {
              const data = t.get("en")?.data as { sources?: string[]; roles?: Array<{ sources: string[] }> };
              return [...(data.sources ?? []), ...(data.roles ?? []).flatMap((r) => r.sources)].includes(id);
            })
            .map(([itemId]) => `../../${lang}/${type}/${itemId}/index.html`),
        );
        expect(listed.length, `${lang} ${id} is cited`).toBeGreaterThan(0);
        expect(listed, `${lang} ${id}`).toEqual(citing.sort());
      }
    }
  });

  it("gives every page one h1 and headings that never skip a level", () => {
    for (const file of files) {
      const $ = page(file);
      expect($("h1").length, file).toBe(1);
      let level = 0;
      $("h1, h2, h3, h4, h5, h6").each((_, h) => {
        const next = Number(h.tagName.slice(1));
        expect(next, `${file}: ${$(h).text()}`).toBeLessThanOrEqual(level + 1);
        level = next;
      });
    }
  });

  it("writes titles with curly quotes and apostrophes, as the bodies are written", () => {
    // Item pages: the archive's own name comes from the settings, as its editors write it.
    const items = files.filter((file) => /^(en|es)\/(campaign|event|goal|organization|person|source|page)\/[^/]+\/index\.html$/.test(file));
    expect(items.length).toBeGreaterThan(100);
    const straight = items.map((file) => page(file)("h1").text()).filter((title) => /["']/.test(title));
    expect(straight).toEqual([]);
  });

  it("never gives two headings of one page the same words", () => {
    for (const file of files) {
      const $ = page(file);
      const headings = $("h1, h2, h3")
        .map((_, h) => `${h.tagName} ${$(h).text().trim()}`)
        .get();
      expect(
        headings.filter((h, i) => headings.indexOf(h) !== i),
        file,
      ).toEqual([]);
    }
  });

  it("moves from an undated event only to the undated events of its own campaign, in title order", () => {
    const undated = [...content.items.event]
      .filter(([, twins]) => [...twins.values()][0]?.dates.date?.precision === "undated")
      .map(([id]) => id);
    expect(undated.length).toBeGreaterThan(1);
    const firstCampaign = (id: string) => ([...(content.items.event.get(id)?.values() ?? [])][0]?.data.campaigns as string[])[0];
    for (const id of undated) {
      const $ = page(`en/event/${id}/index.html`);
      const title = $("h1").text();
      for (const [rel, before] of [
        ["prev", true],
        ["next", false],
      ] as const) {
        const href = $(`nav.pager a[rel="${rel}"]`).attr("href");
        if (!href) continue;
        const other = /event\/([^/]+)\//.exec(href)?.[1] as string;
        expect(undated, `${id} → ${other}`).toContain(other);
        expect(firstCampaign(other), `${id} → ${other}`).toBe(firstCampaign(id));
        const otherTitle = page(`en/event/${other}/index.html`)("h1").text();
        expect(otherTitle.localeCompare(title, "en") < 0, `${id} ${rel} ${other}`).toBe(before);
      }
    }
  });

  it("lists as latest events on the home page none of its key moments", () => {
    for (const lang of languages) {
      const $ = page(`${lang}/index.html`);
      const keyMoments = $("#home-highlights + ol a")
        .map((_, a) => a.attribs.href)
        .get();
      const latest = $("#home-latest + ol a")
        .map((_, a) => a.attribs.href)
        .get();
      expect(keyMoments.length, lang).toBeGreaterThan(0);
      expect(latest.length, lang).toBeGreaterThan(0);
      expect(
        latest.filter((href) => keyMoments.includes(href)),
        lang,
      ).toEqual([]);
    }
  });

  it("labels a role by how many hold it, and says when the documents give no founding date", () => {
    const $ = page("en/campaign/we-are-home/index.html");
    const labels = $(".facts dt")
      .map((_, dt) => $(dt).text())
      .get();
    expect(labels).toContain("Leading organizations");
    expect($(".facts").text()).not.toContain("Undated");
    expect(page("en/campaign/index.html")("main").text()).toContain("Founded: date not stated in its documents");
    expect(
      page("es/campaign/we-belong-together/index.html")(".facts dt")
        .map((_, dt) => $(dt).text())
        .get(),
    ).toContain("Organizaciones ancla");
  });

  it("has skip link, landmarks and breadcrumbs on every page", () => {
    for (const file of files) {
      const $ = page(file);
      expect($("a.skip").attr("href"), file).toBe("#main");
      expect($("header").length + $("main#main").length + $("footer").length, file).toBe(3);
    }
    for (const lang of languages) {
      const crumbs = page(`${lang}/${samplePages.event}`)("nav.breadcrumbs a");
      expect(crumbs.length).toBe(3);
      expect(crumbs.last().attr("aria-current")).toBe("page");
    }
  });

  it("carries a <script> on no page but search", () => {
    // JSON-LD is a data block the browser never runs.
    const withScript = files.filter((file) => page(file)("script:not([type='application/ld+json'])").length > 0);
    expect(
      withScript.every((file) => file.endsWith("search/index.html")),
      withScript.join(", "),
    ).toBe(true);
  });

  it("shows the timeline picture, with a text alternative, on the timeline pages", () => {
    for (const lang of languages) {
      for (const file of [samplePages.timeline, samplePages["campaign-timeline"]]) {
        const $ = page(`${lang}/${file}`);
        expect($("figure.timeline-figure svg a").length, file).toBeGreaterThan(0);
        expect($("figure.timeline-figure svg desc").text(), file).toMatch(/\d/);
      }
    }
  });

  it("is valid HTML on one page of each kind in each language", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // The layouts write `<!doctype html>`, as the HTML standard itself does; case carries no meaning.
        "doctype-style": "off",
        // A title is the item's own title followed by the archive's name: content decides its length.
        "long-title": "off",
      },
    });
    const report: string[] = [];
    for (const lang of languages) {
      for (const file of Object.values(samplePages)) {
        const result = await validator.validateString(readFileSync(path.join(site, lang, file), "utf8"), `${lang}/${file}`);
        for (const r of result.results) for (const m of r.messages) report.push(`${lang}/${file}:${m.line} ${m.ruleId} ${m.message}`);
      }
    }
    expect(report).toEqual([]);
  });
});
