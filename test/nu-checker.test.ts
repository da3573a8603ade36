import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixtureSite } from "./helpers/build.ts";

const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

interface NuMessage {
  type: string;
  subType?: string;
  message: string;
  url: string;
}

/**
 * The W3C's Nu HTML Checker (the npm package vnu-jar; needs Java) on every HTML file of a folder.
 * Its CSP notes are left out: checking files, it cannot match 'self' to a file: address, and it
 * counts the JSON-LD data block as an inline script, which browsers do not run.
 */
function nuMessages(dir: string): NuMessage[] {
  // vnu writes its JSON report to stderr, and exits non-zero when it finds an error.
  const run = spawnSync("java", ["-jar", vnuJar, "--format", "json", "--skip-non-html", dir], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const output = run.stderr;
  return ((JSON.parse(output) as { messages: NuMessage[] }).messages ?? []).filter((m) => !m.message.includes("Content Security Policy"));
}

describe("the real archive in the Nu HTML Checker", () => {
  let messages: NuMessage[];
  beforeAll(async () => {
    const site = await buildFixtureSite(path.resolve("content"), { search: false });
    messages = nuMessages(site).map((m) => ({ ...m, url: m.url.replace(/^.*\/site\//, "") }));
  }, 300_000);

  it("finds no error and no warning on any page", () => {
    expect(messages.map((m) => `${m.url}: ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message}`)).toEqual([]);
  });
});
