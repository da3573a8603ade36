import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { themeCss, themeSettingsSchema } from "../src/content/theme-settings.ts";
import { build } from "../src/index.ts";
import { layerTheme, packageLayouts } from "../src/theme.ts";
import { fixtureSettings, projectRoot, writeFixture } from "./helpers/fixture.ts";

const publishedCss = (site: string) => {
  const file = readdirSync(path.join(site, "assets")).find((name) => name.endsWith(".css")) as string;
  return readFileSync(path.join(site, "assets", file), "utf8");
};

describe("theme overrides", () => {
  let site: string;
  beforeAll(async () => {
    const content = writeFixture(undefined, {
      settings: { ...fixtureSettings, theme: { light: { link: "#123456" }, dark: { link: "#abcdef" }, font: "Georgia, serif" } },
    });
    const theme = mkdtempSync(path.join(tmpdir(), "archive-theme-"));
    // A layout override: the package's base layout with one line of the archive's own.
    mkdirSync(path.join(theme, "_includes"));
    const base = readFileSync(path.join(packageLayouts, "_includes", "base.njk"), "utf8");
    writeFileSync(path.join(theme, "_includes", "base.njk"), base.replace("<body>", '<body>\n<p class="our-banner">Our own banner</p>'));
    // A stylesheet override: the package's stylesheet with a rule of the archive's own.
    mkdirSync(path.join(theme, "assets"));
    cpSync(path.join(packageLayouts, "assets", "site.css"), path.join(theme, "assets", "site.css"));
    writeFileSync(path.join(theme, "assets", "site.css"), ".our-banner{font-weight:700}\n", { flag: "a" });
    site = path.join(mkdtempSync(path.join(tmpdir(), "archive-site-")), "site");
    await build({ contentDir: content, outDir: site, themeDir: theme, search: false });
  });

  it("renders every page with the theme's layout in place of the package's", () => {
    for (const page of ["index.html", "en/index.html", "es/event/march-on-capitol/index.html"]) {
      expect(readFileSync(path.join(site, page), "utf8")).toContain('<p class="our-banner">Our own banner</p>');
    }
  });

  it("publishes the theme's stylesheet in place of the package's, under a hashed name", () => {
    const css = publishedCss(site);
    expect(css).toContain(".our-banner{font-weight:700}");
    const html = readFileSync(path.join(site, "en", "index.html"), "utf8");
    const linked = /<link rel="stylesheet" href="[./]*(assets\/site\.[0-9a-f]+\.css)">/.exec(html)?.[1];
    expect(linked && existsSync(path.join(site, linked))).toBe(true);
  });

  it("sets the settings' colours and font as custom properties after the stylesheet's defaults", () => {
    const css = publishedCss(site);
    expect(css).toMatch(
      /:root\{--link:#123456;--font:Georgia, serif\}\s*@media \(prefers-color-scheme:dark\)\{:root\{--link:#abcdef\}\}\s*$/,
    );
  });

  it("leaves the package's layouts untouched", () => {
    expect(readFileSync(path.join(projectRoot, "layouts", "_includes", "base.njk"), "utf8")).not.toContain("our-banner");
  });
});

describe("a theme's pages.njk of the earlier form", () => {
  it("renders the same pages as the package's, with its body including the page's template itself", async () => {
    const content = writeFixture();
    const theme = mkdtempSync(path.join(tmpdir(), "archive-theme-"));
    // pages.njk as 0.1.0 shipped it: its own body includes the kind's template, inside base.njk.
    const front = readFileSync(path.join(packageLayouts, "pages.njk"), "utf8").split("---")[1] as string;
    const earlier = front.replace(/^layout: kind\.njk$/m, "layout: base.njk").replace(/^templateEngineOverride: html\n/m, "");
    expect(earlier).toContain("layout: base.njk");
    writeFileSync(
      path.join(theme, "pages.njk"),
      `---${earlier}---\n{%- set loc = archive.byLanguage.get(entry.lang) -%}\n{%- set t = loc.strings -%}\n{%- set root = entry.root -%}\n{%- include entry.layout -%}\n`,
    );
    const themed = path.join(mkdtempSync(path.join(tmpdir(), "archive-site-")), "site");
    const plain = path.join(mkdtempSync(path.join(tmpdir(), "archive-site-")), "site");
    await build({ contentDir: content, outDir: themed, themeDir: theme, search: false });
    await build({ contentDir: content, outDir: plain, search: false });
    for (const page of ["index.html", "en/index.html", "es/event/march-on-capitol/index.html", "en/timeline/index.html"]) {
      expect(readFileSync(path.join(themed, page), "utf8"), page).toBe(readFileSync(path.join(plain, page), "utf8"));
    }
  });
});

describe("layerTheme", () => {
  it("uses the package's layouts as they are when there is no theme folder and no theme settings", () => {
    const layered = layerTheme({ themeDir: path.join(tmpdir(), "no-such-theme-folder") });
    expect(layered.layoutsDir).toBe(packageLayouts);
  });

  it("removes its layered copy when disposed", () => {
    const layered = layerTheme({ theme: { font: "serif" } });
    expect(existsSync(path.join(layered.layoutsDir, "pages.njk"))).toBe(true);
    layered.dispose();
    expect(existsSync(layered.layoutsDir)).toBe(false);
  });
});

describe("theme settings", () => {
  it("refuses a colour that would end the declaration and start a rule of its own", () => {
    const parsed = themeSettingsSchema.safeParse({ light: { link: "red;}body{display:none" } });
    expect(parsed.success).toBe(false);
  });

  it("refuses an unknown custom property name", () => {
    expect(themeSettingsSchema.safeParse({ light: { shadow: "#000" } }).success).toBe(false);
  });

  it("writes only the properties that are set", () => {
    expect(themeCss({ dark: { bg: "oklch(20% 0 0)" } })).toBe("@media (prefers-color-scheme:dark){:root{--bg:oklch(20% 0 0)}}");
  });
});
