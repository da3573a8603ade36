import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { buildArchiveSite } from "../../src/build.ts";
import { ContentError, type ContentProblem } from "../../src/content/errors.ts";
import { loadContent } from "../../src/content/load.ts";
import { inspectSite } from "../../src/site.ts";
import { baseItems, writeFixture } from "../helpers/fixture.ts";

// Property-based tests: fast-check feeds the loader front matter no one would write by hand.

const eventFile = (dir: string) => path.join(dir, "en", "events", "march-on-capitol.md");
const validEvent = () => baseItems().find((i) => i.lang === "en" && i.data.id === "march-on-capitol")?.data as Record<string, unknown>;
const fieldNames = Object.keys(validEvent()).concat(["endDate", "season", "approximate", "aliases", "draft", "note", "__proto__", "constructor"]);

/** Problems say where they are: a file always, a field unless the whole file is unreadable. */
function expectPlaced(problems: ContentProblem[]): void {
  for (const p of problems) {
    expect(p.file, JSON.stringify(p)).toMatch(/\S/);
    expect(p.expected, JSON.stringify(p)).toMatch(/\S/);
    expect(p.found, JSON.stringify(p)).toMatch(/\S/);
    if (p.field === "") expect(p.expected, JSON.stringify(p)).toMatch(/file|YAML|front matter|this file/);
  }
}

/** YAML values of every shape, including ones that look like dates, ids and paths. */
const yamlValue = fc.oneof(
  fc.constantFrom("2013-09-12", "0000", "undated", "2013-02-30", "../x", "/", "constructor", "", " ", "(to write: x)", "javascript:alert(1)"),
  fc.jsonValue({ maxDepth: 3 }),
);

describe("the loader on random front matter", () => {
  const dir = writeFixture();

  it("never throws on random front matter, and places every problem", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string()), yamlValue, { maxKeys: 12 }), fc.string(), (data, body) => {
        writeFileSync(eventFile(dir), `---\n${yaml.dump(data, { skipInvalid: true })}---\n${body}\n`);
        const result = loadContent(dir);
        expectPlaced(result.problems);
        expect(result.content === undefined).toBe(result.problems.length > 0);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on a valid file with one field changed, removed or added, and names that field", () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), field: fc.constantFrom(...fieldNames), value: yamlValue }),
      fc.record({ kind: fc.constant("delete" as const), field: fc.constantFrom(...Object.keys(validEvent())) }),
    );
    fc.assert(
      fc.property(mutation, (m) => {
        const data = { ...validEvent() };
        if (m.kind === "set") Object.defineProperty(data, m.field, { value: m.value, enumerable: true, configurable: true, writable: true });
        else delete data[m.field];
        writeFileSync(eventFile(dir), `---\n${yaml.dump(data, { skipInvalid: true })}---\nBody.\n`);
        const { problems } = loadContent(dir);
        expectPlaced(problems);
        const own = problems.filter((p) => p.file.endsWith(path.join("en", "events", "march-on-capitol.md")));
        // A problem in the changed file names the changed field (or a part of it); one in another file points back at it.
        for (const p of own) expect([m.field, "id", ""].some((f) => p.field === f || p.field.startsWith(`${m.field}.`) || p.field.startsWith(`${m.field}[`)), JSON.stringify([m, p])).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on random bytes or text in place of a file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)), fc.string().map((s) => `---\n${s}\n---\n`)), (contents) => {
        writeFileSync(eventFile(dir), contents);
        expectPlaced(loadContent(dir).problems);
      }),
      { numRuns: 150 },
    );
  });
});

describe("aliases from random paths", () => {
  /** Paths made of segments that try every way out: "..", ".", "", backslashes, encoded dots. */
  const aliasPath = fc
    .array(fc.constantFrom("..", ".", "", "en", "x", "%2e%2e", "..\\..", "a.b", "_site", "~"), { minLength: 0, maxLength: 6 })
    .map((segments) => `/${segments.map((s) => `${s}/`).join("")}`);

  it("a build never writes outside its output folder, whatever the aliases say", async () => {
    const sandbox = mkdtempSync(path.join(tmpdir(), "alias-sandbox-"));
    // Deep enough that up to five ".." from the output stay inside the sandbox, where we can look.
    const outDir = path.join(sandbox, "a", "b", "c", "d", "_site");
    mkdirSync(path.dirname(outDir), { recursive: true });
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(aliasPath, { minLength: 1, maxLength: 3 }), async (aliases) => {
        const items = baseItems();
        for (const item of items) if (item.lang === "en" && item.data.id === "undated-fast") item.data.aliases = aliases;
        const contentDir = writeFixture(items);
        const { site, problems } = inspectSite({ contentDir });
        expectPlaced(problems);
        if (site) {
          await buildArchiveSite({ contentDir, outDir, afterRender: [] }).catch((error: unknown) => {
            if (!(error instanceof ContentError)) throw error;
          });
          built += 1;
        }
        const around = readdirSync(sandbox, { recursive: true }).map(String).filter((f) => !f.startsWith(path.join("a", "b", "c", "d", "_site")));
        expect(around.sort(), JSON.stringify(aliases)).toEqual(["a", "a/b", "a/b/c", "a/b/c/d"].map((p) => p.split("/").join(path.sep)));
        rmSync(contentDir, { recursive: true, force: true });
      }),
      // The examples run first: valid aliases, and ones a bare path join would follow out of the folder.
      { numRuns: 25, examples: [[["/en/old-address/"]], [["/x/../../../../../escaped/"]], [["/en/event/undated-fast/"]]] },
    );
    // Some aliases were valid, so something was written: the property was not only ever vacuous.
    expect(built).toBeGreaterThan(0);
    expect(existsSync(path.join(outDir, "index.html"))).toBe(true);
  });
});
