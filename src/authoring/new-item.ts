import path from "node:path";
import slugify from "@sindresorhus/slugify";
import yaml from "js-yaml";
import type { ContentTypeDescriptor, NewItemRequest, RequestField } from "../content-types/descriptor.ts";
import { formatProblem } from "../content/errors.ts";
import { zodProblems } from "../content/parse.ts";
import { idSchema, placeholder } from "../content/schema.ts";
import type { Settings } from "../content/settings.ts";
import { isPartialDate, parsePartialDate } from "../dates.ts";

export type { NewItemRequest } from "../content-types/descriptor.ts";

export interface NewFile {
  /** Relative to the content folder: `<lang>/<folder>/<id>.md`. */
  path: string;
  text: string;
}

export type NewItemResult = { files: NewFile[]; problems: [] } | { files: []; problems: string[] };

// A draft must validate, and the model requires a source; this id fails the reference check
// the moment the draft is published without a real one.
const missingSource = "source-to-cite";

/**
 * The files of a new item, one per configured language, each with valid front matter and
 * `draft: true`. `exists` says whether a content-relative path is taken: an id is never reused.
 */
export function newItemFiles(
  type: ContentTypeDescriptor,
  request: NewItemRequest,
  settings: Settings,
  exists: (file: string) => boolean,
): NewItemResult {
  const problems = type.authoring.required
    .filter((field) => isMissing(request[field]))
    .map((field) => `a ${type.name} needs --${flagOf(field)}`);
  if (problems.length > 0) return { files: [], problems };

  const id = request.id ?? slugify(request.title ?? request.name ?? "");
  if (!idSchema.safeParse(id).success) {
    return { files: [], problems: [`"${id}" is not a usable id: give --id with lowercase letters, digits and hyphens`] };
  }
  if (request.date !== undefined) {
    const date = parsePartialDate(request.date);
    if (!isPartialDate(date)) return { files: [], problems: [`--date: expected ${date.error}, found "${request.date}"`] };
  }

  const sources = request.sources?.length ? request.sources : [missingSource];
  const data = { id, draft: true, ...type.authoring.frontMatter(request, sources) };
  const checked = type.schema.safeParse(data);
  if (!checked.success) return { files: [], problems: zodProblems(checked.error, data, `--${type.name}`).map(formatProblem) };

  const files = settings.languages.map((language) => ({
    path: path.join(language.code, type.folder, `${id}.md`),
    text: `---\n${yaml.dump(data, { lineWidth: -1 })}---\n\n${placeholder(`the ${type.name}'s text, in Markdown`)}\n`,
  }));
  const taken = files.filter((file) => exists(file.path)).map((file) => `${file.path} already exists: choose another --id`);
  if (taken.length > 0) return { files: [], problems: taken };
  return { files, problems: [] };
}

function isMissing(value: string | string[] | undefined): boolean {
  return value === undefined || value.length === 0;
}

/** `shortName` is written `--short-name`; lists are given one flag per value (`--campaign a --campaign b`). */
export function flagOf(field: RequestField): string {
  const singular: Partial<Record<RequestField, string>> = {
    campaigns: "campaign",
    sources: "source",
    themes: "theme",
    shortName: "short-name",
  };
  return singular[field] ?? field;
}
