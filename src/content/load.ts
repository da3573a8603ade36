import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";
import { builtinTypes, type BuiltinTypeName } from "../content-types/index.ts";
import { isPartialDate, parsePartialDate, type PartialDate, type Season } from "../dates.ts";
import { checkReferences, checkTwins, checkVocabularies } from "./checks.ts";
import { describeValue, type ContentProblem } from "./errors.ts";
import { checkEvidence } from "./evidence.ts";
import { firstLine, parseWith, readYamlFile } from "./parse.ts";
import { placeholderMark, vocabularySchema, type Vocabulary } from "./schema.ts";
import { campaignColourProblems, settingsSchema, type Settings } from "./settings.ts";
import { checkStrings, type Strings } from "./strings.ts";
import { readFrontMatter } from "./yaml.ts";

/** One content file after validation: its front matter, its Markdown body and its dates. */
export interface SourceFile<T = Record<string, unknown>> {
  type: string;
  lang: string;
  file: string;
  data: T;
  body: string;
  /** Parsed dates by field name (`date`, `endDate`, `founded`). */
  dates: Record<string, PartialDate>;
}

type Twins = Map<string, Map<string, SourceFile>>;
/** Every validated file, by type name, then id, then language; the built-in types are always there. */
export type ItemFiles = Record<BuiltinTypeName, Twins> & Record<string, Twins>;

export interface LoadedContent {
  contentDir: string;
  settings: Settings;
  strings: Map<string, Strings>;
  vocabularies: Map<string, Vocabulary>;
  /** The content types, in registry order. */
  types: ContentTypeDescriptor[];
  items: ItemFiles;
}

export interface LoadResult {
  content?: LoadedContent;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

type Problems = ContentProblem[];
type Rel = (file: string) => string;

/**
 * Parsed files kept between loads by a long-running process (watch mode), keyed by path and
 * checked against each file's modification time and size: only changed files are read again.
 */
export type ParseCache = Map<string, { stamp: string; item: SourceFile | undefined; problems: ContentProblem[] }>;

/**
 * Reads and validates everything in a content folder without rendering anything.
 * Every problem is collected; `content` is present only when there are none.
 */
export function loadContent(contentDir: string, options: { cache?: ParseCache; types?: ContentTypeDescriptor[] } = {}): LoadResult {
  const problems: Problems = [];
  const warnings: Problems = [];
  const rel: Rel = (file) => path.relative(process.cwd(), file) || file;

  const settings = loadSettings(contentDir, rel, problems);
  if (!settings) return { problems, warnings };
  const codes = settings.languages.map((l) => l.code);
  const strings = loadStrings(contentDir, codes, settings.defaultLanguage, rel, problems);
  const vocabularies = loadVocabularies(contentDir, codes, settings.defaultLanguage, rel, problems);

  const types = options.types ?? builtinTypes;
  const items = Object.fromEntries(types.map((t) => [t.name, new Map()])) as ItemFiles;
  const contentRoot = realpathSync(contentDir);
  // Items whose file is invalid: already reported, so their twins and referrers are not reported again.
  const invalid = new Set<string>();
  for (const code of codes) {
    for (const type of types) {
      const folder = path.join(contentDir, code, type.folder);
      if (!existsSync(folder)) continue;
      // The folder's real path is looked up once; a file needs it again only if it is a link itself.
      const folderInside = isInside(folder, contentRoot);
      for (const name of readdirSync(folder).sort()) {
        const file = path.join(folder, name);
        if (!name.endsWith(".md")) {
          // "Item.MD" or "item.markdown" would be skipped without a word: say so.
          if (/\.(md|markdown)$/i.test(name)) {
            problems.push({ file: rel(file), field: "", expected: 'a content file name ending in ".md" (lowercase)', found: `"${name}"` });
          }
          continue;
        }
        const stats = lstatSync(file);
        if (stats.isSymbolicLink() ? !isInside(file, contentRoot) : !folderInside) {
          problems.push({ file: rel(file), field: "", expected: "a file inside the content folder", found: `a link to ${realpathSync(file)}` });
          invalid.add(`${type.name}:${path.basename(name, ".md")}`);
          continue;
        }
        const item = readItemCached(type, code, file, rel, problems, options.cache, stats.isSymbolicLink() ? undefined : stats);
        if (!item) {
          invalid.add(`${type.name}:${path.basename(name, ".md")}`);
          continue;
        }
        const byId = items[type.name] as Map<string, Map<string, SourceFile>>;
        const twins = byId.get(item.data.id as string) ?? new Map<string, SourceFile>();
        twins.set(code, item);
        byId.set(item.data.id as string, twins);
      }
    }
  }

  checkTwins(items, types, settings.defaultLanguage, codes, invalid, problems, warnings);
  checkReferences(items, types, vocabularies.get(settings.defaultLanguage), settings.defaultLanguage, invalid, problems);
  problems.push(...campaignColourProblems(settings, new Set(items.campaign.keys()), rel(path.join(contentDir, "site.yaml"))));
  const evidence = checkEvidence(items, types, settings.defaultLanguage);
  problems.push(...evidence.problems);
  warnings.push(...evidence.warnings);
  checkVocabularies(vocabularies, settings.defaultLanguage, (code) => rel(path.join(contentDir, code, "vocabulary.yaml")), warnings);

  if (problems.length > 0) return { problems, warnings };
  return { content: { contentDir, settings, strings, vocabularies, types, items }, problems, warnings };
}

function loadSettings(contentDir: string, rel: Rel, problems: Problems): Settings | undefined {
  const file = path.join(contentDir, "site.yaml");
  const settings = parseWith(settingsSchema, readYamlFile(file, problems, rel), rel(file), problems);
  if (!settings) return undefined;
  const codes = settings.languages.map((l) => l.code);
  if (!codes.includes(settings.defaultLanguage)) {
    problems.push({
      file: rel(file),
      field: "defaultLanguage",
      expected: `one of the languages (${codes.join(", ")})`,
      found: describeValue(settings.defaultLanguage),
    });
    return undefined;
  }
  for (const field of ["name", "description"] as const) {
    for (const code of codes) {
      if (!settings[field][code]) {
        problems.push({ file: rel(file), field: `${field}.${code}`, expected: `the site ${field} in "${code}"`, found: "nothing" });
      }
    }
  }
  return settings;
}

function loadStrings(contentDir: string, codes: string[], defaultLanguage: string, rel: Rel, problems: Problems): Map<string, Strings> {
  const strings = new Map<string, Strings>();
  const stringsFile = (lang: string) => rel(path.join(contentDir, "strings", `${lang}.yaml`));
  for (const code of codes) {
    const raw = readYamlFile(path.join(contentDir, "strings", `${code}.yaml`), problems, rel);
    if (raw !== undefined) strings.set(code, flattenStrings(raw));
  }
  problems.push(...checkStrings(strings, defaultLanguage, stringsFile, layoutStringKeys()));
  return strings;
}

// The package's own English strings hold every key its layouts use.
const packageStringsFile = path.resolve(import.meta.dirname, "..", "..", "content", "strings", "en.yaml");
let layoutKeys: string[] | undefined;

/** The interface strings the package's layouts use, read once from its own English strings. */
function layoutStringKeys(): string[] {
  layoutKeys ??= Object.keys(flattenStrings(readYamlFile(packageStringsFile, [], (file) => file)));
  return layoutKeys;
}

function loadVocabularies(contentDir: string, codes: string[], defaultLanguage: string, rel: Rel, problems: Problems): Map<string, Vocabulary> {
  const vocabularies = new Map<string, Vocabulary>();
  for (const code of codes) {
    const file = path.join(contentDir, code, "vocabulary.yaml");
    if (!existsSync(file) && code !== defaultLanguage) continue;
    const vocabulary = parseWith(vocabularySchema, readYamlFile(file, problems, rel), rel(file), problems);
    if (vocabulary) vocabularies.set(code, withoutPrototypes(vocabulary));
  }
  return vocabularies;
}

/** Whether a file, after following links, is inside `root` (a real path): a link out of the content folder would publish whatever it points at. */
function isInside(file: string, root: string): boolean {
  try {
    return realpathSync(file).startsWith(root + path.sep);
  } catch {
    // A dangling link: reading it reports the problem.
    return true;
  }
}

/**
 * Lists looked up by content-chosen ids without a prototype, so an id such as "constructor" or
 * "__proto__" is an unknown id, not Object's own property.
 */
function withoutPrototypes(vocabulary: Vocabulary): Vocabulary {
  const bare = (record: Record<string, string>) => Object.assign(Object.create(null) as Record<string, string>, record);
  return { themes: bare(vocabulary.themes), topics: bare(vocabulary.topics), places: bare(vocabulary.places), kinds: bare(vocabulary.kinds) };
}

/** Nested string groups ("nav: {home: …}") become dotted keys ("nav.home"). */
function flattenStrings(raw: unknown, prefix = ""): Strings {
  const out: Strings = Object.create(null) as Strings;
  if (raw === null || typeof raw !== "object") return out;
  for (const [key, value] of Object.entries(raw)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[name] = value;
    else Object.assign(out, flattenStrings(value, name));
  }
  return out;
}

function readItemCached(
  type: ContentTypeDescriptor,
  lang: string,
  file: string,
  rel: Rel,
  problems: Problems,
  cache: ParseCache | undefined,
  stats?: Stats,
): SourceFile | undefined {
  if (!cache) return readItem(type, lang, file, rel, problems);
  const { mtimeMs, size } = stats ?? statSync(file);
  const stamp = `${mtimeMs}:${size}`;
  const cached = cache.get(file);
  if (cached?.stamp === stamp) {
    problems.push(...cached.problems);
    return cached.item;
  }
  const own: Problems = [];
  const item = readItem(type, lang, file, rel, own);
  cache.set(file, { stamp, item, problems: own });
  problems.push(...own);
  return item;
}

function readItem(type: ContentTypeDescriptor, lang: string, file: string, rel: Rel, problems: Problems): SourceFile | undefined {
  let parsed: { data: Record<string, unknown>; body: string };
  try {
    const source = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    const unreadable = notText(source);
    if (unreadable) {
      problems.push({ file: rel(file), field: "", expected: "a Markdown file that begins with YAML front matter between --- lines", found: unreadable });
      return undefined;
    }
    parsed = readFrontMatter(source);
    if (parsed.data === null || typeof parsed.data !== "object" || Array.isArray(parsed.data)) {
      problems.push({ file: rel(file), field: "", expected: "front matter of named fields (name: value) between --- lines", found: describeValue(parsed.data) });
      return undefined;
    }
  } catch (error) {
    problems.push({ file: rel(file), field: "", expected: "YAML front matter between --- lines", found: firstLine(error) });
    return undefined;
  }
  const data = parseWith(type.schema, parsed.data, rel(file), problems) as Record<string, unknown> | undefined;
  if (!data) return undefined;
  const expectedName = `${String(data.id)}.md`;
  if (path.basename(file) !== expectedName) {
    problems.push({ file: rel(file), field: "id", expected: `the file to be named ${expectedName}`, found: `"${path.basename(file)}"` });
    return undefined;
  }
  if (type.bodyRequired && parsed.body.trim() === "") {
    problems.push({ file: rel(file), field: "body", expected: "Markdown text after the front matter", found: "an empty body" });
  }
  const dates = parseDates(type, data, rel(file), problems);
  if (!dates) return undefined;
  const start = type.date && dates[type.date.field];
  const end = type.endDate && dates[type.endDate];
  if (start && end && endsBeforeStart(start, end)) {
    problems.push({ file: rel(file), field: type.endDate as string, expected: `a date on or after the start date (${String(data[type.date?.field ?? ""])})`, found: describeValue(data[type.endDate as string]) });
    return undefined;
  }
  if (!data.draft && hasPlaceholders(data, parsed.body, rel(file), problems)) return undefined;
  return { type: type.name, lang, file: rel(file), data, body: parsed.body, dates };
}

/**
 * What a content file is when it is not text with front matter, or undefined when it is:
 * an empty file or binary data deserve a clearer message than every missing field.
 */
function notText(source: string): string | undefined {
  if (source.trim() === "") return "an empty file";
  if (source.includes("\0") || source.includes("\uFFFD")) return "binary data, not UTF-8 text";
  if (!source.startsWith("---")) return "no front matter (the file must begin with a --- line)";
  return undefined;
}

/** Whether an end date is before its start, compared at the precision both share ("2011-05" vs "2010-01-01": yes). */
function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  if (start.precision === "undated" || end.precision === "undated") return false;
  const length = Math.min(start.iso.length, end.iso.length, start.precision === "season" ? 4 : Infinity);
  return end.iso.slice(0, length) < start.iso.slice(0, length);
}

/** The item's dates by field name, or undefined (and a problem each) when one is not a date. */
function parseDates(type: ContentTypeDescriptor, data: Record<string, unknown>, file: string, problems: Problems): Record<string, PartialDate> | undefined {
  const specs = [...(type.date ? [type.date] : []), ...(type.endDate ? [{ field: type.endDate }] : [])];
  const dates: Record<string, PartialDate> = {};
  let valid = true;
  for (const spec of specs) {
    const value = data[spec.field];
    if (typeof value !== "string") continue;
    const date = parsePartialDate(value, {
      season: "season" in spec && spec.season ? (data[spec.season] as Season | undefined) : undefined,
      approximate: "approximate" in spec && spec.approximate ? (data[spec.approximate] as boolean | undefined) : undefined,
    });
    if (isPartialDate(date)) dates[spec.field] = date;
    else {
      valid = false;
      problems.push({ file, field: spec.field, expected: date.error, found: describeValue(value) });
    }
  }
  return valid ? dates : undefined;
}

/** A published item may not keep the placeholders `npm run new` wrote. */
function hasPlaceholders(data: Record<string, unknown>, body: string, file: string, problems: Problems): boolean {
  const unwritten = Object.entries({ ...data, body }).filter(([, v]) => typeof v === "string" && v.includes(placeholderMark));
  for (const [field, value] of unwritten) {
    problems.push({ file, field, expected: "written text in place of the placeholder (or `draft: true`)", found: describeValue(value) });
  }
  return unwritten.length > 0;
}
