import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildArchiveSite } from "../src/build.ts";
import { buildMarkerName } from "../src/output-guard.ts";
import { lockOutput, OutputBusyError, recoverIfIdle, recoverOutput } from "../src/output-swap.ts";
import { projectRoot, writeFixture } from "./helpers/fixture.ts";

/** Starts `npm run build` as a child process; resolves with its exit code (null when killed) and output. */
function startBuild(contentDir: string, outDir: string) {
  // Node itself, not a wrapper: a SIGKILL must reach the process that builds.
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, "bin", "campaign-archive.js"), "build", "--content", contentDir, "--out", outDir],
    { cwd: projectRoot },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on("close", (code) => resolve({ code, output })));
  return { child, done };
}

/** A site is complete when its home page, its search index and its build marker are there. */
function expectCompleteSite(outDir: string): void {
  for (const file of ["index.html", "404.html", "en/event/march-on-capitol/index.html", "pagefind/pagefind-entry.json", buildMarkerName]) {
    expect(existsSync(path.join(outDir, file)), file).toBe(true);
  }
}

const leftovers = (outDir: string) => readdirSync(path.dirname(outDir)).filter((name) => name !== path.basename(outDir));
const newOut = () => path.join(mkdtempSync(path.join(tmpdir(), "swap-")), "_site");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a build killed at any moment", () => {
  it("leaves a complete site for the next reader and build, and its stale folders are removed", async () => {
    const content = writeFixture();
    const outDir = newOut();
    expect((await startBuild(content, outDir).done).code).toBe(0);
    // Moments of a build, seen from beside its output folder.
    const parent = path.dirname(outDir);
    const moments: Record<string, () => boolean> = {
      starting: () => true,
      "holding the lock": () => existsSync(path.join(parent, "._site.lock")),
      "writing pages": () => leftovers(outDir).some((n) => n.startsWith("._site.staging-")),
      indexing: () => leftovers(outDir).some((n) => n.startsWith("._site.staging-") && existsSync(path.join(parent, n, "pagefind"))),
      swapping: () => leftovers(outDir).some((n) => /^\._site\.(previous|trash)-/.test(n)),
    };
    const hit: string[] = [];
    for (const [moment, reached] of Object.entries(moments)) {
      const build = startBuild(content, outDir);
      let finished = false;
      void build.done.then(() => (finished = true));
      while (!finished && !reached()) await sleep(2);
      if (!finished) {
        build.child.kill("SIGKILL");
        hit.push(moment);
      }
      await build.done;
      recoverIfIdle(outDir);
      expectCompleteSite(outDir);
      expect(leftovers(outDir)).toEqual([]);
    }
    // Under any load the build spends most of its time writing pages: that moment is always caught.
    expect(hit).toContain("writing pages");
    const next = await startBuild(content, outDir).done;
    expect(next.code, next.output).toBe(0);
    expectCompleteSite(outDir);
  });

  it("killed between the two renames of its swap, its previous site is put back (by npm start and by the next build)", async () => {
    const content = writeFixture();
    const outDir = newOut();
    await buildArchiveSite({ contentDir: content, outDir, afterRender: [] });
    // The state of that moment: no site, the old one beside it, and the dead build's lock.
    const dead = 2 ** 22 + 12345;
    const copy = path.join(mkdtempSync(path.join(tmpdir(), "copy-")), "_site");
    cpSync(outDir, copy, { recursive: true });
    cpSync(outDir, path.join(path.dirname(outDir), `._site.previous-${dead}`), { recursive: true });
    cpSync(outDir, path.join(path.dirname(outDir), `._site.staging-${dead}`), { recursive: true });
    writeFileSync(path.join(path.dirname(outDir), "._site.lock"), String(dead));
    rmSync(outDir, { recursive: true });

    expect(recoverIfIdle(outDir)).toBe(true);
    expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
    expect(leftovers(outDir)).toEqual([]);

    rmSync(outDir, { recursive: true });
    cpSync(copy, path.join(path.dirname(outDir), `._site.previous-${dead}`), { recursive: true });
    writeFileSync(path.join(path.dirname(outDir), "._site.lock"), String(dead));
    await buildArchiveSite({ contentDir: content, outDir, afterRender: [] });
    expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
    expect(leftovers(outDir)).toEqual([]);
  });
});

describe("two builds at once", () => {
  it("one builds, the other stops with a clear message; the site is complete and nothing is left over", async () => {
    const content = writeFixture();
    const outDir = newOut();
    const results = await Promise.all([startBuild(content, outDir).done, startBuild(content, outDir).done]);
    const codes = results.map((r) => r.code).sort();
    expect(codes[0]).toBe(0);
    for (const result of results.filter((r) => r.code !== 0)) {
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/Another build \(process \d+\) is writing .*_site now/);
      expect(result.output).not.toMatch(/ENOTEMPTY|rename/);
    }
    expectCompleteSite(outDir);
    expect(leftovers(outDir)).toEqual([]);
  });

  it("removes the staging folders older releases' killed builds left, but not a running build's", () => {
    const outDir = newOut();
    const parent = path.dirname(outDir);
    const dead = path.join(parent, `.site-staging-${2 ** 22 + 54321}-1763900000000`);
    const running = path.join(parent, `.site-staging-${process.pid}-1763900000000`);
    const unrelated = path.join(parent, ".site-staging-notes");
    for (const dir of [dead, running, unrelated]) mkdirSync(dir, { recursive: true });
    expect(recoverOutput(outDir)).toEqual({ restored: false, removed: 1 });
    expect([dead, running, unrelated].map((dir) => existsSync(dir))).toEqual([false, true, true]);
  });

  it("the lock refuses a second holder while the first runs, and takes over a dead one's", () => {
    const outDir = newOut();
    writeFileSync(path.join(path.dirname(outDir), "._site.lock"), String(process.ppid));
    expect(() => lockOutput(outDir)).toThrow(OutputBusyError);
    writeFileSync(path.join(path.dirname(outDir), "._site.lock"), String(2 ** 22 + 54321));
    const unlock = lockOutput(outDir);
    expect(readFileSync(path.join(path.dirname(outDir), "._site.lock"), "utf8")).toBe(String(process.pid));
    unlock();
    expect(leftovers(outDir)).toEqual([]);
    expect(recoverOutput(outDir)).toEqual({ restored: false, removed: 0 });
  });
});
