import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { baseItems, writeFixture, type FixtureItem } from "../helpers/fixture.ts";

function withChange(change: (items: FixtureItem[]) => void) {
  const items = baseItems();
  change(items);
  return loadContent(writeFixture(items));
}

const event = (items: FixtureItem[], lang = "en") =>
  items.find((i) => i.folder === "events" && i.lang === lang && i.data.id === "march-on-capitol") as FixtureItem;

describe("loadContent", () => {
  it("accepts a complete fixture archive", () => {
    const result = loadContent(writeFixture());
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.content?.items.event.size).toBe(3);
  });

  it("rejects an unknown field, naming file and field", () => {
    const result = withChange((items) => (event(items).data.colour = "red"));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: "colour", found: 'an unknown field "colour"' });
    expect(result.problems[0]?.file).toContain(path.join("en", "events", "march-on-capitol.md"));
  });

  it("rejects a field of the wrong type", () => {
    const result = withChange((items) => (event(items).data.campaigns = "first-campaign"));
    expect(result.problems[0]).toMatchObject({ field: "campaigns", expected: "array", found: '"first-campaign"' });
  });

  it("rejects an event whose date has month 13", () => {
    const result = withChange((items) => {
      event(items).data.date = "2013-13-01";
      event(items, "es").data.date = "2013-13-01";
    });
    expect(result.problems.map((p) => p.field)).toEqual(["date", "date"]);
    expect(result.problems[0]?.found).toBe('"2013-13-01"');
  });

  it("rejects an event without a source", () => {
    const result = withChange((items) => (event(items).data.sources = []));
    expect(result.problems[0]).toMatchObject({ field: "sources", expected: expect.stringContaining("at least one source") });
  });

  it("rejects a reference to an id that does not exist", () => {
    const result = withChange((items) => {
      event(items).data.campaigns = ["no-such-campaign"];
      event(items, "es").data.campaigns = ["no-such-campaign"];
    });
    expect(result.problems.map((p) => p.field)).toEqual(["campaigns[0]", "campaigns[0]"]);
    expect(result.problems[0]?.found).toContain("does not exist");
  });

  it("rejects a topic missing from the vocabulary", () => {
    const result = withChange((items) => {
      event(items).data.topics = ["weather"];
      event(items, "es").data.topics = ["weather"];
    });
    expect(result.problems[0]).toMatchObject({ field: "topics[0]", found: '"weather"' });
  });

  it("rejects a duplicate id (a second file claiming the same id)", () => {
    const result = withChange((items) => items.push({ ...event(items), fileName: "copy.md" }));
    expect(result.problems[0]).toMatchObject({ field: "id", expected: "the file to be named march-on-capitol.md" });
  });

  it("rejects a translation whose id has no original", () => {
    const result = withChange((items) => items.push({ lang: "es", folder: "pages", data: { id: "orphan", title: "Huérfana", summary: "Sin original." }, body: "Texto." }));
    expect(result.problems[0]).toMatchObject({ field: "id", found: "no such item" });
    expect(result.problems[0]?.file).toContain(path.join("es", "pages", "orphan.md"));
  });

  it("rejects twins that disagree on a fact", () => {
    const result = withChange((items) => (event(items, "es").data.date = "2013-09-13"));
    expect(result.problems[0]).toMatchObject({ field: "date", found: '"2013-09-13"' });
    expect(result.problems[0]?.expected).toContain("2013-09-12");
  });

  it("reports every problem at once", () => {
    const result = withChange((items) => {
      event(items).data.colour = "red";
      event(items, "es").data.date = "yesterday";
      items.push({ lang: "en", folder: "goals", data: { id: "bad-goal", title: "Bad" }, body: "" });
    });
    expect(result.problems.length).toBeGreaterThanOrEqual(5);
    expect(new Set(result.problems.map((p) => p.file)).size).toBe(3);
    expect(result.content).toBeUndefined();
  });

  it("reports malformed YAML with the file", () => {
    const dir = writeFixture();
    const file = path.join(dir, "en", "pages", "broken.md");
    writeFileSync(file, "---\ntitle: [unclosed\n---\nBody\n");
    const result = loadContent(dir);
    expect(result.problems[0]).toMatchObject({ expected: "YAML front matter between --- lines" });
    expect(result.problems[0]?.file).toContain("broken.md");
  });

  it("warns, without failing, when a translation is missing", () => {
    const result = withChange((items) => items.splice(items.indexOf(event(items, "es")), 1));
    expect(result.problems).toEqual([]);
    expect(result.warnings[0]).toMatchObject({ field: "id", expected: 'a translation in "es"' });
  });

  it("names the key and language of a missing interface string", () => {
    const dir = writeFixture();
    const file = path.join(dir, "strings", "es.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}skip: .*$/m, ""));
    const result = loadContent(dir);
    expect(result.problems).toEqual([expect.objectContaining({ field: "site.skip", expected: 'the interface string "site.skip" in language "es"' })]);
  });
});

describe("placeholder text", () => {
  it("rejects a published item that still carries the placeholder `npm run new` wrote", () => {
    const result = withChange((items) => (event(items).data.summary = "(to write: one sentence)"));
    expect(result.problems).toEqual([expect.objectContaining({ field: "summary", found: '"(to write: one sentence)"' })]);
  });

  it("accepts the placeholder in a draft", () => {
    const result = withChange((items) => {
      const draft = { ...event(items), data: { ...event(items).data, id: "new-draft", draft: true, summary: "(to write: one sentence)" }, body: "(to write: what happened)" };
      items.push(draft);
    });
    expect(result.problems).toEqual([]);
  });
});
