import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import { isPartialDate, parsePartialDate } from "../dates.ts";
import { formatProblem } from "../content/errors.ts";
import { zodProblems } from "../content/load.ts";
import { contentTypes, idSchema, placeholder, type ContentType } from "../content/schema.ts";
import type { Settings } from "../content/settings.ts";

/** What the author gives on the command line; which fields a type needs is listed in `required`. */
export interface NewItemRequest {
  type: ContentType;
  id?: string;
  title?: string;
  name?: string;
  shortName?: string;
  date?: string;
  campaigns?: string[];
  sources?: string[];
  themes?: string[];
  kind?: string;
  role?: string;
  seed?: string;
}

export interface NewFile {
  /** Relative to the content folder: `<lang>/<folder>/<id>.md`. */
  path: string;
  text: string;
}

export type NewItemResult = { files: NewFile[]; problems: [] } | { files: []; problems: string[] };

type Field = Exclude<keyof NewItemRequest, "type" | "id">;

/** The flags each type cannot do without; everything else has a default or is left out. */
export const requiredFields: Record<ContentType, Field[]> = {
  campaign: ["name", "shortName", "date"],
  event: ["title", "date", "campaigns"],
  goal: ["title", "campaigns", "themes"],
  organization: ["name", "campaigns"],
  person: ["name"],
  source: ["title", "kind", "seed"],
  page: ["title"],
};

// A draft must validate, and the model requires a source; this id fails the reference check
// the moment the draft is published without a real one.
const missingSource = "source-to-cite";

/**
 * The files of a new item, one per configured language, each with valid front matter and
 * `draft: true`. `exists` says whether a content-relative path is taken: an id is never reused.
 */
export function newItemFiles(request: NewItemRequest, settings: Settings, exists: (file: string) => boolean): NewItemResult {
  const problems = requiredFields[request.type]
    .filter((field) => isMissing(request[field]))
    .map((field) => `a ${request.type} needs --${flagOf(field)}`);
  if (problems.length > 0) return { files: [], problems };

  const id = request.id ?? slugify(request.title ?? request.name ?? "");
  if (!idSchema.safeParse(id).success) {
    return { files: [], problems: [`"${id}" is not a usable id: give --id with lowercase letters, digits and hyphens`] };
  }
  if (request.date !== undefined) {
    const date = parsePartialDate(request.date);
    if (!isPartialDate(date)) return { files: [], problems: [`--date: expected ${date.error}, found "${request.date}"`] };
  }

  const { folder, schema } = contentTypes[request.type];
  const data = { id, draft: true, ...frontMatter(request) };
  const checked = schema.safeParse(data);
  if (!checked.success) return { files: [], problems: zodProblems(checked.error, data, `--${request.type}`).map(formatProblem) };

  const files = settings.languages.map((language) => ({
    path: path.join(language.code, folder, `${id}.md`),
    text: `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${bodyOf(request.type)}`,
  }));
  const taken = files.filter((file) => exists(file.path)).map((file) => `${file.path} already exists: choose another --id`);
  if (taken.length > 0) return { files: [], problems: taken };
  return { files, problems: [] };
}

function frontMatter(request: NewItemRequest): Record<string, unknown> {
  const sources = request.sources?.length ? request.sources : [missingSource];
  const campaigns = request.campaigns ?? [];
  switch (request.type) {
    case "campaign":
      return { name: request.name, shortName: request.shortName, founded: request.date, summary: placeholder("one or two sentences"), sources };
    case "event":
      return { title: request.title, date: request.date, campaigns, sources, summary: placeholder("one sentence") };
    case "goal":
      return {
        title: request.title,
        campaign: campaigns[0],
        themes: request.themes,
        kind: request.kind ?? "goal",
        sources,
        summary: placeholder("one sentence"),
      };
    case "organization":
      return { name: request.name, roles: campaigns.map((campaign) => ({ campaign, role: request.role ?? "member", sources })) };
    case "person":
      return { name: request.name, description: placeholder("their public role, one sentence"), ...(campaigns.length ? { campaigns } : {}), sources };
    case "source":
      return { title: request.title, kind: request.kind, seed: request.seed, summary: placeholder("what the document is") };
    case "page":
      return { title: request.title, summary: placeholder("one sentence") };
  }
}

function bodyOf(type: ContentType): string {
  return `\n${placeholder(`the ${type}'s text, in Markdown`)}\n`;
}

function isMissing(value: string | string[] | undefined): boolean {
  return value === undefined || value.length === 0;
}

/** `shortName` is written `--short-name`; lists are given one flag per value (`--campaign a --campaign b`). */
export function flagOf(field: Field): string {
  const singular: Partial<Record<Field, string>> = { campaigns: "campaign", sources: "source", themes: "theme", shortName: "short-name" };
  return singular[field] ?? field;
}
