import { describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.ts";
import { contentSchemaVersion, schemaVersionProblem } from "../../src/content/schema-version.ts";
import { fixtureSettings, writeFixture } from "../helpers/fixture.ts";

describe("schemaVersion in site.yaml", () => {
  it("reads content written for this package's content model, or with no version at all", () => {
    expect(loadContent(writeFixture(undefined, { settings: { ...fixtureSettings, schemaVersion: contentSchemaVersion } })).problems).toEqual([]);
    expect(loadContent(writeFixture()).problems).toEqual([]);
  });

  it("refuses content written for a newer content model and says to upgrade the package", () => {
    const { problems } = loadContent(writeFixture(undefined, { settings: { ...fixtureSettings, schemaVersion: contentSchemaVersion + 1 } }));
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/site\.yaml$/), field: "schemaVersion", found: String(contentSchemaVersion + 1), expected: expect.stringContaining("upgrade the package") }),
    ]);
  });

  it("tells the author of older content what changed in each later version", () => {
    const changes = { 2: "events' `place` became `places`, a list", 3: "sources need a `kind`" };
    expect(schemaVersionProblem(1, 3, changes)).toBe(
      "schemaVersion 3: this content was written for content model 1; update it for version 2: events' `place` became `places`, a list; version 3: sources need a `kind`, then set schemaVersion: 3",
    );
    expect(schemaVersionProblem(2, 3, changes)).not.toContain("version 2:");
    expect(schemaVersionProblem(3, 3, changes)).toBeUndefined();
  });
});
