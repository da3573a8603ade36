import { stringify } from "csv-stringify/sync";
import type { Archive, Item, LocalizedArchive } from "./archive.ts";
import type { CampaignData, EventData, GoalData, OrganizationData, SourceData } from "./content/schema.ts";
import { isPartialDate, parsePartialDate, type PartialDate } from "./dates.ts";
import { siteUrl } from "./metadata.ts";
import { sectionPath, type SitePath } from "./urls.ts";

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

const field = (name: string, description: string, type: Field["type"] = "string"): Field => ({ name, type, description });
const ids = (name: string, description: string) => field(name, description, "list");
const page = field("page", "the item's page in this archive");

/** The archive's records as tables, one per kind of record, in one language. */
export function dataTables(archive: Archive, lang: string): Table[] {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  const url = (item: Item) => siteUrl(archive.settings, item.path);
  const opt = (value: string | undefined) => value ?? null;
  return [
    {
      name: "events",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/event/{id}/"),
        field("title", "title"),
        field("date", 'ISO 8601 date as precise as the sources allow ("2013-09-12", "2013-09", "2013") or "undated"'),
        field("season", "spring, summer, autumn or winter, with a year-only date"),
        field("approximate", "the source gives the date loosely", "boolean"),
        field("end_date", "last day of a span, same format as date"),
        field("date_text", "the date as the archive shows it in this language"),
        ids("campaigns", "campaign ids"),
        ids("places", "place ids"),
        ids("topics", "topic ids"),
        ids("organizations", "organization ids"),
        ids("people", "person ids"),
        ids("sources", "source ids"),
        field("summary", "one sentence"),
        page,
      ],
      rows: loc.events.map((e: Item<EventData>) => ({
        id: e.id,
        title: written(e),
        date: e.data.date,
        season: opt(e.data.season),
        approximate: e.data.approximate ?? false,
        end_date: opt(e.data.endDate),
        date_text: opt(e.dateText),
        campaigns: e.data.campaigns,
        places: e.data.places ?? [],
        topics: e.data.topics ?? [],
        organizations: e.data.organizations ?? [],
        people: e.data.people ?? [],
        sources: e.data.sources,
        summary: e.summary,
        page: url(e),
      })),
    },
    {
      name: "campaigns",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/campaign/{id}/"),
        field("name", "name"),
        field("short_name", "short name or acronym"),
        field("founded", "ISO 8601 date of founding, as precise as the sources allow"),
        field("founded_text", "the founding date as the archive shows it in this language"),
        ids("chairs", "person ids of chairs or spokespeople"),
        ids("sources", "source ids"),
        field("summary", "one or two sentences"),
        page,
      ],
      rows: loc.campaigns.map((c: Item<CampaignData>) => ({
        id: c.id,
        name: written(c),
        short_name: c.data.shortName,
        founded: c.data.founded,
        founded_text: opt(c.dateText),
        chairs: c.data.chairs ?? [],
        sources: c.data.sources,
        summary: c.summary,
        page: url(c),
      })),
    },
    {
      name: "goals",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/goal/{id}/"),
        field("title", "title"),
        field("campaign", "campaign id"),
        field("kind", "goal (stated aim), policy-call (a demand on lawmakers) or issue-area (an area of work)"),
        ids("themes", "theme ids"),
        ids("sources", "source ids"),
        field("summary", "one sentence"),
        page,
      ],
      rows: loc.goals.map((g: Item<GoalData>) => ({
        id: g.id,
        title: written(g),
        campaign: g.data.campaign,
        kind: g.data.kind,
        themes: g.data.themes,
        sources: g.data.sources,
        summary: g.summary,
        page: url(g),
      })),
    },
    {
      name: "organizations",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/organization/{id}/"),
        field("name", "official name, never translated"),
        field("acronym", "acronym"),
        field("kind", "kind of organization, where a source or the name says it"),
        field("description", "one sentence in this language"),
        page,
      ],
      rows: loc.organizations.map((o: Item<OrganizationData>) => ({
        id: o.id,
        name: o.data.name,
        acronym: opt(o.data.acronym),
        kind: opt(o.data.kind),
        description: opt(o.data.description),
        page: url(o),
      })),
    },
    {
      name: "roles",
      fields: [
        field("organization", "organization id"),
        field("campaign", "campaign id"),
        field("role", "anchor, leader, convener, member, partner or referenced"),
        ids("sources", "source ids that state the role"),
      ],
      rows: loc.organizations.flatMap((o: Item<OrganizationData>) =>
        o.data.roles.map((r) => ({ organization: o.id, campaign: r.campaign, role: r.role, sources: r.sources })),
      ),
    },
    {
      name: "sources",
      fields: [
        field("id", "permanent identifier; the page is /{lang}/source/{id}/"),
        field("title", "the document's own title"),
        field("kind", "encyclopedia-article, campaign-statement, organization-page, report or web-page"),
        field("author", "person or organization credited"),
        field("publisher", "publisher"),
        field("date", "ISO 8601 date the document gives"),
        field("url", "where the document was found"),
        field("seed", "file name of the seed document"),
        field("summary", "what the document is"),
        page,
      ],
      rows: loc.sources.map((s: Item<SourceData>) => ({
        id: s.id,
        title: written(s),
        kind: s.data.kind,
        author: opt(s.data.author),
        publisher: opt(s.data.publisher),
        date: opt(s.data.date),
        url: opt(s.data.url),
        seed: s.data.seed,
        summary: s.summary,
        page: url(s),
      })),
    },
  ];
}

/**
 * A cell a spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM", a leading tab or
 * CR) gets a leading apostrophe, as the OWASP guidance on CSV injection says; the JSON files
 * keep the exact text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** An item's title as its file writes it: pages show it with typographic quotes, data keeps the text. */
function written(item: Item): string {
  const data = item.data as { title?: string; name?: string };
  return data.title ?? data.name ?? item.title;
}

/** CSV (RFC 4180): a header row, lists joined by ";", booleans as true/false, missing values empty; no formulas. */
export function tableToCsv(table: Table): string {
  const cell = (value: Value) => neutraliseFormula(Array.isArray(value) ? value.join(listDelimiter) : value === null ? "" : String(value));
  return stringify(
    table.rows.map((row) => table.fields.map((f) => cell(row[f.name] ?? null))),
    { header: true, columns: table.fields.map((f) => f.name), record_delimiter: "windows" },
  );
}

/** Where a language's data files live. */
export function dataPath(lang: string, file: string): SitePath {
  return `${sectionPath(lang, "data")}${file}`;
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
        { name: `${table.name}-csv`, type: "table", path: `${table.name}.csv`, format: "csv", mediatype: "text/csv", encoding: "utf-8", schema: schema(table) },
        { name: `${table.name}-json`, type: "table", path: `${table.name}.json`, format: "json", mediatype: "application/json", encoding: "utf-8", schema: schema(table) },
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
  return { year: date.year as number, ...(date.month ? { month: date.month } : {}), ...(date.day ? { day: date.day } : {}), ...(display ? { display_date: display } : {}) };
}

/** The dated events as a TimelineJS story; undated events cannot be placed on its axis and are left out. */
export function timelineJs(archive: Archive, lang: string): Record<string, unknown> {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  return {
    title: { text: { headline: escapeHtml(archive.settings.name[lang] ?? ""), text: escapeHtml(archive.settings.description[lang] ?? "") } },
    events: loc.events
      .filter((e) => e.date && e.date.precision !== "undated")
      .map((e) => {
        const end = e.data.endDate ? parsePartialDate(e.data.endDate) : undefined;
        const campaign = loc.byId.campaign.get(e.data.campaigns[0] ?? "");
        return {
          unique_id: e.id,
          start_date: timelineDate(e.date as PartialDate, e.dateText && escapeHtml(e.dateText)),
          ...(end && isPartialDate(end) && end.precision !== "undated" ? { end_date: timelineDate(end) } : {}),
          text: { headline: escapeHtml(e.title), text: `${escapeHtml(e.summary)} <a href="${siteUrl(archive.settings, e.path)}">${escapeHtml(e.title)}</a>` },
          ...(campaign ? { group: escapeHtml(campaign.title) } : {}),
        };
      }),
  };
}

// TimelineJS inserts headline, text, group and display_date into its page as HTML.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

export interface DataFile {
  path: SitePath;
  readonly content: string;
}

/**
 * A file whose content is made the first time it is read: checking which URLs a build
 * publishes needs every path, and no content.
 */
export function lazyFile(path: SitePath, make: () => string): DataFile {
  let content: string | undefined;
  return {
    path,
    get content() {
      return (content ??= make());
    },
  };
}

const tableNames = ["events", "campaigns", "goals", "organizations", "roles", "sources"] as const;

/** Every file under /{lang}/data/: each table as CSV and JSON, the timeline, and the package descriptor. */
export function dataFiles(archive: Archive, lang: string): DataFile[] {
  let tables: Table[] | undefined;
  const tablesOf = () => (tables ??= dataTables(archive, lang));
  const table = (name: string) => tablesOf().find((t) => t.name === name) as Table;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    ...tableNames.flatMap((name) => [
      lazyFile(dataPath(lang, `${name}.csv`), () => tableToCsv(table(name))),
      lazyFile(dataPath(lang, `${name}.json`), () => json(table(name).rows)),
    ]),
    lazyFile(dataPath(lang, "timeline.json"), () => json(timelineJs(archive, lang))),
    lazyFile(dataPath(lang, "datapackage.json"), () => json(dataPackage(archive, lang, tablesOf()))),
  ];
}

/** The downloads the "Data and downloads" page lists, each with the strings key that explains it. */
export function dataDownloads(lang: string): Array<{ name: string; path: SitePath; formats: Array<{ format: string; path: SitePath }> }> {
  const both = (name: string) => ({
    name,
    path: dataPath(lang, `${name}.csv`),
    formats: [
      { format: "CSV", path: dataPath(lang, `${name}.csv`) },
      { format: "JSON", path: dataPath(lang, `${name}.json`) },
    ],
  });
  const one = (name: string) => ({ name, path: dataPath(lang, `${name}.json`), formats: [{ format: "JSON", path: dataPath(lang, `${name}.json`) }] });
  const feed = {
    name: "feed",
    path: `${lang}/feed.xml`,
    formats: [
      { format: "Atom", path: `${lang}/feed.xml` },
      { format: "JSON Feed", path: `${lang}/feed.json` },
    ],
  };
  return [...tableNames.map(both), one("timeline"), one("datapackage"), feed];
}
