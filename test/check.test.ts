import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseItems, writeFixture, writeFixtureSeeds } from "./helpers/fixture.ts";
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
    const run = await runScript("check", ["--content", writeFixture(), "--seeds", writeFixtureSeeds()]);
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

describe("npm run check and the source documents", () => {
  it("checks every quote against the documents in --seeds and names a quote that is not there", async () => {
    const items = baseItems();
    for (const item of items) {
      if (item.data.id === "fc-citizenship") (item.data.evidence as Array<{ quote: string }>)[0]!.quote = "We call for citizenship.";
    }
    const seeds = writeFixtureSeeds();
    const good = await runScript("check", ["--content", writeFixture(), "--seeds", seeds]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`6 quote(s) found in the documents in ${seeds}`);
    const bad = await runScript("check", ["--content", writeFixture(items), "--seeds", seeds]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /en\/goals\/fc-citizenship\.md · evidence\[0\]\.quote: expected words found in 000_test\.txt \(source "doc-one"\), found "We call for citizenship\."/,
    );
  });

  it("says so when the documents are absent, and still validates the rest", async () => {
    const run = await runScript("check", ["--content", writeFixture(), "--seeds", path.join(tmpdir(), "no-such-seeds")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/quotes NOT checked: no source documents at .*no-such-seeds/);
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
    expect(run.stderr).toMatch(
      /strings\/es\.yaml · site\.breadcrumbs: expected the interface string "site\.breadcrumbs" in language "es", found nothing/,
    );
    expect(run.stderr).toContain("Nothing was built");
    expect(existsSync(out)).toBe(false);
  });
});
