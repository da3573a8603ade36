import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { isPartialDate, parsePartialDate, type PartialDate, type Season } from "../dates.ts";
import { describeValue, type ContentProblem } from "./errors.ts";
import { checkEvidence, withoutNestedTranslations } from "./evidence.ts";
import {
  contentTypeNames,
  contentTypes,
  placeholderMark,
  translatableFields,
  vocabularySchema,
  type ContentType,
  type Vocabulary,
} from "./schema.ts";
import { settingsSchema, type Settings } from "./settings.ts";
import { checkStrings, type Strings } from "./strings.ts";
import { readFrontMatter, readYaml } from "./yaml.ts";

/** One content file after validation: its front matter, its Markdown body and its dates. */
export interface SourceFile<T = Record<string, unknown>> {
  type: ContentType;
  lang: string;
  file: string;
  data: T;
  body: string;
  /** Parsed dates by field name (`date`, `endDate`, `founded`). */
  dates: Record<string, PartialDate>;
}

/** Every validated file, by type, then id, then language. */
export type ItemFiles = Record<ContentType, Map<string, Map<string, SourceFile>>>;

export interface LoadedContent {
  contentDir: string;
  settings: Settings;
  strings: Map<string, Strings>;
  vocabularies: Map<string, Vocabulary>;
  items: ItemFiles;
}

export interface LoadResult {
  content?: LoadedContent;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

type Problems = ContentProblem[];

/**
 * Reads and validates everything in a content folder without rendering anything.
 * Every problem is collected; `content` is present only when there are none.
 */
/**
 * Parsed files kept between loads by a long-running process (watch mode), keyed by path and
 * checked against each file's modification time and size: only changed files are read again.
 */
export type ParseCache = Map<string, { stamp: string; item: SourceFile | undefined; problems: ContentProblem[] }>;

export function loadContent(contentDir: string, options: { cache?: ParseCache } = {}): LoadResult {
  const problems: Problems = [];
  const warnings: Problems = [];
  const rel = (file: string) => path.relative(process.cwd(), file) || file;

  const settingsFile = path.join(contentDir, "site.yaml");
  const settings = parseWith(settingsSchema, readYamlFile(settingsFile, problems, rel), rel(settingsFile), problems);
  if (!settings) return { problems, warnings };
  const codes = settings.languages.map((l) => l.code);
  if (!codes.includes(settings.defaultLanguage)) {
    problems.push({
      file: rel(settingsFile),
      field: "defaultLanguage",
      expected: `one of the languages (${codes.join(", ")})`,
      found: describeValue(settings.defaultLanguage),
    });
    return { problems, warnings };
  }
  for (const field of ["name", "description"] as const) {
    for (const code of codes) {
      if (!settings[field][code]) {
        problems.push({ file: rel(settingsFile), field: `${field}.${code}`, expected: `the site ${field} in "${code}"`, found: "nothing" });
      }
    }
  }

  const strings = new Map<string, Strings>();
  const stringsFile = (lang: string) => rel(path.join(contentDir, "strings", `${lang}.yaml`));
  for (const code of codes) {
    const raw = readYamlFile(path.join(contentDir, "strings", `${code}.yaml`), problems, rel);
    if (raw !== undefined) strings.set(code, flattenStrings(raw));
  }
  problems.push(...checkStrings(strings, settings.defaultLanguage, stringsFile));

  const vocabularies = new Map<string, Vocabulary>();
  for (const code of codes) {
    const file = path.join(contentDir, code, "vocabulary.yaml");
    if (!existsSync(file) && code !== settings.defaultLanguage) continue;
    const vocabulary = parseWith(vocabularySchema, readYamlFile(file, problems, rel), rel(file), problems);
    if (vocabulary) vocabularies.set(code, withoutPrototypes(vocabulary));
  }

  const items = Object.fromEntries(contentTypeNames.map((t) => [t, new Map()])) as ItemFiles;
  const contentRoot = realpathSync(contentDir);
  // Items whose file is invalid: already reported, so their twins and referrers are not reported again.
  const invalid = new Set<string>();
  for (const code of codes) {
    for (const type of contentTypeNames) {
      const folder = path.join(contentDir, code, contentTypes[type].folder);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder).sort()) {
        const file = path.join(folder, name);
        if (!name.endsWith(".md")) {
          // "Item.MD" or "item.markdown" would be skipped without a word: say so.
          if (/\.(md|markdown)$/i.test(name)) {
            problems.push({ file: rel(file), field: "", expected: 'a content file name ending in ".md" (lowercase)', found: `"${name}"` });
          }
          continue;
        }
        if (!isInside(file, contentRoot)) {
          problems.push({ file: rel(file), field: "", expected: "a file inside the content folder", found: `a link to ${realpathSync(file)}` });
          invalid.add(`${type}:${path.basename(name, ".md")}`);
          continue;
        }
        const item = readItemCached(type, code, file, rel, problems, options.cache);
        if (!item) {
          invalid.add(`${type}:${path.basename(name, ".md")}`);
          continue;
        }
        const twins = items[type].get(item.data.id as string) ?? new Map<string, SourceFile>();
        twins.set(code, item);
        items[type].set(item.data.id as string, twins);
      }
    }
  }

  checkTwins(items, settings.defaultLanguage, codes, invalid, problems, warnings);
  checkReferences(items, vocabularies.get(settings.defaultLanguage), settings.defaultLanguage, invalid, problems);
  const evidence = checkEvidence(items, settings.defaultLanguage);
  problems.push(...evidence.problems);
  warnings.push(...evidence.warnings);
  checkVocabularies(vocabularies, settings.defaultLanguage, rel, contentDir, warnings);

  if (problems.length > 0) return { problems, warnings };
  return { content: { contentDir, settings, strings, vocabularies, items }, problems, warnings };
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
 * What a content file is when it is not text with front matter, or undefined when it is:
 * an empty file or binary data deserve a clearer message than every missing field.
 */
function notText(source: string): string | undefined {
  if (source.trim() === "") return "an empty file";
  if (source.includes("\0") || source.includes("\uFFFD")) return "binary data, not UTF-8 text";
  if (!source.startsWith("---")) return "no front matter (the file must begin with a --- line)";
  return undefined;
}

function readYamlFile(file: string, problems: Problems, rel: (f: string) => string): unknown {
  if (!existsSync(file)) {
    problems.push({ file: rel(file), field: "", expected: "this file to exist", found: "no file" });
    return undefined;
  }
  try {
    return readYaml(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push({ file: rel(file), field: "", expected: "valid YAML", found: firstLine(error) });
    return undefined;
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

function parseWith<S extends z.ZodType>(schema: S, raw: unknown, file: string, problems: Problems): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(...zodProblems(result.error, raw, file));
  return undefined;
}

/** Turns schema issues into problems that say where, what was expected and what was found. */
export function zodProblems(error: z.ZodError, raw: unknown, file: string): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        // An empty field name (": value") still needs a visible name.
        field: field ? `${field}.${key || '""'}` : key || '""',
        expected: "only the fields of the content model (see README: The content model)",
        found: `an unknown field "${key}"`,
      }));
    }
    const found = describeValue(valueAt(raw, issue.path));
    const expected =
      issue.code === "invalid_union" && dateFieldNames.has(String(issue.path[issue.path.length - 1]))
        ? `a date written "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"${found === "nothing" ? " (required)" : ""}`
        : issue.code === "invalid_type"
        ? `${issue.expected}${issue.message.includes("received undefined") ? " (required)" : ""}`
        : issue.message.replace(/^Invalid (input|option): expected /, "").replace(/^Too small: expected /, "");
    return [{ file, field, expected, found }];
  });
}

const dateFieldNames = new Set(["date", "endDate", "founded"]);

function valueAt(raw: unknown, at: PropertyKey[]): unknown {
  let value = raw;
  for (const key of at) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const dateFields = [
  { field: "date", season: "season", approximate: "approximate" },
  { field: "endDate", season: undefined, approximate: undefined },
  { field: "founded", season: "foundedSeason", approximate: "foundedApproximate" },
] as const;

function readItemCached(
  type: ContentType,
  lang: string,
  file: string,
  rel: (f: string) => string,
  problems: Problems,
  cache: ParseCache | undefined,
): SourceFile | undefined {
  if (!cache) return readItem(type, lang, file, rel, problems);
  const { mtimeMs, size } = statSync(file);
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

function readItem(type: ContentType, lang: string, file: string, rel: (f: string) => string, problems: Problems): SourceFile | undefined {
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
  const data = parseWith(contentTypes[type].schema, parsed.data, rel(file), problems) as Record<string, unknown> | undefined;
  if (!data) return undefined;
  const expectedName = `${String(data.id)}.md`;
  if (path.basename(file) !== expectedName) {
    problems.push({ file: rel(file), field: "id", expected: `the file to be named ${expectedName}`, found: `"${path.basename(file)}"` });
    return undefined;
  }
  if (type === "campaign" || type === "event" || type === "page") {
    if (parsed.body.trim() === "") {
      problems.push({ file: rel(file), field: "body", expected: "Markdown text after the front matter", found: "an empty body" });
    }
  }
  const dates: Record<string, PartialDate> = {};
  let datesValid = true;
  for (const spec of dateFields) {
    const value = data[spec.field];
    if (typeof value !== "string") continue;
    const date = parsePartialDate(value, {
      season: spec.season ? (data[spec.season] as Season | undefined) : undefined,
      approximate: spec.approximate ? (data[spec.approximate] as boolean | undefined) : undefined,
    });
    if (isPartialDate(date)) dates[spec.field] = date;
    else {
      datesValid = false;
      problems.push({ file: rel(file), field: spec.field, expected: date.error, found: describeValue(value) });
    }
  }
  if (!datesValid) return undefined;
  if (dates.date && dates.endDate && endsBeforeStart(dates.date, dates.endDate)) {
    problems.push({ file: rel(file), field: "endDate", expected: `a date on or after the start date (${String(data.date)})`, found: describeValue(data.endDate) });
    return undefined;
  }
  if (!data.draft) {
    const unwritten = Object.entries({ ...data, body: parsed.body }).filter(([, v]) => typeof v === "string" && v.includes(placeholderMark));
    for (const [field, value] of unwritten) {
      problems.push({ file: rel(file), field, expected: "written text in place of the placeholder (or `draft: true`)", found: describeValue(value) });
    }
    if (unwritten.length > 0) return undefined;
  }
  return { type, lang, file: rel(file), data, body: parsed.body, dates };
}

/** Whether an end date is before its start, compared at the precision both share ("2011-05" vs "2010-01-01": yes). */
function endsBeforeStart(start: PartialDate, end: PartialDate): boolean {
  if (start.precision === "undated" || end.precision === "undated") return false;
  const length = Math.min(start.iso.length, end.iso.length, start.precision === "season" ? 4 : Infinity);
  return end.iso.slice(0, length) < start.iso.slice(0, length);
}

/** Twins must exist in the default language and agree on every language-neutral field. */
function checkTwins(
  items: ItemFiles,
  defaultLanguage: string,
  codes: string[],
  invalid: Set<string>,
  problems: Problems,
  warnings: Problems,
): void {
  for (const type of contentTypeNames) {
    for (const [id, twins] of items[type]) {
      if (invalid.has(`${type}:${id}`)) continue;
      const original = twins.get(defaultLanguage);
      if (!original) {
        for (const twin of twins.values()) {
          problems.push({
            file: twin.file,
            field: "id",
            expected: `a ${type} "${id}" in the default language (${defaultLanguage}) that this file translates`,
            found: "no such item",
          });
        }
        continue;
      }
      for (const code of codes) {
        const twin = twins.get(code);
        if (!twin) {
          if (original.data.draft) continue;
          warnings.push({ file: original.file, field: "id", expected: `a translation in "${code}"`, found: "none (the page falls back to the original)" });
          continue;
        }
        if (twin === original) continue;
        const keys = new Set([...Object.keys(original.data), ...Object.keys(twin.data)]);
        for (const key of keys) {
          if (translatableFields.has(key)) continue;
          const neutral = (value: unknown) => JSON.stringify(withoutNestedTranslations(value));
          if (neutral(original.data[key]) !== neutral(twin.data[key])) {
            problems.push({
              file: twin.file,
              field: key,
              expected: `the same value as ${original.file} (${describeValue(original.data[key])})`,
              found: describeValue(twin.data[key]),
            });
          }
        }
      }
    }
  }
}

/** Which field of which type points at which type. */
const references: Array<{ type: ContentType; field: string; target: ContentType; many: boolean; sub?: string }> = [
  { type: "campaign", field: "chairs", target: "person", many: true },
  { type: "campaign", field: "sources", target: "source", many: true },
  { type: "event", field: "campaigns", target: "campaign", many: true },
  { type: "event", field: "organizations", target: "organization", many: true },
  { type: "event", field: "people", target: "person", many: true },
  { type: "event", field: "sources", target: "source", many: true },
  { type: "goal", field: "campaign", target: "campaign", many: false },
  { type: "goal", field: "sources", target: "source", many: true },
  { type: "person", field: "campaigns", target: "campaign", many: true },
  { type: "person", field: "sources", target: "source", many: true },
];

const vocabularyReferences: Array<{ type: ContentType; field: string; list: keyof Vocabulary; many: boolean }> = [
  { type: "event", field: "topics", list: "topics", many: true },
  { type: "event", field: "places", list: "places", many: true },
  { type: "goal", field: "themes", list: "themes", many: true },
  { type: "organization", field: "kind", list: "kinds", many: false },
];

function checkReferences(
  items: ItemFiles,
  vocabulary: Vocabulary | undefined,
  defaultLanguage: string,
  invalid: Set<string>,
  problems: Problems,
): void {
  const published = (type: ContentType, id: string) => {
    if (invalid.has(`${type}:${id}`)) return true;
    const item = items[type].get(id)?.get(defaultLanguage);
    return item !== undefined && !item.data.draft;
  };
  const check = (file: SourceFile, field: string, target: ContentType, id: string) => {
    if (!published(target, id)) {
      const draft = items[target].get(id)?.get(defaultLanguage)?.data.draft;
      problems.push({ file: file.file, field, expected: `the id of a published ${target}`, found: draft ? `"${id}" (a draft)` : `"${id}", which does not exist` });
    }
  };
  for (const type of contentTypeNames) {
    for (const twins of items[type].values()) {
      for (const file of twins.values()) {
        if (file.data.draft) continue;
        for (const ref of references.filter((r) => r.type === type)) {
          const value = file.data[ref.field];
          const list = ref.many ? ((value as string[] | undefined) ?? []) : value === undefined ? [] : [value as string];
          list.forEach((id, i) => check(file, ref.many ? `${ref.field}[${i}]` : ref.field, ref.target, id));
        }
        if (type === "organization") {
          const roles = file.data.roles as Array<{ campaign: string; sources: string[] }>;
          roles.forEach((role, i) => {
            check(file, `roles[${i}].campaign`, "campaign", role.campaign);
            role.sources.forEach((id, j) => check(file, `roles[${i}].sources[${j}]`, "source", id));
          });
        }
        for (const ref of vocabularyReferences.filter((r) => r.type === type)) {
          const value = file.data[ref.field];
          const list = ref.many ? ((value as string[] | undefined) ?? []) : value === undefined ? [] : [value as string];
          list.forEach((id, i) => {
            if (!vocabulary || !Object.hasOwn(vocabulary[ref.list], id)) {
              problems.push({
                file: file.file,
                field: ref.many ? `${ref.field}[${i}]` : ref.field,
                expected: `an id listed under "${ref.list}" in ${defaultLanguage}/vocabulary.yaml`,
                found: `"${id}"`,
              });
            }
          });
        }
      }
    }
  }
}

function checkVocabularies(
  vocabularies: Map<string, Vocabulary>,
  defaultLanguage: string,
  rel: (f: string) => string,
  contentDir: string,
  warnings: Problems,
): void {
  const reference = vocabularies.get(defaultLanguage);
  if (!reference) return;
  for (const [code, vocabulary] of vocabularies) {
    for (const list of Object.keys(reference) as Array<keyof Vocabulary>) {
      for (const id of Object.keys(reference[list])) {
        if (!Object.hasOwn(vocabulary[list], id)) {
          warnings.push({
            file: rel(path.join(contentDir, code, "vocabulary.yaml")),
            field: `${list}.${id}`,
            expected: "a translated label",
            found: "none (the default language's label is shown)",
          });
        }
      }
    }
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "an unreadable file";
}
