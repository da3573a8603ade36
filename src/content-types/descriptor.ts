import type { z } from "zod";
import type { Item, LocalizedArchive, Membership } from "../archive.ts";
import type { Vocabulary } from "../content/schema.ts";
import type { Settings } from "../content/settings.ts";
import type { Row, Field as TableField } from "../outputs/open-data.ts";

/**
 * Everything the archive knows about one content type, in one place: how its files are
 * validated, where they live, what they point at, how its pages are listed, searched, fed,
 * exported, described and started. The loader, pages, outputs and tools iterate the registry
 * of descriptors (src/content-types/index.ts) instead of naming types.
 */
export interface ContentTypeDescriptor<Data = any> {
  /** The type's name: the `type.<name>` string, and the URL segment of its pages (`/en/<name>/<id>/`). */
  name: string;
  /** The folder its files live in, under each language's folder. */
  folder: string;
  /** The front matter: a zod strict object that includes the common fields. */
  schema: z.ZodType<Data>;
  /** The field that names an item, and the one that sums it up. */
  titleField: string;
  summaryField: string;
  /** The Markdown body is required (otherwise optional). */
  bodyRequired?: boolean;
  /** Fields holding ids of other items: "campaigns", or "roles.sources" for a field of a list of objects. */
  references?: Reference[];
  /**
   * Every published item quotes its sources (`evidence: [{source, quote}]`, src/content/evidence.ts);
   * with `in`, each object of that list field does, with its own `sources`.
   */
  evidence?: { in?: string };
  /** Fields holding ids from the vocabulary. */
  vocabulary?: VocabularyReference[];
  /** The item's date (its list order, feed order and search year), with its season, approximate and note fields. */
  date?: DateField;
  /** The last day of a span that starts at `date`. */
  endDate?: string;
  /** List order: by date, by title, or by the order of the item a reference field points at. */
  order: "date" | "title" | { referenceOrder: string };
  /** The page listing every item of the type, the item pages' parent; more sections follow it in the breadcrumbs. */
  sections?: Section[];
  /** Pages an item has besides its own, such as a campaign's timeline. */
  subpages?: (item: Item<Data>, t: (key: string) => string) => Subpage[];
  /** The Nunjucks layout of the item's page, found in the layouts' include folders. */
  layout: string;
  /** The campaigns an item belongs to (search filter, subjects); default: the campaigns it references. */
  campaigns?: (item: Item<Data>, loc: LocalizedArchive, campaignsOf: (item: Item) => string[]) => string[];
  /** Words a reader may search for that the page does not show (bill spellings are added for every type). */
  searchWords?: (item: Item<Data>, loc: LocalizedArchive) => string[];
  /** The JSON-LD of its page. */
  jsonLd: JsonLdMapping<Data>;
  /** Tables of the open data export, with their columns. */
  tables?: Array<TableSpec<Data>>;
  /** What `npm run new <type>` needs and writes. */
  authoring: Authoring;
}

export interface Reference {
  field: string;
  target: string;
}

export interface VocabularyReference {
  field: string;
  list: keyof Vocabulary;
}

export interface DateField {
  field: string;
  season?: string;
  approximate?: string;
  note?: string;
}

/** A listing page: its kind (and layout `kinds/<kind>.njk`), URL segment and strings keys. */
export interface Section {
  kind: string;
  segment: string;
  titleKey: string;
  descriptionKey: string;
}

export interface Subpage {
  kind: string;
  /** Added to the item's path: "timeline/". */
  segment: string;
  title: string;
  description: string;
  /** The breadcrumb's text. */
  crumb: string;
}

/** How an item page's JSON-LD describes its subject. */
export interface JsonLdMapping<Data> {
  /** The schema.org type. */
  type: string;
  /**
   * The item is a thing in the world (an event, an organization) and the page the record about
   * it (`subjectOf`); otherwise the item is a creative work of the archive itself.
   */
  thing?: boolean;
  properties?: (item: Item<Data>, context: JsonLdContext) => Record<string, unknown>;
}

export interface JsonLdContext {
  settings: Settings;
  loc: LocalizedArchive;
  url: (path: string) => string;
  /** A reference to another item's page. */
  ref: (item: Item, type: string) => Record<string, unknown>;
  /** Taking part in a campaign, as schema.org roles; being only named in its documents is not membership. */
  roles: (memberships: Membership[], node: (m: Membership) => Record<string, unknown>) => Array<Record<string, unknown>>;
}

export interface TableSpec<Data> {
  name: string;
  fields: TableField[];
  rows: (items: Array<Item<Data>>, url: (item: Item) => string) => Row[];
}

/** The command-line flags `npm run new` accepts. */
export interface NewItemRequest {
  type: string;
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

export type RequestField = Exclude<keyof NewItemRequest, "type" | "id">;

export interface Authoring {
  /** The flags a new item cannot do without. */
  required: RequestField[];
  /** The front matter of the draft; `sources` is never empty (a placeholder id fails once published). */
  frontMatter: (request: NewItemRequest, sources: string[]) => Record<string, unknown>;
}
