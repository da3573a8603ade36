import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { load, type CheerioAPI } from "cheerio";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTypes } from "../src/content-types/index.ts";
import { defaultSeedsDir, normaliseTypography, verifyQuotes } from "../src/content/evidence.ts";
import { loadContent, type LoadedContent } from "../src/content/load.ts";
import { buildFixtureSite } from "./helpers/build.ts";
import { baseItems, projectRoot, writeFixture, writeFixtureSeeds, type FixtureItem } from "./helpers/fixture.ts";

/** The base fixture with `change` applied to every file of one item (both languages). */
function fixtureWith(folder: string, id: string, change: (item: FixtureItem) => void): string {
  const items = baseItems();
  for (const item of items) if (item.folder === folder && item.data.id === id) change(item);
  return writeFixture(items);
}

function loaded(dir: string): LoadedContent {
  const result = loadContent(dir);
  expect(result.problems).toEqual([]);
  return result.content as LoadedContent;
}

describe("normaliseTypography", () => {
  it("makes curly and straight quotation marks, dashes, ellipses and spacing the same", () => {
    expect(normaliseTypography("“Mothers’ Day”  2010 — the  law…")).toBe(normaliseTypography('"Mothers\' Day" 2010-the law...'));
    expect(normaliseTypography("neighbors—no matter")).toBe(normaliseTypography("neighbors \u2013 no matter"));
  });

  it("forgives nothing else: case, spelling and words still differ", () => {
    expect(normaliseTypography("Capital Hill")).not.toBe(normaliseTypography("Capitol Hill"));
    expect(normaliseTypography("women")).not.toBe(normaliseTypography("Women"));
  });
});

describe("evidence when content loads", () => {
  it("accepts the fixture, whose Spanish twins differ from the English only in quoteTranslation", () => {
    const result = loadContent(writeFixture());
    expect(result.problems).toEqual([]);
    expect(result.warnings.filter((w) => w.field.includes("evidence"))).toEqual([]);
  });

  it("rejects a published event without evidence, naming the field", () => {
    const result = loadContent(fixtureWith("events", "march-on-capitol", (item) => delete item.data.evidence));
    expect(result.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/en\/events\/march-on-capitol\.md$/), field: "evidence", found: "nothing" }),
      expect.objectContaining({ file: expect.stringMatching(/es\/events\/march-on-capitol\.md$/), field: "evidence", found: "nothing" }),
    ]);
  });

  it("rejects an organization role without evidence, naming the role", () => {
    const result = loadContent(
      fixtureWith("organizations", "alliance-one", (item) => delete (item.data.roles as Array<Record<string, unknown>>)[0]?.evidence),
    );
    expect(result.problems.map((p) => p.field)).toEqual(["roles[0].evidence", "roles[0].evidence"]);
  });

  it("lets a draft go without evidence", () => {
    const result = loadContent(
      writeFixture([
        ...baseItems(),
        {
          lang: "en",
          folder: "goals",
          data: {
            id: "draft-goal",
            draft: true,
            campaign: "first-campaign",
            themes: ["citizenship"],
            kind: "goal",
            sources: ["doc-one"],
            title: "Draft",
            summary: "Not yet.",
          },
        },
      ]),
    );
    expect(result.problems).toEqual([]);
  });

  it("rejects a quote whose source is not among the item's sources", () => {
    const result = loadContent(
      fixtureWith("goals", "fc-citizenship", (item) => {
        (item.data.evidence as Array<Record<string, unknown>>)[0]!.source = "other-doc";
      }),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({ field: "evidence[0].source", expected: "one of its sources (doc-one)", found: '"other-doc"' }),
    );
  });

  it("rejects a quote longer than a quotation", () => {
    const long = Array.from({ length: 41 }, (_, i) => `word${i}`).join(" ");
    const result = loadContent(
      fixtureWith("goals", "fc-citizenship", (item) => {
        (item.data.evidence as Array<Record<string, unknown>>)[0]!.quote = long;
      }),
    );
    expect(result.problems.map((p) => `${p.field}: ${p.found}`)).toEqual(["evidence[0].quote: 41 words", "evidence[0].quote: 41 words"]);
  });

  it("rejects a translation in the default language and warns when a translation lacks one", () => {
    const items = baseItems();
    for (const item of items) {
      if (item.data.id !== "fc-citizenship") continue;
      const [entry] = item.data.evidence as Array<Record<string, unknown>>;
      if (item.lang === "en") entry!.quoteTranslation = "A translation.";
      else delete entry!.quoteTranslation;
    }
    const result = loadContent(writeFixture(items));
    expect(result.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/en\/goals\/fc-citizenship\.md$/), field: "evidence[0].quoteTranslation" }),
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ file: expect.stringMatching(/es\/goals\/fc-citizenship\.md$/), field: "evidence[0].quoteTranslation" }),
    );
  });

  it("rejects a translation whose quote differs from the original's", () => {
    const result = loadContent(
      fixtureWith("goals", "fc-citizenship", (item) => {
        if (item.lang === "es") (item.data.evidence as Array<Record<string, unknown>>)[0]!.quote = "Pedimos un camino a la ciudadanía.";
      }),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/es\/goals\/fc-citizenship\.md$/), field: "evidence" }),
    ]);
  });
});

describe("verifyQuotes", () => {
  it("finds every fixture quote in the fixture's document", () => {
    const content = loaded(writeFixture());
    const check = verifyQuotes(content.items, builtinTypes, "en", writeFixtureSeeds());
    expect(check.problems).toEqual([]);
    // campaign, three events, goal, one role
    expect(check.verified).toBe(6);
  });

  it("fails on a quote that is not in its document, naming the file, the field and the quote", () => {
    const dir = fixtureWith("organizations", "alliance-one", (item) => {
      (item.data.roles as Array<{ evidence: Array<Record<string, unknown>> }>)[0]!.evidence[0]!.quote = "The campaign began in June 2010.";
    });
    const check = verifyQuotes(loaded(dir).items, builtinTypes, "en", writeFixtureSeeds());
    expect(check.problems).toEqual([
      {
        file: expect.stringMatching(/en\/organizations\/alliance-one\.md$/),
        field: "roles[0].evidence[0].quote",
        expected: 'words found in 000_test.txt (source "doc-one")',
        found: '"The campaign began in June 2010."',
      },
    ]);
    expect(check.verified).toBe(5);
  });

  it("fails when a source's document is missing from the folder", () => {
    const check = verifyQuotes(loaded(writeFixture()).items, builtinTypes, "en", writeFixtureSeeds({ "other.txt": "" }));
    expect(check.verified).toBe(0);
    expect(check.problems).toHaveLength(6);
    expect(check.problems[0]).toMatchObject({ expected: expect.stringContaining("the document 000_test.txt"), found: "no such file" });
  });
});

describe("what the sources say, on item pages", () => {
  let site: string;
  const page = (file: string): CheerioAPI => load(readFileSync(path.join(site, file), "utf8"));
  const sectionTexts = ($: CheerioAPI) =>
    $("main h2")
      .map((_, h) => $(h).text())
      .get();

  beforeAll(async () => {
    // A government body the campaign's document names: listed apart from the coalition.
    const role = { campaign: "first-campaign", role: "referenced", sources: ["doc-one"] };
    const congress = (evidence: object) => ({ id: "congress", name: "Congress", roles: [{ ...role, evidence: [evidence] }] });
    const items: FixtureItem[] = [
      ...baseItems(),
      { lang: "en", folder: "organizations", data: congress({ source: "doc-one", quote: "the Capitol" }) },
      {
        lang: "es",
        folder: "organizations",
        data: congress({ source: "doc-one", quote: "the Capitol", quoteTranslation: "el Capitolio" }),
      },
    ];
    site = await buildFixtureSite(writeFixture(items), { search: false });
  });

  it("quotes the document in its language, linked to the source's page, on an event, a goal and a campaign", () => {
    for (const file of [
      "en/event/march-on-capitol/index.html",
      "en/goal/fc-citizenship/index.html",
      "en/campaign/first-campaign/index.html",
    ]) {
      const $ = page(file);
      const section = $("section").filter((_, s) => $(s).children("h2").text() === "What the sources say");
      expect(section.length, file).toBe(1);
      const quote = section.find("figure blockquote");
      expect(quote.attr("lang")).toBe("en");
      expect(quote.text()).not.toBe("");
      expect(section.find("figcaption a").attr("href")).toMatch(/source\/doc-one\/index\.html$/);
      // The English page needs no translation.
      expect(section.find("figcaption").text()).not.toMatch(/translation/);
    }
    expect(page("en/event/march-on-capitol/index.html")("blockquote").text()).toBe("Over 100 women marched on the Capitol");
  });

  it("adds the archive's translation on the Spanish page, marked as such, the quote still in English", () => {
    const $ = page("es/event/march-on-capitol/index.html");
    expect($("blockquote").attr("lang")).toBe("en");
    expect($("blockquote").text()).toBe("Over 100 women marched on the Capitol");
    expect($("figure.quote figcaption").text()).toContain("Traducción del archivo: «Más de 100 mujeres marcharon al Capitolio»");
    expect(sectionTexts($)).toContain("Lo que dicen las fuentes");
  });

  it("shows each organization role's quotes under its campaign and role", () => {
    const $ = page("en/organization/alliance-one/index.html");
    expect($("#o-evidence").parent().find("h3").text()).toBe("First Campaign: Anchor");
    expect($("#o-evidence").parent().find("blockquote").text()).toBe("The campaign began in May 2010.");
  });

  it("lists a body the documents only name apart from the coalition members, on the campaign and on its own page", () => {
    const campaign = page("en/campaign/first-campaign/index.html");
    const members = campaign("#c-members").parent();
    expect(
      members
        .find("a")
        .map((_, a) => campaign(a).text())
        .get(),
    ).toEqual(["Alliance One"]);
    expect(campaign("#c-named").text()).toBe("Named in the campaign's documents");
    expect(campaign("#c-named").parent().find("a").text()).toBe("Congress");

    const congress = page("en/organization/congress/index.html");
    expect(congress("#o-campaigns")).toHaveLength(0);
    expect(congress("#o-named").parent().find("li a").first().text()).toBe("First Campaign");
    expect(sectionTexts(congress)).not.toContain("Coalition members");
  });
});

// CI and the authors' machines have the documents beside the project; elsewhere the check cannot run, and says so.
const seedsDir = path.resolve(projectRoot, process.env.ARCHIVE_SEEDS_DIR ?? defaultSeedsDir);
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) console.warn(`Quotes of the real archive NOT checked: no source documents at ${seedsDir} (set ARCHIVE_SEEDS_DIR).`);
describe.skipIf(!seedsPresent)(`quotes of the real archive${seedsPresent ? "" : ` (SKIPPED: no source documents at ${seedsDir})`}`, () => {
  it("finds every quote in content/ in its source document", () => {
    const content = loaded(path.join(projectRoot, "content"));
    const check = verifyQuotes(content.items, content.types, content.settings.defaultLanguage, seedsDir);
    expect(check.problems.map((p) => `${p.file} · ${p.field}: ${p.found}`)).toEqual([]);
    expect(check.verified).toBeGreaterThan(100);
  });
});
