import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

type FrontMatter = Record<string, unknown>;

/** A file of a fixture archive: `<lang>/<folder>/<id>.md` with front matter and body. */
export interface FixtureItem {
  lang: string;
  folder: string;
  data: FrontMatter;
  body?: string;
  /** Write the file under this name instead of `<id>.md`. */
  fileName?: string;
}

export const fixtureSettings = {
  defaultLanguage: "en",
  languages: [
    { code: "en", name: "English", locale: "en-US", dir: "ltr" },
    { code: "es", name: "Español", locale: "es", dir: "ltr" },
  ],
  baseUrl: "https://fixture.example.org",
  pathPrefix: "/",
  name: { en: "Fixture Archive", es: "Archivo de prueba" },
  description: { en: "A small archive for tests.", es: "Un archivo pequeño para pruebas." },
  publisher: "Fixture project",
  licence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
  published: "2026-01-01",
};

const vocabulary = {
  en: {
    themes: { citizenship: "Citizenship" },
    topics: { protest: "Protest" },
    places: { "washington-dc": "Washington, D.C." },
    kinds: { alliance: "Alliance" },
  },
  es: {
    themes: { citizenship: "Ciudadanía" },
    topics: { protest: "Protesta" },
    places: { "washington-dc": "Washington D. C." },
    kinds: { alliance: "Alianza" },
  },
};

/** The text of the fixture's one source document (`seed: 000_test.txt`): every fixture quote is in it. */
export const fixtureSeeds: Record<string, string> = {
  "000_test.txt":
    "About the campaign\n\nThe campaign began in May 2010. Over 100 women marched on the Capitol on September 12, 2013.\nWe call for a path to citizenship.\n",
};

/** Writes source documents (by default the fixture's) into a new temporary directory and returns its path. */
export function writeFixtureSeeds(seeds: Record<string, string> = fixtureSeeds): string {
  const dir = mkdtempSync(path.join(tmpdir(), "archive-seeds-"));
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** An evidence list in the original (`en`) and in the translation (`es`, with the quote's translation). */
const quote = (words: string, translation: string) => ({
  en: [{ source: "doc-one", quote: words }],
  es: [{ source: "doc-one", quote: words, quoteTranslation: translation }],
});

/** One item of every type, in English and Spanish, all referring to each other. */
export function baseItems(): FixtureItem[] {
  const began = quote("The campaign began in May 2010.", "La campaña empezó en mayo de 2010.");
  const marched = quote("Over 100 women marched on the Capitol", "Más de 100 mujeres marcharon al Capitolio");
  const citizenship = quote("We call for a path to citizenship.", "Pedimos un camino a la ciudadanía.");
  const fasted = quote("Over 100 women", "Más de 100 mujeres");
  const protested = quote("marched on the Capitol", "marcharon al Capitolio");
  const anchored = quote("The campaign began in May 2010.", "La campaña empezó en mayo de 2010.");
  const both = (folder: string, en: FrontMatter, es: FrontMatter, body = ["Body text.", "Texto del cuerpo."]): FixtureItem[] => [
    { lang: "en", folder, data: en, body: body[0] },
    { lang: "es", folder, data: es, body: body[1] },
  ];
  const source = { id: "doc-one", kind: "campaign-statement", seed: "000_test.txt" };
  const campaign = { id: "first-campaign", shortName: "FC", founded: "2010-05", sources: ["doc-one"], chairs: ["ana-chair"] };
  const event = {
    id: "march-on-capitol",
    date: "2013-09-12",
    campaigns: ["first-campaign"],
    places: ["washington-dc"],
    topics: ["protest"],
    sources: ["doc-one"],
    organizations: ["alliance-one"],
    highlight: true,
  };
  const undated = { id: "undated-fast", date: "undated", campaigns: ["first-campaign"], sources: ["doc-one"] };
  const seasonal = {
    id: "summer-protests",
    date: "2018",
    season: "summer",
    campaigns: ["first-campaign"],
    topics: ["protest"],
    sources: ["doc-one"],
  };
  return [
    ...both(
      "sources",
      { ...source, title: "About the campaign", summary: "The campaign's own statement." },
      { ...source, title: "About the campaign", summary: "La declaración de la campaña." },
    ),
    ...both(
      "campaigns",
      { ...campaign, name: "First Campaign", summary: "A campaign for tests.", evidence: began.en },
      { ...campaign, name: "First Campaign", summary: "Una campaña de prueba.", evidence: began.es },
      ["## History\n\nIt began.", "## Historia\n\nEmpezó."],
    ),
    ...both(
      "events",
      { ...event, title: "March on the Capitol", summary: "Women marched.", evidence: marched.en },
      { ...event, title: "Marcha al Capitolio", summary: "Las mujeres marcharon.", evidence: marched.es },
      ["Over 100 women took part; SB1070 was discussed.", "Más de 100 mujeres participaron; se habló de la SB1070."],
    ),
    ...both(
      "events",
      { ...undated, title: "A fast", summary: "Women fasted.", dateNote: "No date is given.", evidence: fasted.en },
      { ...undated, title: "Un ayuno", summary: "Las mujeres ayunaron.", dateNote: "No se da fecha.", evidence: fasted.es },
    ),
    ...both(
      "events",
      { ...seasonal, title: "Summer protests", summary: "Protests.", evidence: protested.en },
      { ...seasonal, title: "Protestas de verano", summary: "Protestas.", evidence: protested.es },
    ),
    ...both(
      "goals",
      {
        id: "fc-citizenship",
        campaign: "first-campaign",
        themes: ["citizenship"],
        kind: "goal",
        sources: ["doc-one"],
        evidence: citizenship.en,
        title: "Citizenship",
        summary: "A path to citizenship.",
      },
      {
        id: "fc-citizenship",
        campaign: "first-campaign",
        themes: ["citizenship"],
        kind: "goal",
        sources: ["doc-one"],
        evidence: citizenship.es,
        title: "Ciudadanía",
        summary: "Un camino a la ciudadanía.",
      },
    ),
    ...both(
      "organizations",
      {
        id: "alliance-one",
        name: "Alliance One",
        acronym: "AO",
        kind: "alliance",
        roles: [{ campaign: "first-campaign", role: "anchor", sources: ["doc-one"], evidence: anchored.en }],
        description: "An alliance.",
      },
      {
        id: "alliance-one",
        name: "Alliance One",
        acronym: "AO",
        kind: "alliance",
        roles: [{ campaign: "first-campaign", role: "anchor", sources: ["doc-one"], evidence: anchored.es }],
        description: "Una alianza.",
      },
    ),
    ...both(
      "people",
      { id: "ana-chair", name: "Ana Chair", description: "Chair of the campaign.", campaigns: ["first-campaign"], sources: ["doc-one"] },
      { id: "ana-chair", name: "Ana Chair", description: "Presidenta de la campaña.", campaigns: ["first-campaign"], sources: ["doc-one"] },
    ),
    ...both(
      "pages",
      { id: "about", title: "About", summary: "About this archive." },
      { id: "about", title: "Acerca de", summary: "Sobre este archivo." },
    ),
  ];
}

/** Writes a fixture content folder into a new temporary directory and returns its path. */
export function writeFixture(items: FixtureItem[] = baseItems(), options: { settings?: FrontMatter; dir?: string } = {}): string {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), "archive-fixture-"));
  const settings = options.settings ?? fixtureSettings;
  writeFileSync(path.join(dir, "site.yaml"), yaml.dump(settings));
  cpSync(path.join(projectRoot, "content", "strings"), path.join(dir, "strings"), { recursive: true });
  for (const [lang, vocab] of Object.entries(vocabulary)) {
    mkdirSync(path.join(dir, lang), { recursive: true });
    writeFileSync(path.join(dir, lang, "vocabulary.yaml"), yaml.dump(vocab));
  }
  for (const item of items) writeItem(dir, item);
  return dir;
}

export function writeItem(dir: string, item: FixtureItem): void {
  const folder = path.join(dir, item.lang, item.folder);
  mkdirSync(folder, { recursive: true });
  const file = item.fileName ?? `${String(item.data.id)}.md`;
  writeFileSync(path.join(folder, file), `---\n${yaml.dump(item.data)}---\n${item.body ?? ""}\n`);
}
