import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseItems, writeFixture } from "./helpers/fixture.ts";
import { runScript } from "./helpers/run-script.ts";

/** A fixture with two broken files: an unknown field in one, an impossible date in another. */
function brokenFixture(): string {
  const items = baseItems();
  for (const item of items) {
    if (item.lang === "en" && item.data.id === "march-on-capitol") item.data.colour = "red";
    if (item.data.id === "summer-protests") item.data.date = "2018-02-30";
  }
  return writeFixture(items);
}

describe("npm run check", () => {
  it("exits 0 and counts the items of a valid archive", async () => {
    const run = await runScript("check", ["--content", writeFixture()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is valid: 1 campaign, 3 event, 1 goal/);
  });

  it("exits 1 and prints every problem with its file and field, without building", async () => {
    const dir = brokenFixture();
    const run = await runScript("check", ["--content", dir]);
    expect(run.code).toBe(1);
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("error: "));
    expect(errors).toEqual([
      expect.stringMatching(/en\/events\/march-on-capitol\.md · colour: expected only the fields .* found an unknown field "colour"$/),
      expect.stringMatching(/en\/events\/summer-protests\.md · date: .*found "2018-02-30"$/),
      expect.stringMatching(/es\/events\/summer-protests\.md · date: .*found "2018-02-30"$/),
    ]);
    expect(run.stderr).toContain("3 problem(s)");
    expect(existsSync(path.join(dir, "_site"))).toBe(false);
  });
});

describe("npm run build with a missing interface string", () => {
  it("fails, naming the key and the language, and writes nothing", async () => {
    const dir = writeFixture();
    const stringsFile = path.join(dir, "strings", "es.yaml");
    writeFileSync(stringsFile, readFileSync(stringsFile, "utf8").replace(/^ {2}breadcrumbs: .*\n/m, ""));
    const out = path.join(mkdtempSync(path.join(tmpdir(), "missing-string-")), "site");
    const run = await runScript("build", ["--content", dir, "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/strings\/es\.yaml · site\.breadcrumbs: expected the interface string "site\.breadcrumbs" in language "es", found nothing/);
    expect(run.stderr).toContain("Nothing was built");
    expect(existsSync(out)).toBe(false);
  });
});
