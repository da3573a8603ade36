import { stringify } from "csv-stringify/sync";
import type { Archive, Item, LocalizedArchive } from "../archive.ts";
import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";
import { evidencePlaces } from "../content/evidence.ts";
import type { Evidence } from "../content/schema.ts";
import { column, columnValues, type Column } from "../content-types/table-columns.ts";
import { isPartialDate, parsePartialDate, type PartialDate } from "../dates.ts";
import { dataPath, feedPaths, sectionPath, siteUrl, type SitePath } from "../urls.ts";

export type Value = string | boolean | string[] | null;
export type Row = Record<string, Value>;

/** A Table Schema field: https://datapackage.org/standard/table-schema/ */
export interface Field {
  name: string;
  type: "string" | "boolean" | "list";
  description: string;
}

export interface Table {
  name: string;
  fields: Field[];
  rows: Row[];
}

/** Lists are one CSV cell, their items joined by this (ids never contain it). */
export const listDelimiter = ";";

/** The archive's records as tables, as the content types declare them, in one language; then every quotation. */
export function dataTables(archive: Archive, lang: string): Table[] {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  const url = (item: Item) => siteUrl(archive.settings, item.path);
  const declared = [...loc.types.values()].flatMap((type) =>
    (type.tables ?? []).map((spec) => ({ name: spec.name, fields: spec.fields, rows: spec.rows(loc.itemsOf[type.name] ?? [], url) })),
  );
  return hasEvidence(loc.types.values()) ? [...declared, evidenceTable(loc, url)] : declared;
}

const hasEvidence = (types: Iterable<ContentTypeDescriptor>) => [...types].some((type) => type.evidence);

interface Quotation {
  type: string;
  item: Item;
  at: string;
  evidence: Evidence;
}

/**
 * Every quotation the archive's facts rest on, a row each: the evidence of each item (or of each
 * entry of the list its type names, as an organization's roles), as the language's file gives it.
 */
function evidenceTable(loc: LocalizedArchive, url: (item: Item) => string): Table {
  const quotations = [...loc.types.values()].flatMap((type) =>
    (loc.itemsOf[type.name] ?? []).flatMap((item) =>
      evidencePlaces(item.data, type).flatMap(({ at, evidence }): Quotation[] =>
        (evidence ?? []).map((e) => ({ type: type.name, item, at, evidence: e })),
      ),
    ),
  );
  const columns: Array<Column<Quotation>> = [
    column("type", "the content type of the item the quotation backs", (q) => q.type),
    column("item", "the item's id", (q) => q.item.id),
    column("part", "the part of the item it backs, empty for the item itself (roles[n]: an organization's role)", (q) => q.at || null),
    column("source", "source id of the document quoted", (q) => q.evidence.source),
    column("quote", "the document's exact words", (q) => q.evidence.quote),
    column(
      "quote_translation",
      "the archive's translation of the quote into this language, where it has one",
      (q) => q.evidence.quoteTranslation ?? null,
    ),
    column("page", "the item's page in this archive", (q) => url(q.item)),
  ];
  return { name: "evidence", fields: columns.map((c) => c.field), rows: columnValues(quotations, columns, url) };
}

/** The names of the tables the content types declare, in registry order, and the quotations'. */
function tableNames(archive: Archive): string[] {
  const types = [...(archive.byLanguage.get(archive.defaultLanguage)?.types.values() ?? [])];
  return [...types.flatMap((type) => (type.tables ?? []).map((t) => t.name)), ...(hasEvidence(types) ? ["evidence"] : [])];
}

/**
 * A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM", a leading tab or
 * CR) gets a leading apostrophe, as the OWASP guidance on CSV injection says; the JSON files
 * keep the exact text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV (RFC 4180): a header row, lists joined by ";", booleans as true/false, missing values empty; no formulas. */
export function tableToCsv(table: Table): string {
  const cell = (value: Value) => neutraliseFormula(Array.isArray(value) ? value.join(listDelimiter) : value === null ? "" : String(value));
  return stringify(
    table.rows.map((row) => table.fields.map((f) => cell(row[f.name] ?? null))),
    { header: true, columns: table.fields.map((f) => f.name), record_delimiter: "windows" },
  );
}

/** A Frictionless Data Package (v2) that describes every file and field. */
export function dataPackage(archive: Archive, lang: string, tables: Table[]): Record<string, unknown> {
  const { settings } = archive;
  // The Data Package standard wants an SPDX / Open Definition id as the licence's `name`.
  const { id, url, name } = settings.licence;
  const licence = { ...(id ? { name: id } : {}), path: url, title: name };
  // The standard's text has a `list` type, but its published JSON profile (what validators run)
  // does not yet: a list is declared as the string it is in the CSV, its delimiter in words.
  const schema = (table: Table) => ({
    fields: table.fields.map((f) =>
      f.type === "list"
        ? { name: f.name, type: "string", description: `${f.description}, joined by "${listDelimiter}"` }
        : { name: f.name, type: f.type, description: f.description },
    ),
    missingValues: [""],
  });
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: `campaign-archive-${lang}`,
    title: settings.name[lang],
    description: settings.description[lang],
    homepage: siteUrl(settings, sectionPath(lang)),
    languages: [lang],
    licenses: [licence],
    created: `${settings.published}T00:00:00Z`,
    resources: [
      ...tables.flatMap((table) => [
        {
          name: `${table.name}-csv`,
          type: "table",
          path: `${table.name}.csv`,
          format: "csv",
          mediatype: "text/csv",
          encoding: "utf-8",
          schema: schema(table),
        },
        {
          name: `${table.name}-json`,
          type: "table",
          path: `${table.name}.json`,
          format: "json",
          mediatype: "application/json",
          encoding: "utf-8",
          schema: schema(table),
        },
      ]),
      {
        name: "timeline",
        path: "timeline.json",
        format: "json",
        mediatype: "application/json",
        description: "the dated events in TimelineJS's JSON format (https://timeline.knightlab.com/docs/json-format.html)",
      },
    ],
  };
}

interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

function timelineDate(date: PartialDate, display?: string): TimelineDate {
  return {
    year: date.year as number,
    ...(date.month ? { month: date.month } : {}),
    ...(date.day ? { day: date.day } : {}),
    ...(display ? { display_date: display } : {}),
  };
}

/** The dated events as a TimelineJS story; undated events cannot be placed on its axis and are left out. */
export function timelineJs(archive: Archive, lang: string): Record<string, unknown> {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  return {
    title: {
      text: { headline: escapeHtml(archive.settings.name[lang] ?? ""), text: escapeHtml(archive.settings.description[lang] ?? "") },
    },
    events: loc.events
      .filter((e) => e.date && e.date.precision !== "undated")
      .map((e) => {
        const end = e.data.endDate ? parsePartialDate(e.data.endDate) : undefined;
        const campaign = loc.byId.campaign?.get(e.data.campaigns[0] ?? "");
        return {
          unique_id: e.id,
          start_date: timelineDate(e.date as PartialDate, e.dateText && escapeHtml(e.dateText)),
          ...(end && isPartialDate(end) && end.precision !== "undated" ? { end_date: timelineDate(end) } : {}),
          text: {
            headline: escapeHtml(e.title),
            text: `${escapeHtml(e.summary)} <a href="${siteUrl(archive.settings, e.path)}">${escapeHtml(e.title)}</a>`,
          },
          ...(campaign ? { group: escapeHtml(campaign.title) } : {}),
        };
      }),
  };
}

// TimelineJS inserts headline, text, group and display_date into its page as HTML.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** A file to publish, made when its content is first read. */
export interface FileRecipe {
  path: SitePath;
  make: () => string;
}

/** Every file under /{lang}/data/: each table as CSV and JSON, the timeline, and the package descriptor. */
export function dataFiles(archive: Archive, lang: string): FileRecipe[] {
  let tables: Table[] | undefined;
  const tablesOf = () => (tables ??= dataTables(archive, lang));
  const table = (name: string) => tablesOf().find((t) => t.name === name) as Table;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    ...tableNames(archive).flatMap((name) => [
      { path: dataPath(lang, `${name}.csv`), make: () => tableToCsv(table(name)) },
      { path: dataPath(lang, `${name}.json`), make: () => json(table(name).rows) },
    ]),
    { path: dataPath(lang, "timeline.json"), make: () => json(timelineJs(archive, lang)) },
    { path: dataPath(lang, "datapackage.json"), make: () => json(dataPackage(archive, lang, tablesOf())) },
  ];
}

/** The downloads the "Data and downloads" page lists, each with the strings key that explains it. */
export function dataDownloads(
  archive: Archive,
  lang: string,
): Array<{ name: string; path: SitePath; formats: Array<{ title: string; path: SitePath }> }> {
  const both = (name: string) => ({
    name,
    path: dataPath(lang, `${name}.csv`),
    formats: [
      { title: "CSV", path: dataPath(lang, `${name}.csv`) },
      { title: "JSON", path: dataPath(lang, `${name}.json`) },
    ],
  });
  const one = (name: string) => ({
    name,
    path: dataPath(lang, `${name}.json`),
    formats: [{ title: "JSON", path: dataPath(lang, `${name}.json`) }],
  });
  const feed = {
    name: "feed",
    path: feedPaths(lang).atom,
    formats: [
      { title: "Atom", path: feedPaths(lang).atom },
      { title: "JSON Feed", path: feedPaths(lang).json },
    ],
  };
  return [...tableNames(archive).map(both), one("timeline"), one("datapackage"), feed];
}
