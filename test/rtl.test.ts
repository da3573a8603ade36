import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "cheerio";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "./helpers/fixture.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { arabic, arabicStringsFile, stringKeys, writeRtlFixture } from "./fixtures/rtl-archive.ts";

const page = (site: string, at: string) => load(readFileSync(path.join(site, at, "index.html"), "utf8"));

describe("the Arabic strings file of the right-to-left fixture", () => {
  it("defines every interface string of content/strings/en.yaml", () => {
    const arabicKeys = new Set(stringKeys(arabicStringsFile));
    const missing = stringKeys(path.join(projectRoot, "content", "strings", "en.yaml")).filter((key) => !arabicKeys.has(key));
    expect(missing, `add these keys to ${path.relative(projectRoot, arabicStringsFile)}`).toEqual([]);
  });
});

describe("an archive with a third, right-to-left language added as data", () => {
  let site: string;
  beforeAll(async () => {
    site = await buildFixtureSite(writeRtlFixture());
  });

  it("builds Arabic pages with lang=ar and dir=rtl", () => {
    for (const at of ["ar", "ar/event/march-on-capitol", "ar/campaign/first-campaign", "ar/timeline"]) {
      const $ = page(site, at);
      expect($("html").attr("lang"), at).toBe("ar");
      expect($("html").attr("dir"), at).toBe("rtl");
    }
    expect(page(site, "ar/event/march-on-capitol")("h1").text()).toBe("مسيرة إلى مبنى الكابيتول");
  });

  it("offers Arabic in the language switcher of every language, written in its own script and direction", () => {
    for (const at of ["en/event/march-on-capitol", "es/event/march-on-capitol"]) {
      const link = page(site, at)(".languages a[hreflang=ar]");
      expect(link.text(), at).toBe(arabic.name);
      expect(link.attr("dir")).toBe("rtl");
      expect(link.attr("href")).toBe("../../../ar/event/march-on-capitol/index.html");
    }
    const chooser = page(site, "")(`a[href="ar/index.html"]`);
    expect(chooser.text()).toContain(arabic.name);
    expect(chooser.attr("dir")).toBe("rtl");
  });

  it("shows an untranslated item in English with the Arabic notice, its text marked as English and left-to-right", () => {
    const $ = page(site, "ar/event/undated-fast");
    const strings = yaml.load(readFileSync(arabicStringsFile, "utf8")) as { site: { fallbackNotice: string } };
    // The language is named as an Arabic reader names it, not in its own words ("English").
    const notice = strings.site.fallbackNotice.replace("{language}", "الإنجليزية");
    expect($(".notice").text()).toBe(notice);
    expect($("main article").attr("lang")).toBe("en");
    // English text keeps its own direction inside a right-to-left page.
    expect($("main article").attr("dir")).toBe("ltr");
    expect($("h1").text()).toBe("A fast");
    expect(page(site, "ar/event/march-on-capitol")(".notice").length).toBe(0);
  });

  it("joins inline lists with the Arabic separator: download formats, citation files", () => {
    const formats = page(site, "ar/data")("dl.downloads dd").first().text();
    expect(formats).toMatch(/CSV، JSON$/);
    expect(page(site, "ar/event/march-on-capitol")("section.cite p").last().text()).toMatch(/BibTeX، CSL-JSON$/);
  });

  it("formats dates in the Arabic locale", () => {
    const expected = DateTime.fromObject({ year: 2013, month: 9, day: 12 }, { locale: arabic.locale }).toLocaleString({
      year: "numeric",
      month: "long",
      day: "numeric",
    });
    expect(expected).toContain("سبتمبر");
    expect(page(site, "ar/event/march-on-capitol")(".facts .date").first().text()).toBe(expected);
    expect(page(site, "ar/event/summer-protests")(".facts .date").first().text()).toBe(
      `صيف ${DateTime.fromObject({ year: 2018 }, { locale: "ar" }).toLocaleString({ year: "numeric" })}`,
    );
  });

  it("writes a Pagefind index for Arabic", () => {
    const entry = JSON.parse(readFileSync(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(["ar", "en", "es"]);
    // Every Arabic item page is indexed, translated or falling back, as many as in English.
    expect(entry.languages.ar?.page_count).toBeGreaterThan(0);
    expect(entry.languages.ar?.page_count).toBe(entry.languages.en?.page_count);
  });
});
