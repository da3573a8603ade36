import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { countsFor, generateArchive, type GeneratedCounts } from "../../src/bench/generate-archive.ts";
import { loadContent, type LoadResult } from "../../src/content/load.ts";

const templateDir = path.resolve(import.meta.dirname, "../../content");

describe("generateArchive", () => {
  let dir: string;
  let counts: GeneratedCounts;
  let loaded: LoadResult;
  beforeAll(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), "bench-archive-")), "content");
    counts = generateArchive(dir, { events: 60, seed: 7, templateDir });
    loaded = loadContent(dir);
  });

  it("writes content that passes validation with no problems and no warnings", () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.content).toBeDefined();
  });

  it("writes the requested number of events, and every other type, in both languages", () => {
    const items = loaded.content?.items;
    expect(counts.events).toBe(60);
    for (const [type, count] of [
      ["event", counts.events],
      ["campaign", counts.campaigns],
      ["goal", counts.goals],
      ["organization", counts.organizations],
      ["person", counts.people],
      ["source", counts.sources],
      ["page", counts.pages],
    ] as const) {
      expect(items?.[type].size, type).toBe(count);
      for (const twins of items?.[type].values() ?? []) expect([...twins.keys()].sort()).toEqual(["en", "es"]);
    }
  });

  it("gives events dates, sources and campaigns, and organizations roles", () => {
    const events = [...(loaded.content?.items.event.values() ?? [])].map((twins) => twins.get("en")?.data);
    expect(
      events.every((e) => typeof e?.date === "string" && (e.sources as string[]).length > 0 && (e.campaigns as string[]).length > 0),
    ).toBe(true);
    expect(new Set(events.map((e) => String(e?.date).length)).size).toBeGreaterThan(2);
    const organizations = [...(loaded.content?.items.organization.values() ?? [])].map((twins) => twins.get("en")?.data);
    expect(organizations.every((o) => (o?.roles as unknown[]).length > 0)).toBe(true);
  });

  it("writes the same archive for the same seed", () => {
    const again = path.join(mkdtempSync(path.join(tmpdir(), "bench-archive-")), "content");
    generateArchive(again, { events: 60, seed: 7, templateDir });
    const file = path.join("es", "events", "event-42.md");
    expect(readFileSync(path.join(again, file), "utf8")).toBe(readFileSync(path.join(dir, file), "utf8"));
  });

  it("scales every type linearly with the number of events", () => {
    const small = countsFor(1_000);
    const large = countsFor(10_000);
    expect(large.organizations / small.organizations).toBe(10);
    expect(large.sources / small.sources).toBe(10);
    expect(large.campaigns / small.campaigns).toBe(10);
  });
});
