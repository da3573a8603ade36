import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { newItemFiles, type NewItemRequest } from "../../src/authoring/new-item.ts";
import { formatProblem } from "../../src/content/errors.ts";
import { loadContent } from "../../src/content/load.ts";
import { builtinTypes, type BuiltinTypeName, type ContentTypeDescriptor } from "../../src/content-types/index.ts";
import { settingsSchema } from "../../src/content/settings.ts";
import { readFrontMatter } from "../../src/content/yaml.ts";
import { buildFixtureSite } from "../helpers/build.ts";
import { fixtureSettings, projectRoot, writeFixture } from "../helpers/fixture.ts";

const settings = settingsSchema.parse(fixtureSettings);
const never = () => false;

/** A request of every type with the flags it needs, pointing at the fixture's items. */
const requests: Record<BuiltinTypeName, NewItemRequest> = {
  campaign: { type: "campaign", name: "Second Campaign", shortName: "SC", date: "2019" },
  event: { type: "event", title: "A vigil", date: "2014-03-02", campaigns: ["first-campaign"] },
  goal: { type: "goal", title: "Due process", campaigns: ["first-campaign"], themes: ["citizenship"], kind: "policy-call" },
  organization: { type: "organization", name: "Alliance Two", campaigns: ["first-campaign"], sources: ["doc-one"] },
  person: { type: "person", name: "Bea Speaker" },
  source: { type: "source", title: "A report", kind: "report", seed: "001_test.txt" },
  page: { type: "page", title: "Data", id: "data" },
};

const typeOf = (request: NewItemRequest) => builtinTypes.find((t) => t.name === request.type) as ContentTypeDescriptor;

function writeFiles(dir: string, request: NewItemRequest): string[] {
  const result = newItemFiles(typeOf(request), request, settings, (file) => existsSync(path.join(dir, file)));
  expect(result.problems).toEqual([]);
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.text);
  }
  return result.files.map((f) => f.path);
}

describe("newItemFiles", () => {
  it("writes a draft of every type in every configured language, and the archive still validates", () => {
    const dir = writeFixture();
    for (const { name } of builtinTypes) {
      const type = name as BuiltinTypeName;
      const written = writeFiles(dir, requests[type]);
      expect(written.map((f) => f.split(path.sep)[0])).toEqual(["en", "es"]);
      for (const file of written) expect(readFrontMatter(readFileSync(path.join(dir, file), "utf8")).data.draft).toBe(true);
    }
    const loaded = loadContent(dir);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.content?.items.event.get("a-vigil")?.get("es")?.data).toMatchObject({
      title: "A vigil",
      date: "2014-03-02",
      draft: true,
    });
  });

  it("makes the id from the title", () => {
    const result = newItemFiles(
      typeOf({ ...requests.event, title: "Women's Fast: 22 días" }),
      { ...requests.event, title: "Women's Fast: 22 días" },
      settings,
      never,
    );
    expect(result.files.map((f) => f.path)).toEqual([
      path.join("en", "events", "womens-fast-22-dias.md"),
      path.join("es", "events", "womens-fast-22-dias.md"),
    ]);
  });

  it("refuses an id that is already taken", () => {
    const result = newItemFiles(
      typeOf({ ...requests.event, id: "march-on-capitol" }),
      { ...requests.event, id: "march-on-capitol" },
      settings,
      (file) => file.startsWith("en"),
    );
    expect(result.files).toEqual([]);
    expect(result.problems).toEqual([`${path.join("en", "events", "march-on-capitol.md")} already exists: choose another --id`]);
  });

  it("names every missing flag and refuses a date that is not one", () => {
    expect(newItemFiles(typeOf({ type: "goal" }), { type: "goal" }, settings, never).problems).toEqual([
      "a goal needs --title",
      "a goal needs --campaign",
      "a goal needs --theme",
    ]);
    expect(
      newItemFiles(typeOf({ ...requests.event, date: "2014-02-30" }), { ...requests.event, date: "2014-02-30" }, settings, never)
        .problems[0],
    ).toMatch(/^--date: expected .*found "2014-02-30"$/);
  });

  it("refuses a value the content model rejects", () => {
    const result = newItemFiles(typeOf({ ...requests.source, kind: "tweet" }), { ...requests.source, kind: "tweet" }, settings, never);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain("kind");
  });
});

describe("npm run new", () => {
  let dir: string;
  let stdout: string;
  let site: string;
  beforeAll(async () => {
    dir = writeFixture();
    const run = await promisify(execFile)(
      process.execPath,
      [
        "bin/campaign-archive.js",
        "new",
        "event",
        "--content",
        dir,
        "--campaign",
        "first-campaign",
        "--date",
        "2014-03",
        "--title",
        "A draft vigil",
      ],
      { cwd: projectRoot },
    );
    stdout = run.stdout;
    site = await buildFixtureSite(dir, { search: false });
  });

  it("prints the files it wrote", () => {
    for (const lang of ["en", "es"]) expect(stdout).toContain(`wrote ${path.join(dir, lang, "events", "a-draft-vigil.md")}`);
  });

  it("keeps the draft out of the built site", () => {
    expect(existsSync(path.join(site, "en", "event", "march-on-capitol", "index.html"))).toBe(true);
    for (const lang of ["en", "es"]) {
      expect(existsSync(path.join(site, lang, "event", "a-draft-vigil"))).toBe(false);
      expect(readFileSync(path.join(site, lang, "timeline", "index.html"), "utf8")).not.toContain("a-draft-vigil");
    }
  });
});
