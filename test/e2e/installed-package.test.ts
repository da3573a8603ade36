// The package as a new archive's maintainer gets it: packed, installed from the tarball into an
// empty folder (dependencies from the registry, through npm's cache), then init, check, build,
// serve, and every internal link of the served site followed.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/fixture.ts";

const run = promisify(execFile);

interface PackedFile {
  path: string;
}
interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

describe("the packed package, installed into an empty folder", () => {
  const work = mkdtempSync(path.join(tmpdir(), "archive-package-"));
  const archive = path.join(work, "my-archive");
  const cli = path.join(archive, "node_modules", ".bin", "campaign-archive");
  let packed: Packed;
  let server: ChildProcess | undefined;
  let siteUrl: string;
  const outputs: Record<string, string> = {};

  beforeAll(async () => {
    const pack = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: projectRoot });
    packed = (JSON.parse(pack.stdout) as Packed[])[0] as Packed;
    mkdirSync(archive);
    writeFileSync(path.join(archive, "package.json"), JSON.stringify({ name: "my-archive", private: true }));
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(work, packed.filename)], { cwd: archive });
    for (const [step, args] of [
      ["init", ["init", "--name", "Test Campaigns Archive", "--languages", "en,es"]],
      ["check", ["check", "--seeds", "documents"]],
      ["build", ["build"]],
    ] as const) {
      const done = await run(cli, [...args], { cwd: archive });
      outputs[step] = done.stdout;
    }
    server = spawn(cli, ["serve", "--port", "0"], { cwd: archive, stdio: ["ignore", "pipe", "inherit"] });
    siteUrl = await new Promise<string>((resolve, reject) => {
      let text = "";
      server?.stdout?.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        const url = /at (http:\/\/\S+\/) /.exec(text)?.[1];
        if (url) resolve(url);
      });
      server?.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    });
  });

  afterAll(() => {
    server?.kill();
  });

  it("ships the code, layouts and starter strings, and no tests, benchmarks or example archive", () => {
    const files = packed.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/campaign-archive.js",
        "index.js",
        "eleventy.config.ts",
        "layouts/pages.njk",
        "content/strings/en.yaml",
        "LICENSE",
        "CHANGELOG.md",
      ]),
    );
    expect(
      files.filter(
        (f) => /^(test|scripts|src\/bench|bench-results)\//.test(f) || (f.startsWith("content/") && !f.startsWith("content/strings/")),
      ),
    ).toEqual([]);
  });

  it("starts, checks and builds an archive with the installed command", () => {
    expect(outputs.init).toContain("wrote content/site.yaml");
    expect(outputs.check).toMatch(/content\/ is valid: 1 campaign, 1 event, .*4 quote\(s\) found/);
    expect(outputs.build).toMatch(/Built _site\/ in [\d.]+ s \(search index [\d.]+ s\); \d+ pages, [1-9]\d* of them in the search index/);
  });

  it("exposes check and build to plain Node through the package's exports", async () => {
    const script =
      'import { check, build, loadSite } from "campaign-archive"; console.log(JSON.stringify({ counts: check().counts, build: typeof build, loadSite: typeof loadSite }));';
    const done = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: archive });
    expect(JSON.parse(done.stdout)).toEqual({
      counts: { campaign: 1, event: 1, goal: 1, organization: 1, person: 1, source: 1, page: 1 },
      build: "function",
      loadSite: "function",
    });
  });

  it("gives TypeScript users the API's types", async () => {
    writeFileSync(
      path.join(archive, "typed.mts"),
      'import { build, check } from "campaign-archive";\nconst problems: string = check().problems.length;\nvoid build;\n',
    );
    const options = ["--module", "nodenext", "--moduleResolution", "nodenext", "--strict", "--noEmit", "--skipLibCheck", "typed.mts"];
    const typecheck = await run(path.join(projectRoot, "node_modules", ".bin", "tsc"), options, { cwd: archive }).catch(
      (error: { stdout: string }) => error,
    );
    // The one error is the deliberate one: the types are there and are the API's.
    expect(typecheck.stdout.trim()).toBe("typed.mts(2,7): error TS2322: Type 'number' is not assignable to type 'string'.");
  });

  it("serves a site whose every internal link resolves", async () => {
    const seen = new Set<string>();
    const queue = [siteUrl];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (!response.ok) {
        broken.push(`${url}: ${response.status}`);
        continue;
      }
      if (!(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      const $ = cheerio.load(await response.text());
      $("a[href], link[href], script[src], img[src]").each((_, element) => {
        const target = new URL($(element).attr("href") ?? $(element).attr("src") ?? "", url);
        target.hash = "";
        if (target.origin === new URL(siteUrl).origin) queue.push(target.href);
      });
    }
    expect(broken).toEqual([]);
    // The starter's pages in both languages: home, items, listings, search, feeds, data.
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen]).toEqual(
      expect.arrayContaining([`${siteUrl}en/campaign/example-campaign/index.html`, `${siteUrl}es/event/example-event/index.html`]),
    );
  });
});
