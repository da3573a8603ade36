import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { seasons } from "../dates.ts";
import { goalKinds } from "../content-types/goal.ts";
import { roleNames } from "../content-types/organization.ts";
import { sourceKinds } from "../content-types/source.ts";
import type { Vocabulary } from "../content/schema.ts";
import { readFrontMatter, readYaml } from "../content/yaml.ts";

/**
 * A synthetic archive for benchmarks: valid content at any size, deterministic for a seed.
 * Its text is sentences sampled from the real archive's own bodies in each language, so
 * lengths and word frequencies (which drive Markdown, page weight and the search index) are
 * realistic; its facts are meaningless and it is never published.
 */
export interface GenerateOptions {
  /** Events per language. */
  events: number;
  seed?: number;
  /** Campaigns per language, when not the archive's share of its events (one per 250, at least two). */
  campaigns?: number;
  /** The real content folder: settings, strings, vocabularies and sentences are taken from it. */
  templateDir: string;
}

export interface GeneratedCounts {
  campaigns: number;
  events: number;
  goals: number;
  organizations: number;
  people: number;
  sources: number;
  pages: number;
}

type FrontMatter = Record<string, unknown>;
type Random = () => number;

/** Mulberry32: a tiny seeded generator, so the same seed writes the same archive. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many items of each type an archive with `events` events per language has. */
export function countsFor(events: number, campaignCount?: number): GeneratedCounts {
  const campaigns = campaignCount ?? Math.max(2, Math.ceil(events / 250));
  return {
    campaigns,
    events,
    goals: campaigns * 6,
    organizations: Math.max(3, Math.ceil(events / 10)),
    people: Math.max(2, Math.ceil(events / 50)),
    sources: Math.max(2, Math.ceil(events / 20)),
    pages: 2,
  };
}

/** Sentences of every Markdown body and summary in one language of the real content. */
export function sentenceBank(contentDir: string, lang: string): string[] {
  const sentences: string[] = [];
  const root = path.join(contentDir, lang);
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const name of readdirSync(path.join(root, folder.name))) {
      if (!name.endsWith(".md")) continue;
      const { data, body } = readFrontMatter(readFileSync(path.join(root, folder.name, name), "utf8"));
      const text = [typeof data.summary === "string" ? data.summary : "", body]
        .join("\n")
        .split("\n")
        .filter((line) => line.trim() && !line.startsWith("#"))
        .map((line) => line.replace(/^[-*]\s+|^\d+\.\s+/, ""))
        .join(" ");
      sentences.push(...text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20 && /^\p{Lu}/u.test(s)));
    }
  }
  return sentences;
}

/** Writes a synthetic content folder into `dir` and returns how many items of each type it holds. */
export function generateArchive(dir: string, options: GenerateOptions): GeneratedCounts {
  const random = seeded(options.seed ?? 1);
  const int = (below: number) => Math.floor(random() * below);
  const pickOne = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const pickSome = <T>(list: readonly T[], min: number, max: number): T[] => {
    const wanted = Math.min(list.length, min + int(max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < wanted) chosen.add(pickOne(list));
    return [...chosen];
  };
  const counts = countsFor(options.events, options.campaigns);
  const settings = readYaml(readFileSync(path.join(options.templateDir, "site.yaml"), "utf8")) as {
    defaultLanguage: string;
    languages: Array<{ code: string }>;
    campaignColours?: Record<string, unknown>;
  };
  const languages = settings.languages.map((l) => l.code);
  const banks = new Map(languages.map((lang) => [lang, sentenceBank(options.templateDir, lang)]));
  const vocabularies = new Map(
    languages.map((lang) => [lang, readYaml(readFileSync(path.join(options.templateDir, lang, "vocabulary.yaml"), "utf8")) as Vocabulary]),
  );
  const reference = vocabularies.get(settings.defaultLanguage) as Vocabulary;
  const vocabularyIds = {
    themes: Object.keys(reference.themes),
    topics: Object.keys(reference.topics),
    places: Object.keys(reference.places),
    kinds: Object.keys(reference.kinds),
  };

  mkdirSync(dir, { recursive: true });
  cpSync(path.join(options.templateDir, "strings"), path.join(dir, "strings"), { recursive: true });
  for (const lang of languages) {
    mkdirSync(path.join(dir, lang), { recursive: true });
    cpSync(path.join(options.templateDir, lang, "vocabulary.yaml"), path.join(dir, lang, "vocabulary.yaml"));
  }

  const sentence = (lang: string) => pickOne(banks.get(lang) as string[]);
  const sentences = (lang: string, n: number) => Array.from({ length: n }, () => sentence(lang)).join(" ");
  /** A title: the first words of a sentence, without its closing punctuation. */
  const title = (lang: string) =>
    sentence(lang)
      .split(/\s+/)
      .slice(0, 4 + int(6))
      .join(" ")
      .replace(/[,;:.!?]+$/, "");
  const body = (lang: string, paragraphs: number, headings: boolean) =>
    Array.from(
      { length: paragraphs },
      (_, i) => `${headings && i % 2 === 0 ? `## ${title(lang)}\n\n` : ""}${sentences(lang, 2 + int(3))}`,
    ).join("\n\n");
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  const write = (
    folder: string,
    id: string,
    neutral: FrontMatter,
    text: (lang: string) => FrontMatter,
    makeBody?: (lang: string) => string,
  ) => {
    for (const lang of languages) {
      const target = path.join(dir, lang, folder);
      mkdirSync(target, { recursive: true });
      const front = yaml.dump({ id, ...neutral, ...text(lang) }, { lineWidth: -1 });
      writeFileSync(path.join(target, `${id}.md`), `---\n${front}---\n\n${makeBody ? makeBody(lang) : ""}\n`);
    }
  };
  /** One quotation from the first source, as the original carries it and each translation with its translation. */
  const evidence = (sources: string[]) => {
    // A quotation is a sentence or less; the bank's sentences can be longer.
    const quote = sentence(settings.defaultLanguage).split(/\s+/).slice(0, 20).join(" ");
    return (lang: string) => [
      { source: sources[0], quote, ...(lang === settings.defaultLanguage ? {} : { quoteTranslation: sentence(lang) }) },
    ];
  };
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = () => {
    const year = 1990 + int(35);
    const roll = random();
    if (roll < 0.6) return { date: `${year}-${pad(1 + int(12))}-${pad(1 + int(28))}` };
    if (roll < 0.8) return { date: `${year}-${pad(1 + int(12))}` };
    if (roll < 0.9) return { date: `${year}` };
    if (roll < 0.95) return { date: `${year}`, season: pickOne(seasons) };
    return { date: "undated" };
  };

  const sourceIds = ids("source", counts.sources);
  const campaignIds = ids("campaign", counts.campaigns);
  // The real archive's campaign colours, given in turn to the generated campaigns.
  const palette = Object.values(settings.campaignColours ?? {});
  const campaignColours = palette.length ? Object.fromEntries(campaignIds.map((id, i) => [id, palette[i % palette.length]])) : {};
  writeFileSync(path.join(dir, "site.yaml"), yaml.dump({ ...settings, campaignColours }));
  const personIds = ids("person", counts.people);
  const organizationIds = ids("organization", counts.organizations);

  for (const id of sourceIds) {
    write(
      "sources",
      id,
      { kind: pickOne(sourceKinds), seed: `${id}.txt`, ...(random() < 0.5 ? { date: date().date } : {}) },
      (lang) => ({
        title: title(lang),
        summary: sentence(lang),
      }),
      (lang) => (random() < 0.5 ? body(lang, 2, true) : ""),
    );
  }
  for (const id of personIds) {
    write("people", id, { campaigns: pickSome(campaignIds, 1, 2), sources: pickSome(sourceIds, 1, 2) }, (lang) => ({
      name:
        title(languages[0] as string)
          .split(" ")
          .slice(0, 3)
          .join(" ") || id,
      description: sentence(lang),
    }));
  }
  campaignIds.forEach((id, i) => {
    const sources = pickSome(sourceIds, 1, 3);
    const quoted = evidence(sources);
    write(
      "campaigns",
      id,
      { shortName: `C${i + 1}`, founded: String(1990 + int(20)), chairs: pickSome(personIds, 0, 2), sources },
      (lang) => ({
        name: title(lang),
        summary: sentences(lang, 2),
        evidence: quoted(lang),
      }),
      (lang) => body(lang, 8, true),
    );
  });
  for (const [i, id] of ids("goal", counts.goals).entries()) {
    const sources = pickSome(sourceIds, 1, 2);
    const quoted = evidence(sources);
    write(
      "goals",
      id,
      { campaign: campaignIds[i % campaignIds.length], themes: pickSome(vocabularyIds.themes, 1, 2), kind: pickOne(goalKinds), sources },
      (lang) => ({
        title: title(lang),
        summary: sentence(lang),
        evidence: quoted(lang),
      }),
      (lang) => body(lang, 1, false),
    );
  }
  for (const id of organizationIds) {
    const roles = pickSome(campaignIds, 1, 3).map((campaign) => {
      const sources = pickSome(sourceIds, 1, 2);
      return { campaign, role: pickOne(roleNames), sources, quoted: evidence(sources) };
    });
    const name = title(languages[0] as string);
    write("organizations", id, { name, ...(random() < 0.5 ? { kind: pickOne(vocabularyIds.kinds) } : {}) }, (lang) => ({
      description: sentence(lang),
      roles: roles.map(({ quoted, ...role }) => ({ ...role, evidence: quoted(lang) })),
    }));
  }
  for (const [i, id] of ids("event", counts.events).entries()) {
    const when = date();
    const neutral: FrontMatter = {
      ...when,
      ...(random() < 0.1 ? { approximate: true } : {}),
      campaigns: pickSome(campaignIds, 1, 2),
      places: pickSome(vocabularyIds.places, 0, 2),
      topics: pickSome(vocabularyIds.topics, 1, 3),
      organizations: pickSome(organizationIds, 0, 4),
      people: pickSome(personIds, 0, 2),
      sources: pickSome(sourceIds, 1, 3),
      ...(i % Math.max(1, Math.floor(counts.events / 12)) === 0 ? { highlight: true } : {}),
    };
    const noted = when.date === "undated" || neutral.approximate === true;
    const quoted = evidence(neutral.sources as string[]);
    write(
      "events",
      id,
      neutral,
      (lang) => ({ title: title(lang), summary: sentence(lang), evidence: quoted(lang), ...(noted ? { dateNote: sentence(lang) } : {}) }),
      (lang) => body(lang, 2 + int(4), false),
    );
  }
  for (const id of ["about", "methodology"]) {
    write(
      "pages",
      id,
      {},
      (lang) => ({ title: title(lang), summary: sentence(lang) }),
      (lang) => body(lang, 10, true),
    );
  }
  return counts;
}
