import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleSlug, writeSiteBundle } from "../src/bundle.ts";
import { unzipInto } from "./helpers/unzip.ts";

function writeSite(): string {
  const site = mkdtempSync(path.join(tmpdir(), "bundle-site-"));
  mkdirSync(path.join(site, "en", "event", "x"), { recursive: true });
  writeFileSync(path.join(site, "index.html"), "<p>root</p>");
  writeFileSync(path.join(site, "en", "event", "x", "index.html"), "<p>ñandú event</p>");
  return site;
}

describe("writeSiteBundle", () => {
  it("writes a dated zip that unpacks into one folder holding every file unchanged", async () => {
    const site = writeSite();
    const out = mkdtempSync(path.join(tmpdir(), "bundle-out-"));
    const { file, files } = await writeSiteBundle({
      siteDir: site,
      outDir: path.join(out, "dist"),
      name: "my-archive",
      date: "2026-11-23",
    });
    expect(file).toBe(path.join(out, "dist", "my-archive-2026-11-23.zip"));
    expect(files).toBe(2);
    const unpacked = mkdtempSync(path.join(tmpdir(), "bundle-unpacked-"));
    const names = await unzipInto(file, unpacked);
    expect(names.sort()).toEqual(["my-archive-2026-11-23/en/event/x/index.html", "my-archive-2026-11-23/index.html"]);
    expect(readFileSync(path.join(unpacked, "my-archive-2026-11-23/en/event/x/index.html"), "utf8")).toBe("<p>ñandú event</p>");
  });

  it("refuses a folder that is not a built site, saying how to build one", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "bundle-empty-"));
    await expect(writeSiteBundle({ siteDir: empty, outDir: empty, name: "a", date: "2026-01-01" })).rejects.toThrow(/npm run build/);
  });
});

describe("bundleSlug", () => {
  it("turns a site name in any language into a file-name-safe slug", () => {
    expect(bundleSlug("Immigrant Women's Rights Campaigns Archive")).toBe("immigrant-womens-rights-campaigns-archive");
    expect(bundleSlug("Archivo de campañas por los derechos")).toBe("archivo-de-campanas-por-los-derechos");
  });
});
