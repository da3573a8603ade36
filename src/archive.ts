import type { ContentTypeDescriptor } from "./content-types/descriptor.ts";
import type {
  BuiltinTypeName,
  CampaignData,
  EventData,
  GoalData,
  OrganizationData,
  PageData,
  PersonData,
  Role,
  SourceData,
} from "./content-types/index.ts";
import { referencedKeys } from "./content/references.ts";
import { dateSortKey, dateYear, formatPartialDate, type DateWords, type PartialDate } from "./dates.ts";
import type { LoadedContent, SourceFile } from "./content/load.ts";
import type { Evidence, Vocabulary } from "./content/schema.ts";
import type { Language, Settings } from "./content/settings.ts";
import type { Strings } from "./content/strings.ts";
import { renderInline, renderMarkdown, typographicText } from "./markdown.ts";
import { itemPath, type SitePath } from "./urls.ts";

/** An item as a reader of one language sees it. */
export interface Item<T = Record<string, unknown>> {
  type: string;
  id: string;
  /** The language of the page the item appears on. */
  lang: string;
  /** The language its text is written in: differs from `lang` when the translation is missing. */
  textLang: string;
  /** Writing direction of `textLang`, so fallback text keeps its own direction on a page of another. */
  textDir: string;
  fallback: boolean;
  data: T;
  title: string;
  summary: string;
  html: string;
  noteHtml?: string;
  path: SitePath;
  file: string;
  date?: PartialDate;
  dateText?: string;
  dateNoteHtml?: string;
  sortKey: string;
}

export type Campaign = Item<CampaignData>;
export type Event = Item<EventData>;
export type Goal = Item<GoalData>;
export type Organization = Item<OrganizationData>;
export type Person = Item<PersonData>;
export type Source = Item<SourceData>;
export type Page = Item<PageData>;

export interface Term {
  id: string;
  label: string;
  path: SitePath;
}

export interface Membership {
  campaign: Campaign;
  organization: Organization;
  role: Role;
  sources: Source[];
  evidence: Evidence[];
}

/** One language's archive: items with fallbacks, and every relation between them, computed once. */
export interface LocalizedArchive {
  language: Language;
  strings: Strings;
  campaigns: Campaign[];
  events: Event[];
  /** Events marked `highlight`, in date order. */
  highlights: Event[];
  /** The five most recent dated events, newest first. */
  latest: Event[];
  goals: Goal[];
  organizations: Organization[];
  /** Organizations A–Z, grouped by their first letter. */
  organizationsByInitial: Array<{ letter: string; items: Organization[] }>;
  /** Organizations taking part (not only named) in more than one campaign. */
  sharedOrganizations: Organization[];
  people: Person[];
  sources: Source[];
  pages: Page[];
  themes: Term[];
  topics: Term[];
  places: Term[];
  kinds: Map<string, string>;
  termById: { themes: Map<string, Term>; topics: Map<string, Term>; places: Map<string, Term> };
  /** Position of each event in `events`, for previous/next links. */
  eventIndex: Map<string, number>;
  /** The content types by name. */
  types: Map<string, ContentTypeDescriptor>;
  /** Every item of each type, in the type's order. */
  itemsOf: Record<string, Item[]>;
  byId: Record<BuiltinTypeName, Map<string, Item>> & Record<string, Map<string, Item>>;
  /** The items that point at an item, keyed "type:id", in registry order. */
  linkedFrom: Map<string, Item[]>;
  eventsByCampaign: Map<string, Event[]>;
  eventsByTopic: Map<string, Event[]>;
  eventsByPlace: Map<string, Event[]>;
  /** The events of each topic and place, by vocabulary list. */
  eventsByTerm: { topics: Map<string, Event[]>; places: Map<string, Event[]> };
  eventsByYear: Array<{ year: number | undefined; events: Event[] }>;
  eventsByOrganization: Map<string, Event[]>;
  eventsByPerson: Map<string, Event[]>;
  goalsByCampaign: Map<string, Goal[]>;
  goalsByTheme: Map<string, Goal[]>;
  membershipsByCampaign: Map<string, Membership[]>;
  membershipsByOrganization: Map<string, Membership[]>;
  /** The items that cite each source, by source id. */
  citedBy: Map<string, Item[]>;
}

export interface Archive {
  settings: Settings;
  defaultLanguage: string;
  languages: Language[];
  byLanguage: Map<string, LocalizedArchive>;
}

/** Markdown rendered once per parsed file, shared by every language that shows it and by later builds of a watch session. */
const rendered = new WeakMap<SourceFile, { html: string; noteHtml?: string; dateNoteHtml?: string }>();

/** Turns validated content into the archive every page is made from. */
export function buildArchive(content: LoadedContent): Archive {
  const { settings } = content;
  const byLanguage = new Map<string, LocalizedArchive>();
  for (const language of settings.languages) {
    byLanguage.set(language.code, localize(content, language));
  }
  return { settings, defaultLanguage: settings.defaultLanguage, languages: settings.languages, byLanguage };
}

export function dateWords(strings: Strings): DateWords {
  return {
    undated: strings["date.undated"] ?? "",
    approximately: strings["date.approximately"] ?? "",
    seasonPattern: strings["date.seasonPattern"] ?? "{season} {year}",
    seasons: {
      spring: strings["date.spring"] ?? "",
      summer: strings["date.summer"] ?? "",
      autumn: strings["date.autumn"] ?? "",
      winter: strings["date.winter"] ?? "",
    },
  };
}

/** One language's view of the archive: its items, then the relations between them. */
function localize(content: LoadedContent, language: Language): LocalizedArchive {
  const strings = content.strings.get(language.code) ?? {};
  const collator = new Intl.Collator(language.locale, { sensitivity: "base" });
  const itemsOf = localizedItems(content, language, strings, collator);
  if (itemsOf.event) itemsOf.event = undatedLast(itemsOf.event as Event[], (itemsOf.campaign ?? []) as Campaign[], collator);
  const byId = Object.fromEntries(
    Object.entries(itemsOf).map(([type, items]) => [type, new Map(items.map((i) => [i.id, i]))]),
  ) as LocalizedArchive["byId"];
  const types = new Map(content.types.map((t) => [t.name, t]));
  const terms = localizedTerms(content, language, collator);
  const linkedFrom = groupMany(Object.values(itemsOf).flat(), (item) =>
    referencedKeys(types.get(item.type) as ContentTypeDescriptor, item.data),
  );
  const events = (itemsOf.event ?? []) as Event[];
  const organizations = (itemsOf.organization ?? []) as Organization[];
  const memberships = membershipsOf(organizations, byId);
  const membershipsByOrganization = groupMany(memberships, (m) => [m.organization.id]);
  return {
    language,
    strings,
    campaigns: (itemsOf.campaign ?? []) as Campaign[],
    events,
    highlights: events.filter((e) => e.data.highlight),
    // The home page shows the highlights as key moments; the latest events are the others.
    latest: events
      .filter((e) => !isUndated(e) && !e.data.highlight)
      .slice(-5)
      .reverse(),
    goals: (itemsOf.goal ?? []) as Goal[],
    organizations,
    organizationsByInitial: groupByInitial(organizations, language.locale),
    sharedOrganizations: organizations.filter(
      (o) => new Set((membershipsByOrganization.get(o.id) ?? []).filter((m) => m.role !== "referenced").map((m) => m.campaign.id)).size > 1,
    ),
    people: (itemsOf.person ?? []) as Person[],
    sources: (itemsOf.source ?? []) as Source[],
    pages: (itemsOf.page ?? []) as Page[],
    ...terms,
    eventIndex: new Map(events.map((event, i) => [event.id, i])),
    types,
    itemsOf,
    byId,
    linkedFrom,
    eventsByCampaign: groupMany(events, (e) => e.data.campaigns),
    ...eventsByTerms(events),
    eventsByYear: groupByYear(events),
    eventsByOrganization: groupMany(events, (e) => e.data.organizations ?? []),
    eventsByPerson: groupMany(events, (e) => e.data.people ?? []),
    goalsByCampaign: groupMany((itemsOf.goal ?? []) as Goal[], (g) => [g.data.campaign]),
    goalsByTheme: groupMany((itemsOf.goal ?? []) as Goal[], (g) => g.data.themes),
    membershipsByCampaign: groupMany(memberships, (m) => [m.campaign.id]),
    membershipsByOrganization,
    citedBy: new Map(
      [...linkedFrom].filter(([key]) => key.startsWith("source:")).map(([key, items]) => [key.slice("source:".length), items]),
    ),
  };
}

/** The published items of every type as this language shows them, each type in its own order. */
function localizedItems(content: LoadedContent, language: Language, strings: Strings, collator: Intl.Collator): Record<string, Item[]> {
  const words = dateWords(strings);
  const textDirs = new Map(content.settings.languages.map((l) => [l.code, l.dir]));
  const itemsOf: Record<string, Item[]> = {};
  for (const type of content.types) {
    itemsOf[type.name] = [...(content.items[type.name] ?? [])].flatMap(([id, twins]) => {
      const file = twins.get(language.code) ?? twins.get(content.settings.defaultLanguage);
      if (!file || file.data.draft) return [];
      return [localizedItem(type, id, file, language, words, textDirs)];
    });
  }
  // Items ordered by what they point at come last, once the items they point at are in order.
  const ordered = [...content.types].sort((a, b) => Number(typeof a.order === "object") - Number(typeof b.order === "object"));
  for (const type of ordered) {
    const items = itemsOf[type.name] as Item[];
    if (type.order === "date") items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
    else if (type.order === "title") items.sort((a, b) => collator.compare(a.title, b.title));
    else {
      const field = type.order.referenceOrder;
      const target = type.references?.find((r) => r.field === field)?.target ?? "";
      const position = new Map((itemsOf[target] ?? []).map((item, i) => [item.id, i]));
      items.sort((a, b) => (position.get(String(a.data[field])) ?? 0) - (position.get(String(b.data[field])) ?? 0));
    }
  }
  return itemsOf;
}

function localizedItem(
  type: ContentTypeDescriptor,
  id: string,
  file: SourceFile,
  language: Language,
  words: DateWords,
  textDirs: Map<string, string>,
): Item {
  let html = rendered.get(file);
  if (!html) {
    const inline = (field: string | undefined) =>
      field && typeof file.data[field] === "string" ? renderInline(file.data[field] as string) : undefined;
    html = { html: renderMarkdown(file.body), noteHtml: inline("note"), dateNoteHtml: inline(type.date?.note) };
    rendered.set(file, html);
  }
  const date = type.date ? file.dates[type.date.field] : undefined;
  // Titles get the bodies' curly quotes and apostrophes, so a title reads the same everywhere.
  const title = typographicText(String(file.data[type.titleField] ?? id));
  return {
    type: type.name,
    id,
    lang: language.code,
    textLang: file.lang,
    textDir: textDirs.get(file.lang) ?? language.dir,
    fallback: file.lang !== language.code,
    data: file.data,
    title,
    summary: String(file.data[type.summaryField] ?? ""),
    ...html,
    path: itemPath(language.code, type.name, id),
    file: file.file,
    date,
    dateText: date ? formatSpan(date, type.endDate ? file.dates[type.endDate] : undefined, language.locale, words) : undefined,
    sortKey: date ? dateSortKey(date) : title.toLocaleLowerCase(language.locale),
  };
}

/**
 * Undated events have no order of their own: they follow the dated ones, grouped by their
 * first campaign (in the campaigns' order), then by title.
 */
function undatedLast(events: Event[], campaigns: Campaign[], collator: Intl.Collator): Event[] {
  const campaignRank = new Map(campaigns.map((c, i) => [c.id, i]));
  const rankOf = (e: Event) => campaignRank.get(e.data.campaigns[0] ?? "") ?? campaigns.length;
  return [
    ...events.filter((e) => !isUndated(e)),
    ...events.filter(isUndated).sort((a, b) => rankOf(a) - rankOf(b) || collator.compare(a.title, b.title)),
  ];
}

/** The vocabulary's themes, topics and places in this language (the default's label where one is missing), A–Z. */
function localizedTerms(
  content: LoadedContent,
  language: Language,
  collator: Intl.Collator,
): Pick<LocalizedArchive, "themes" | "topics" | "places" | "termById" | "kinds"> {
  const vocabulary = content.vocabularies.get(language.code);
  const reference = content.vocabularies.get(content.settings.defaultLanguage) as Vocabulary;
  const terms = (list: keyof Vocabulary, segment: string): Term[] =>
    Object.entries(reference[list])
      .map(([id, label]) => ({ id, label: vocabulary?.[list][id] ?? label, path: itemPath(language.code, segment, id) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  const themes = terms("themes", "theme");
  const topics = terms("topics", "topic");
  const places = terms("places", "place");
  return {
    themes,
    topics,
    places,
    termById: {
      themes: new Map(themes.map((term) => [term.id, term])),
      topics: new Map(topics.map((term) => [term.id, term])),
      places: new Map(places.map((term) => [term.id, term])),
    },
    kinds: new Map(Object.entries(reference.kinds).map(([id, label]) => [id, vocabulary?.kinds[id] ?? label])),
  };
}

function eventsByTerms(events: Event[]): Pick<LocalizedArchive, "eventsByTopic" | "eventsByPlace" | "eventsByTerm"> {
  const eventsByTopic = groupMany(events, (e) => e.data.topics ?? []);
  const eventsByPlace = groupMany(events, (e) => e.data.places ?? []);
  return { eventsByTopic, eventsByPlace, eventsByTerm: { topics: eventsByTopic, places: eventsByPlace } };
}

/** Every role an organization plays in a campaign, with the sources that state it. */
function membershipsOf(organizations: Organization[], byId: LocalizedArchive["byId"]): Membership[] {
  return organizations.flatMap((organization) =>
    organization.data.roles.map((role) => ({
      campaign: byId.campaign?.get(role.campaign) as Campaign,
      organization,
      role: role.role,
      sources: role.sources.map((id) => byId.source?.get(id) as Source),
      evidence: role.evidence ?? [],
    })),
  );
}

/** A date, or a span of dates when the item has an end date ("June 1, 2018 – June 3, 2018"). */
function formatSpan(start: PartialDate, end: PartialDate | undefined, locale: string, words: DateWords): string {
  // Formatting a date through Intl is slow and an archive has few distinct dates: a dev rebuild
  // reloads every item, so each date is formatted once per language and wording.
  const key = JSON.stringify([locale, words, start, end ?? null]);
  let text = formattedSpans.get(key);
  if (text === undefined) {
    const from = formatPartialDate(start, locale, words);
    text = end ? `${from} – ${formatPartialDate(end, locale, words)}` : from;
    formattedSpans.set(key, text);
  }
  return text;
}
const formattedSpans = new Map<string, string>();

/** Events (already in date order) grouped by calendar year; undated events last. */
export function groupByYear(events: Event[]): Array<{ year: number | undefined; events: Event[] }> {
  const years = groupMany(events, (e) => [String((e.date && dateYear(e.date)) ?? "undated")]);
  return [...years].map(([year, list]) => ({ year: year === "undated" ? undefined : Number(year), events: list }));
}

/**
 * The events before and after one event in the archive's order. Dated events lead to dated
 * ones; an undated event only to the undated events of its own campaign, the one run in which
 * "before" and "after" mean something (the order of their titles).
 */
export function eventNeighbours(loc: LocalizedArchive, event: Event): { previous?: Event; next?: Event } {
  const index = loc.eventIndex.get(event.id) ?? -1;
  if (index < 0) return {};
  const sameRun = (other: Event | undefined) =>
    other && isUndated(other) === isUndated(event) && (!isUndated(event) || other.data.campaigns[0] === event.data.campaigns[0])
      ? other
      : undefined;
  return { previous: sameRun(loc.events[index - 1]), next: sameRun(loc.events[index + 1]) };
}

function isUndated(item: Item): boolean {
  return item.date?.precision === "undated";
}

/** The letter an A–Z index files a name under: accents and case folded ("Á" → "A"). */
export function initialOf(name: string, locale: string): string {
  const first = name
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .charAt(0);
  return first ? first.toLocaleUpperCase(locale) : "#";
}

/** Items under the letter their title is filed under, in the items' order: an A–Z index. */
export function groupByInitial<T extends { title: string }>(items: T[], locale: string): Array<{ letter: string; items: T[] }> {
  return [...groupMany(items, (item) => [initialOf(item.title, locale)])].map(([letter, list]) => ({ letter, items: list }));
}

/** Groups items under each key they carry, keeping the items' order. */
function groupMany<T>(items: T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
