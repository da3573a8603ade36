import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { backgrounds, campaignColourCss, contrastRatio, lowestContrast } from "../src/campaign-colours.ts";
import { loadContent } from "../src/content/load.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { fixtureSettings, writeFixture } from "./helpers/fixture.ts";

describe("contrastRatio", () => {
  it("gives WCAG's ratios: 21 for black on white, 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#a8174f", "#a8174f")).toBe(1);
  });
});

describe("backgrounds", () => {
  it("are the stylesheet's --bg and --surface, light and dark", () => {
    const css = readFileSync("layouts/assets/site.css", "utf8");
    const [light, dark] = [css.indexOf(":root {"), css.indexOf("prefers-color-scheme: dark")].map((at) =>
      css.slice(at, css.indexOf("}", at)),
    );
    for (const [scheme, block] of [
      ["light", light],
      ["dark", dark],
    ] as const) {
      expect([/--bg: (#\w+)/.exec(block ?? "")?.[1], /--surface: (#\w+)/.exec(block ?? "")?.[1]], scheme).toEqual([...backgrounds[scheme]]);
    }
  });
});

describe("campaignColourCss", () => {
  it("gives each campaign's class its colour, light, then dark in the dark scheme, then light again in print", () => {
    const css = campaignColourCss({ "first-campaign": { light: "#a8174f", dark: "#ff8fb8" } });
    expect(css).toContain(
      ".cc-first-campaign{--cc:#a8174f}\n@media (prefers-color-scheme:dark){.cc-first-campaign{--cc:#ff8fb8}}\n@media print{.cc-first-campaign{--cc:#a8174f}}",
    );
    expect(campaignColourCss({})).toBe("");
  });
});

describe("campaign colours in the settings", () => {
  const withColours = (campaignColours: unknown) =>
    loadContent(writeFixture(undefined, { settings: { ...fixtureSettings, campaignColours } }));

  it("refuses a colour that does not reach 4.5:1 on its pages, saying which and how far", () => {
    const result = withColours({ "first-campaign": { light: "#ffcc00", dark: "#1a1a40" } });
    expect(result.content).toBeUndefined();
    const problems = result.problems.filter((p) => p.field.startsWith("campaignColours"));
    expect(problems.map((p) => p.field)).toEqual(["campaignColours.first-campaign.light", "campaignColours.first-campaign.dark"]);
    expect(problems[0]?.expected).toContain(
      `4.5:1 contrast on light pages (#ffcc00 has ${lowestContrast("#ffcc00", "light").toFixed(2)}:1)`,
    );
  });

  it("measures against the theme's own page background when the settings give one", () => {
    const colours = { "first-campaign": { light: "#a8174f", dark: "#ff8fb8" } };
    expect(withColours(colours).problems).toEqual([]);
    const onPink = loadContent(
      writeFixture(undefined, { settings: { ...fixtureSettings, campaignColours: colours, theme: { light: { bg: "#c0406f" } } } }),
    );
    expect(onPink.problems.map((p) => p.field)).toEqual(["campaignColours.first-campaign.light"]);
    expect(onPink.problems[0]?.expected).toContain(`(#a8174f has ${lowestContrast("#a8174f", "light", "#c0406f").toFixed(2)}:1)`);
  });

  it("refuses a colour that is not #rrggbb and a colour for a campaign the archive does not have", () => {
    expect(
      withColours({ "first-campaign": { light: "red", dark: "#ff8fb8" } }).problems.map((p) => [p.field, p.expected, p.found]),
    ).toEqual([["campaignColours.first-campaign.light", 'a colour written "#rrggbb"', '"red"']]);
    expect(withColours({ "no-such-campaign": { light: "#a8174f", dark: "#ff8fb8" } }).problems).toEqual([
      {
        file: expect.stringMatching(/site\.yaml$/),
        field: "campaignColours.no-such-campaign",
        expected: "the id of a campaign",
        found: '"no-such-campaign"',
      },
    ]);
  });

  it("reach the one stylesheet every page links, whose hashed name changes with them", async () => {
    const site = await buildFixtureSite(
      writeFixture(undefined, {
        settings: { ...fixtureSettings, campaignColours: { "first-campaign": { light: "#00695c", dark: "#5fd4c0" } } },
      }),
      { search: false },
    );
    const [sheet] = readdirSync(path.join(site, "assets")).filter((f) => f.endsWith(".css"));
    expect(readFileSync(path.join(site, "assets", sheet ?? ""), "utf8")).toContain(".cc-first-campaign{--cc:#00695c}");
    const $ = cheerio.load(readFileSync(path.join(site, "en/event/march-on-capitol/index.html")));
    expect($('link[rel="stylesheet"]').attr("href")).toBe(`../../../assets/${sheet}`);
    expect($(".facts a.badge").attr("class")).toBe("badge cc-first-campaign");
    const plain = await buildFixtureSite(writeFixture(), { search: false });
    expect(readdirSync(path.join(plain, "assets")).filter((f) => f.endsWith(".css"))).not.toEqual([sheet]);
  });
});
