import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { precompressSite } from "../src/precompress.ts";
import { projectRoot, writeFixture } from "./helpers/fixture.ts";

describe("precompressSite", () => {
  let dir: string;
  let result: { files: number };
  const page = "<!doctype html><title>Event</title><p>" + "Women marched. ".repeat(200);
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "precompress-"));
    mkdirSync(path.join(dir, "en", "event"), { recursive: true });
    mkdirSync(path.join(dir, "assets"));
    writeFileSync(path.join(dir, "en", "event", "index.html"), page);
    writeFileSync(path.join(dir, "assets", "site.abc.css"), "body { color: black; }");
    writeFileSync(path.join(dir, "sitemap.xml"), "<urlset/>");
    writeFileSync(path.join(dir, "index.pf_meta"), Buffer.from([1, 2, 3]));
    result = precompressSite(dir);
  });

  it("writes .gz and .br beside each text file in every folder, both decoding to the original", () => {
    const file = path.join(dir, "en", "event", "index.html");
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(page);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(page);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(page.length / 10);
    expect(existsSync(path.join(dir, "assets", "site.abc.css.br"))).toBe(true);
    expect(existsSync(path.join(dir, "sitemap.xml.gz"))).toBe(true);
  });

  it("leaves files that are not text alone and counts the files it compressed", () => {
    expect(existsSync(path.join(dir, "index.pf_meta.gz"))).toBe(false);
    expect(result.files).toBe(3);
  });
});

describe("npm run build -- --precompress", () => {
  it("leaves .gz and .br beside the built pages and stylesheet", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "precompress-build-")), "site");
    execFileSync(process.execPath, ["bin/campaign-archive.js", "build", "--content", writeFixture(), "--out", out, "--precompress"], {
      cwd: projectRoot,
      stdio: "pipe",
    });
    const page = path.join(out, "en", "event", "march-on-capitol", "index.html");
    expect(gunzipSync(readFileSync(`${page}.gz`)).equals(readFileSync(page))).toBe(true);
    expect(existsSync(`${page}.br`)).toBe(true);
    const css = readdirSync(path.join(out, "assets")).filter((f) => f.endsWith(".css.br"));
    expect(css).toHaveLength(1);
  });
});
