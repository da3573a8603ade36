import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.ts";
import { starterFiles } from "../../src/starter/starter-files.ts";
import { projectRoot } from "../helpers/fixture.ts";
import { runScript } from "../helpers/run-script.ts";

describe("campaign-archive init", () => {
  it("writes an archive that passes check, quotes included, in every language asked for", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "archive-init-"));
    const run = await runScript("init", [
      dir,
      "--name",
      "Domestic Workers' Campaigns",
      "--languages",
      "es,en,ar",
      "--base-url",
      "https://dw.example.net",
    ]);
    expect(run.code).toBe(0);
    const settings = yaml.load(readFileSync(path.join(dir, "content", "site.yaml"), "utf8")) as Record<string, unknown>;
    expect(settings).toMatchObject({
      defaultLanguage: "es",
      baseUrl: "https://dw.example.net",
      name: { es: "Domestic Workers' Campaigns" },
    });
    expect(settings.languages).toContainEqual(expect.objectContaining({ code: "ar", dir: "rtl" }));
    const result = check({ contentDir: path.join(dir, "content"), seedsDir: path.join(dir, "documents") });
    expect(result.problems).toEqual([]);
    expect(result.quotesVerified).toBe(4);
    expect(result.counts).toEqual({ campaign: 1, event: 1, goal: 1, organization: 1, person: 1, source: 1, page: 1 });
  });

  it("never overwrites a file that exists, and says which it kept", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "archive-init-"));
    mkdirSync(path.join(dir, "content"));
    writeFileSync(path.join(dir, "README.md"), "our own readme\n");
    writeFileSync(path.join(dir, "content", "site.yaml"), "our: settings\n");
    const run = await runScript("init", [dir]);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toBe("our own readme\n");
    expect(readFileSync(path.join(dir, "content", "site.yaml"), "utf8")).toBe("our: settings\n");
    expect(run.stdout).toContain(`kept ${path.join(dir, "README.md")} (it exists)`);
    expect(run.stdout).toContain(`wrote ${path.join(dir, "content", "en", "events", "example-event.md")}`);
  });

  it("exits 2 on a language code that is not one", async () => {
    const run = await runScript("init", [mkdtempSync(path.join(tmpdir(), "archive-init-")), "--languages", "English"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"English" is not a language code');
  });

  it("marks every example item as an example", () => {
    const files = starterFiles({
      name: "A",
      languages: ["en"],
      baseUrl: "https://a.example",
      today: "2027-01-01",
      stringsDir: path.join(projectRoot, "content", "strings"),
    });
    const examples = files.filter((file) => /\/example-[^/]+\.md$/.test(file.path));
    expect(examples).toHaveLength(6);
    for (const file of examples) expect(file.text).toContain("# An example: replace it with your own");
  });
});
