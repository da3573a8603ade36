import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputGuardError } from "../src/output-guard.ts";
import { lazyFile } from "../src/outputs/published-files.ts";
import { filesOfRun, writePublishedFiles } from "../src/outputs/write-files.ts";
import { pagesOfBatch } from "../src/render-batches.ts";
import { loadSite } from "../src/site.ts";
import { writeFixture } from "./helpers/fixture.ts";

describe("writing the published files", () => {
  it("writes each file at its site path, making its folders", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "files-")), "_site");
    writePublishedFiles(out, [lazyFile("en/event/a/cite.bib", () => "@misc{a}\n"), lazyFile("robots.txt", () => "User-agent: *\n")]);
    expect(readFileSync(path.join(out, "en/event/a/cite.bib"), "utf8")).toBe("@misc{a}\n");
    expect(readFileSync(path.join(out, "robots.txt"), "utf8")).toBe("User-agent: *\n");
  });

  it("refuses a path that leaves the output, and writes nothing there", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "files-"));
    const out = path.join(parent, "_site");
    for (const bad of ["../escaped.txt", "en/../../escaped.txt", "/tmp/escaped.txt"]) {
      expect(() => writePublishedFiles(out, [lazyFile(bad, () => "x")]), bad).toThrow(OutputGuardError);
    }
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("the published files a run writes", () => {
  const site = loadSite({ contentDir: writeFixture() });
  const files = site.outputs.files;
  const folderOf = (p: string) => p.slice(0, p.lastIndexOf("/") + 1);
  const itemFolders = new Set(site.pages.filter((p) => p.item).map((p) => p.path));
  const archiveWide = files.filter((f) => !itemFolders.has(folderOf(f.path)));

  it("writes every file in a run of the whole site", () => {
    expect(filesOfRun(files, { allPages: site.pages, pages: site.pages })).toEqual(files);
  });

  it("writes each item's files with its batch, and the archive-wide ones once, with the first", () => {
    const count = 3;
    const runs = Array.from({ length: count }, (_, index) => {
      const batch = { index, count };
      return filesOfRun(files, { allPages: site.pages, pages: pagesOfBatch(site.pages, batch), batch });
    });
    expect(archiveWide.map((f) => f.path)).toContain("sitemap.xml");
    expect(runs[0]).toEqual(expect.arrayContaining(archiveWide));
    for (const run of runs.slice(1)) expect(run.filter((f) => archiveWide.includes(f))).toEqual([]);
    expect(
      runs
        .flat()
        .map((f) => f.path)
        .sort(),
    ).toEqual(files.map((f) => f.path).sort());
  });

  it("writes in a watch rebuild only the files of the items it renders", () => {
    const item = site.pages.find((p) => p.item && files.some((f) => folderOf(f.path) === p.path));
    if (!item) throw new Error("the fixture has no cited item");
    const written = filesOfRun(files, { allPages: site.pages, pages: [item] });
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((f) => folderOf(f.path) === item.path)).toBe(true);
  });
});
