import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/bench/rebuild-timing.ts";
import { projectRoot, writeFixture } from "../helpers/fixture.ts";

/** Polls until `check` returns a value, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("campaign-archive dev", () => {
  const content = writeFixture();
  const out = path.join(mkdtempSync(path.join(tmpdir(), "dev-")), "_dev");
  let dev: ChildProcess;
  let log = "";
  let base = "";
  const page = async (p: string) => {
    const response = await fetch(`${base}${p}`);
    return response.ok ? response.text() : undefined;
  };
  const writtenAt = (p: string) => statSync(path.join(out, p)).mtimeMs;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      [path.join(projectRoot, "bin", "campaign-archive.js"), "dev", "--content", content, "--out", out, "--port", String(port)],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    dev.stdout?.on("data", (chunk: Buffer) => void (log += chunk.toString()));
    dev.stderr?.on("data", (chunk: Buffer) => void (log += chunk.toString()));
    await eventually(async () => (log.includes("Serving the draft archive") ? true : undefined), 90_000, `dev to serve:\n${log}`);
    await eventually(() => page("/en/event/march-on-capitol/"), 30_000, "the first page");
  }, 120_000);

  afterAll(() => {
    dev?.kill("SIGINT");
  });

  it("renders the first site in a process of its own: the watching process's first run writes no page", () => {
    const startUp = log.slice(0, log.indexOf("Watching"));
    const written = [...startUp.matchAll(/Wrote (\d+) files?/g)].map((m) => Number(m[1]));
    expect(written).toHaveLength(2);
    const [render, watching] = written as [number, number];
    // Every page of the site (the published files beside them are not Eleventy's to count).
    const pages = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith(".html"));
    expect(pages.length).toBeGreaterThan(30);
    expect(render).toBeGreaterThanOrEqual(pages.length);
    // The stylesheet and the search script, under their content-hashed names.
    expect(watching).toBeLessThanOrEqual(2);
  });

  it("serves the whole archive, then rewrites on a save only the pages the saved item can alter", async () => {
    expect(await page("/en/event/march-on-capitol/")).toContain("<h1>");
    const unrelated = ["en/page/about/index.html", "en/event/undated-fast/index.html"];
    const before = unrelated.map(writtenAt);
    // The saved item's citation files are written beside its page, outside Eleventy.
    const citations = ["en/event/march-on-capitol/cite.bib", "en/event/march-on-capitol/cite.json"];
    const citedBefore = citations.map(writtenAt);
    // Past the watcher's start-up and the file-system clock's granularity.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    appendFileSync(path.join(content, "en", "events", "march-on-capitol.md"), "\nA sentence added in the editor.\n");
    const rebuilt = await eventually(
      async () => ((await page("/en/event/march-on-capitol/"))?.includes("A sentence added in the editor.") ? true : undefined),
      60_000,
      `the rebuilt page:\n${log}`,
    );
    expect(rebuilt).toBe(true);
    expect(unrelated.map(writtenAt)).toEqual(before);
    citations.forEach((file, i) => expect(writtenAt(file), file).toBeGreaterThan(citedBefore[i] as number));
  }, 90_000);
});
