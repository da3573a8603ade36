import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { buildArchiveSite } from "../../src/build.ts";
import { ContentError, summariseWarnings } from "../../src/content/errors.ts";
import { loadContent } from "../../src/content/load.ts";
import { explainBuildError } from "../../src/output-guard.ts";
import { pagefindBinary } from "../../src/search-index.ts";
import { baseItems, fixtureSettings, writeFixture, writeFixtureSeeds, type FixtureItem } from "../helpers/fixture.ts";
import { runScript } from "../helpers/run-script.ts";

const both = (items: FixtureItem[], id: string, change: (data: Record<string, unknown>) => void) => {
  for (const item of items) if (item.data.id === id) change(item.data);
  return items;
};
const problemsOf = (dir: string) => loadContent(dir).problems;
describe("ids that are Object's own properties", () => {
  it("'constructor' as a topic, a theme or a kind is an unknown id, named by file and field", () => {
    const items = baseItems();
    both(items, "march-on-capitol", (d) => (d.topics = ["constructor"]));
    both(items, "fc-citizenship", (d) => (d.themes = ["constructor"]));
    both(items, "alliance-one", (d) => (d.kind = "constructor"));
    const problems = problemsOf(writeFixture(items));
    expect(problems.map((p) => `${path.basename(p.file)} ${p.field} ${p.found}`).sort()).toEqual(
      [
        'alliance-one.md kind "constructor"',
        'alliance-one.md kind "constructor"',
        'fc-citizenship.md themes[0] "constructor"',
        'fc-citizenship.md themes[0] "constructor"',
        'march-on-capitol.md topics[0] "constructor"',
        'march-on-capitol.md topics[0] "constructor"',
      ].sort(),
    );
  });
});

describe("dates", () => {
  it("rejects an endDate before the date", () => {
    const items = both(baseItems(), "march-on-capitol", (d) => {
      d.date = "2011-05-01";
      d.endDate = "2010-01-01";
    });
    const problems = problemsOf(writeFixture(items));
    expect(problems).toEqual([
      expect.objectContaining({ field: "endDate", expected: "a date on or after the start date (2011-05-01)", found: '"2010-01-01"' }),
      expect.objectContaining({ field: "endDate" }),
    ]);
  });

  it("accepts an end date that only shares the start's month or year", () => {
    const items = both(baseItems(), "march-on-capitol", (d) => {
      d.date = "2011-05-20";
      d.endDate = "2011-05";
    });
    expect(problemsOf(writeFixture(items))).toEqual([]);
  });

  it('rejects year 0 ("0000"), which would show as the year 1', () => {
    const problems = problemsOf(writeFixture(both(baseItems(), "march-on-capitol", (d) => (d.date = "0000"))));
    expect(problems[0]).toMatchObject({ field: "date", expected: "a year from 0001 on", found: '"0000"' });
  });
});

describe("interface strings", () => {
  it("a string missing from the default language is an error naming its file and key", () => {
    const dir = writeFixture();
    const file = path.join(dir, "strings", "en.yaml");
    const strings = yaml.load(readFileSync(file, "utf8")) as Record<string, Record<string, string>>;
    const [group, keys] = Object.entries(strings).find(([, v]) => typeof v === "object") as [string, Record<string, string>];
    const key = Object.keys(keys)[0] as string;
    delete keys[key];
    writeFileSync(file, yaml.dump(strings));
    expect(problemsOf(dir)).toEqual([
      { file: expect.stringMatching(/strings\/en\.yaml$/), field: `${group}.${key}`, expected: `the interface string "${group}.${key}" in language "en"`, found: "nothing" },
    ]);
  });
});

describe("interface strings the layouts use", () => {
  it("a string missing from every language is an error in each, naming its key", () => {
    const dir = writeFixture();
    for (const lang of ["en", "es"]) {
      const file = path.join(dir, "strings", `${lang}.yaml`);
      const strings = yaml.load(readFileSync(file, "utf8")) as Record<string, Record<string, string>>;
      delete strings.search?.refine;
      writeFileSync(file, yaml.dump(strings));
    }
    expect(problemsOf(dir)).toEqual(
      ["en", "es"].map((lang) => ({
        file: expect.stringMatching(new RegExp(`strings/${lang}\\.yaml$`)),
        field: "search.refine",
        expected: `the interface string "search.refine" in language "${lang}"`,
        found: "nothing",
      })),
    );
  });
});

describe("files that are not what they seem", () => {
  const withFile = (name: string, contents: string | Buffer) => {
    const dir = writeFixture();
    writeFileSync(path.join(dir, "en", "events", name), contents);
    return dir;
  };

  it("a YAML alias bomb is stopped quickly, naming the file", () => {
    const levels = ["a: &a [x,x,x,x,x,x,x,x,x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const source = `---\nid: bomb\n${levels.join("\n")}\n---\nBody.\n`;
    expect(source.length).toBeLessThan(700);
    const started = performance.now();
    const problems = problemsOf(withFile("bomb.md", source));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/bomb\.md$/), found: expect.stringContaining("aliases") })]);
  });

  it("an empty file, a binary file and one without front matter each get one clear problem", () => {
    const dir = writeFixture();
    writeFileSync(path.join(dir, "en", "events", "empty.md"), "");
    writeFileSync(path.join(dir, "en", "events", "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe]));
    writeFileSync(path.join(dir, "en", "events", "plain.md"), "Just text.\n");
    const problems = problemsOf(dir);
    expect(problems.map((p) => [path.basename(p.file), p.found])).toEqual([
      ["binary.md", "binary data, not UTF-8 text"],
      ["empty.md", "an empty file"],
      ["plain.md", "no front matter (the file must begin with a --- line)"],
    ]);
  });

  it("a missing date says what a date looks like, not 'Invalid input'", () => {
    const problems = problemsOf(writeFixture(both(baseItems(), "march-on-capitol", (d) => delete d.date)));
    expect(problems[0]).toMatchObject({ field: "date", expected: 'a date written "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated" (required)', found: "nothing" });
  });

  it("a link to a file outside the content folder is refused", () => {
    const outside = path.join(mkdtempSync(path.join(tmpdir(), "outside-")), "secret.md");
    writeFileSync(outside, "---\nid: secret\n---\nsecret\n");
    const dir = writeFixture();
    symlinkSync(outside, path.join(dir, "en", "events", "secret.md"));
    expect(problemsOf(dir)).toEqual([
      { file: expect.stringMatching(/en\/events\/secret\.md$/), field: "", expected: "a file inside the content folder", found: `a link to ${outside}` },
    ]);
  });

  it("a content type's folder that links out of the content folder is refused, file by file", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "secret.md"), "---\nid: secret\n---\nsecret\n");
    const dir = writeFixture();
    rmSync(path.join(dir, "es", "pages"), { recursive: true });
    symlinkSync(outside, path.join(dir, "es", "pages"));
    expect(problemsOf(dir)).toEqual([
      {
        file: expect.stringMatching(/es\/pages\/secret\.md$/),
        field: "",
        expected: "a file inside the content folder",
        found: `a link to ${path.join(outside, "secret.md")}`,
      },
    ]);
  });

  it("a file with an upper-case extension is reported, not skipped", () => {
    const dir = withFile("Item.MD", "---\nid: item\n---\n");
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ file: expect.stringMatching(/Item\.MD$/), found: '"Item.MD"' })]);
  });

  it("ids Windows reserves are rejected", () => {
    for (const id of ["con", "aux", "nul", "prn", "com1", "lpt9"]) {
      const items = baseItems().map((item) => (item.data.id === "ana-chair" ? { ...item, data: { ...item.data, id } } : item));
      const problems = problemsOf(writeFixture(items));
      expect(problems.some((p) => p.field === "id" && p.expected.includes("Windows")), id).toBe(true);
    }
  });
});

describe("settings", () => {
  it("a locale Intl does not know is an error naming the language", () => {
    for (const locale of ["en_US", "zz"]) {
      const settings = { ...fixtureSettings, languages: [fixtureSettings.languages[0], { ...fixtureSettings.languages[1], locale }] };
      const problems = problemsOf(writeFixture(baseItems(), { settings }));
      expect(problems, locale).toEqual([expect.objectContaining({ field: "languages.1.locale", expected: expect.stringContaining("locale"), found: JSON.stringify(locale) })]);
    }
  });
});

describe("messages for the machine's problems", () => {
  it("a full disk and a read-only output folder are said in words", () => {
    const fail = (code: string) => Object.assign(new Error(`${code}: raw`), { code, path: "/srv/_site" });
    expect(explainBuildError(fail("ENOSPC"), "_site")).toMatch(/^The disk is full/);
    expect(explainBuildError(fail("EROFS"), "_site")).toMatch(/read-only/);
    expect(explainBuildError(fail("EACCES"), "_site")).toMatch(/read-only or belongs to someone else/);
    expect(explainBuildError(new Error("other"), "_site")).toBe("other");
  });

  it("a missing Pagefind program says how to install it", () => {
    const saved = process.env.PAGEFIND_BINARY_PATH;
    process.env.PAGEFIND_BINARY_PATH = "/nonexistent/pagefind";
    try {
      expect(() => pagefindBinary()).toThrow(/Pagefind's program is not at \/nonexistent\/pagefind/);
    } finally {
      if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
      else process.env.PAGEFIND_BINARY_PATH = saved;
    }
    expect(pagefindBinary()).toMatch(/pagefind(_extended)?(\.exe)?$/);
  });
});

describe("many warnings", () => {
  it("10,000 untranslated labels are summarised in a few lines", async () => {
    const dir = writeFixture();
    const en = yaml.load(readFileSync(path.join(dir, "en", "vocabulary.yaml"), "utf8")) as Record<string, Record<string, string>>;
    for (let i = 0; i < 10_000; i++) (en.places as Record<string, string>)[`place-${i}`] = `Place ${i}`;
    writeFileSync(path.join(dir, "en", "vocabulary.yaml"), yaml.dump(en));
    const { warnings } = loadContent(dir);
    expect(warnings.length).toBeGreaterThanOrEqual(10_000);
    const lines = summariseWarnings(warnings);
    expect(lines.length).toBeLessThan(20);
    expect(lines.join("\n")).toMatch(/es\/vocabulary\.yaml: 9,?99\d more like these/);
    const run = await runScript("check", ["--content", dir, "--seeds", writeFixtureSeeds()]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("warning:")).length).toBeLessThan(20);
  });
});

describe("the build refuses what the loader refuses", () => {
  it("throws a ContentError for a constructor topic instead of dying in a template filter", async () => {
    const items = both(baseItems(), "march-on-capitol", (d) => (d.topics = ["constructor"]));
    const outDir = path.join(mkdtempSync(path.join(tmpdir(), "site-")), "_site");
    mkdirSync(path.dirname(outDir), { recursive: true });
    await expect(buildArchiveSite({ contentDir: writeFixture(items), outDir, afterRender: [] })).rejects.toBeInstanceOf(ContentError);
  });
});
