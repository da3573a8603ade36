import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchiveSite } from "../src/build.ts";
import { renderSite } from "../src/render.ts";
import { ContentError } from "../src/content/errors.ts";
import { accessDate } from "../src/outputs/citations.ts";
import { publishedOutputs } from "../src/outputs/published-files.ts";
import { inspectSite, loadSite } from "../src/site.ts";
import { buildMarkerName, checkOutputTarget, fileInside, isInsideSitePath } from "../src/output-guard.ts";
import { baseItems, writeFixture, type FixtureItem } from "./helpers/fixture.ts";
import { runScript } from "./helpers/run-script.ts";

const newDir = (name: string) => mkdtempSync(path.join(tmpdir(), `${name}-`));

/** The fixture with `aliases` on the English "march-on-capitol". */
function withAliases(aliases: string[]): FixtureItem[] {
  const items = baseItems();
  for (const item of items) if (item.lang === "en" && item.data.id === "march-on-capitol") item.data.aliases = aliases;
  return items;
}

describe("paths made from content stay inside the output", () => {
  it("rejects an alias with .. segments in the loader, naming file and field, and writes nothing outside", async () => {
    const escape = newDir("escape");
    const alias = `/${"../".repeat(12)}${escape.slice(1)}/x/`;
    const dir = writeFixture(withAliases([alias]));
    const { problems } = inspectSite({ contentDir: dir });
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/en\/events\/march-on-capitol\.md$/),
        field: "aliases.0",
        found: expect.stringContaining('"/../../'),
      }),
    ]);
    const outDir = path.join(newDir("site"), "_site");
    await expect(buildArchiveSite({ contentDir: dir, outDir, afterRender: [] })).rejects.toBeInstanceOf(ContentError);
    expect(readdirSync(escape)).toEqual([]);
  });

  it("refuses to write outside the output even when an alias got past the loader", async () => {
    const site = loadSite({ contentDir: writeFixture() });
    const escape = newDir("escape");
    const event = site.archive.byLanguage.get("en")?.events.find((e) => e.id === "march-on-capitol");
    if (!event) throw new Error("fixture event missing");
    (event.data as { aliases?: string[] }).aliases = ["/../../outside/"];
    // The redirects were made when the site was loaded: make them again with the bad alias.
    const escaping = {
      ...site,
      outputs: publishedOutputs(site.archive, site.pages, accessDate(site.archive.settings), site.publishedUrls),
    };
    expect(escaping.outputs.redirects.map((r) => r.from)).toContain("../../outside/");
    const outDir = path.join(escape, "a", "b");
    await expect(renderSite({ contentDir: "unused", outDir }, escaping)).rejects.toThrow(/outside the output folder/);
    expect(existsSync(path.join(escape, "outside"))).toBe(false);
  });

  it("fileInside and isInsideSitePath accept site paths and refuse every way out", () => {
    expect(fileInside("/srv/site", "en/event/x/index.html")).toBe("/srv/site/en/event/x/index.html");
    for (const bad of ["../x", "en/../../x", "/etc/passwd", "en/./x", "a\\..\\b", "x\0y", "C:/x"]) {
      expect(isInsideSitePath(bad), bad).toBe(false);
      expect(() => fileInside("/srv/site", bad), bad).toThrow(/outside the output folder/);
    }
  });
});

describe("alias conflicts", () => {
  it("reports a self-alias, a cycle, the home page, a language's front page and a repeated alias at once", () => {
    const items = withAliases([
      "/en/event/march-on-capitol/",
      "/",
      "/en/",
      "/en/event/summer-protests/",
      "/en/old/",
      "/en/old/",
      "/en/data/events.csv/",
      "/pagefind/",
    ]);
    for (const item of items)
      if (item.lang === "en" && item.data.id === "summer-protests") item.data.aliases = ["/en/event/march-on-capitol/"];
    const { problems, site } = inspectSite({ contentDir: writeFixture(items) });
    expect(site).toBeUndefined();
    const march = expect.stringMatching(/en\/events\/march-on-capitol\.md$/);
    expect(problems).toEqual([
      {
        file: march,
        field: "aliases[0]",
        expected: expect.stringContaining("not its current one"),
        found: expect.stringContaining("own address"),
      },
      { file: march, field: "aliases[1]", expected: expect.stringContaining("not the home page"), found: '"/"' },
      {
        file: march,
        field: "aliases[2]",
        expected: expect.stringContaining("no page of the archive uses"),
        found: expect.stringContaining('"/en/"'),
      },
      {
        file: march,
        field: "aliases[3]",
        expected: expect.stringContaining("no page of the archive uses"),
        found: expect.stringContaining("summer-protests"),
      },
      { file: march, field: "aliases[5]", expected: "an alias declared once", found: expect.stringContaining("aliases[4]") },
      {
        file: march,
        field: "aliases[6]",
        expected: expect.stringContaining("collide"),
        found: expect.stringContaining('"/en/data/events.csv"'),
      },
      { file: march, field: "aliases[7]", expected: expect.stringContaining("pagefind"), found: '"/pagefind/"' },
      {
        file: expect.stringMatching(/en\/events\/summer-protests\.md$/),
        field: "aliases[0]",
        expected: expect.stringContaining("no page"),
        found: expect.stringContaining("march-on-capitol"),
      },
    ]);
  });

  it("npm run check reports them, and the build stops before Eleventy with a content error", async () => {
    const dir = writeFixture(withAliases(["/en/"]));
    const check = await runScript("check", ["--content", dir]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(
      /march-on-capitol\.md · aliases\[0\]: expected an old address that no page of the archive uses, found "\/en\/"/,
    );
    await expect(buildArchiveSite({ contentDir: dir, outDir: path.join(newDir("site"), "_site"), afterRender: [] })).rejects.toBeInstanceOf(
      ContentError,
    );
  });
});

describe("the folders a build may replace", () => {
  /** A project-like folder: content/ from the fixture and a file that must survive. */
  function project(): string {
    const root = newDir("project");
    cpSync(writeFixture(), path.join(root, "content"), { recursive: true });
    writeFileSync(path.join(root, "keep.txt"), "mine");
    return root;
  }
  const survived = (root: string) => {
    expect(readFileSync(path.join(root, "keep.txt"), "utf8")).toBe("mine");
    expect(existsSync(path.join(root, "content", "site.yaml"))).toBe(true);
  };

  for (const out of ["content", ".", "..", "content/en"]) {
    it(`npm run build -- --out ${out} fails, says why and deletes nothing`, async () => {
      const root = project();
      const run = await runScript("build", ["--content", "content", "--out", out], { cwd: root });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/Refusing to build into .*(content folder|current directory)/);
      expect(run.stderr).toContain("Nothing was built");
      survived(root);
    });
  }

  it("refuses a non-empty folder no build made, and accepts an empty one or its own", async () => {
    const root = newDir("targets");
    const foreign = path.join(root, "photos");
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, "a.jpg"), "x");
    const guarded = { "the content folder": path.join(root, "content") };
    expect(() => checkOutputTarget(foreign, guarded)).toThrow(/not empty and no build made it/);
    mkdirSync(path.join(root, "empty"));
    expect(() => checkOutputTarget(path.join(root, "empty"), guarded)).not.toThrow();
    const outDir = path.join(root, "_site");
    await buildArchiveSite({ contentDir: writeFixture(), outDir, afterRender: [] });
    expect(existsSync(path.join(outDir, buildMarkerName))).toBe(true);
    expect(() => checkOutputTarget(outDir, guarded)).not.toThrow();
    await expect(buildArchiveSite({ contentDir: writeFixture(), outDir: foreign, afterRender: [] })).rejects.toThrow(/no build made it/);
    expect(readFileSync(path.join(foreign, "a.jpg"), "utf8")).toBe("x");
  });
});
