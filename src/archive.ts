import { dateSortKey, dateYear, formatPartialDate, type DateWords, type PartialDate } from "./dates.ts";
import type { LoadedContent, SourceFile } from "./content/load.ts";
import type {
  CampaignData,
  ContentType,
  Evidence,
  EventData,
  GoalData,
  OrganizationData,
  PageData,
  PersonData,
  Role,
  SourceData,
  Vocabulary,
} from "./content/schema.ts";
import type { Language, Settings } from "./content/settings.ts";
import type { Strings } from "./content/strings.ts";
import { renderInline, renderMarkdown, typographicText } from "./markdown.ts";
import { itemPath, type SitePath } from "./urls.ts";

/** An item as a reader of one language sees it. */
export interface Item<T = Record<string, unknown>> {
  type: ContentType;
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
  byId: Record<ContentType, Map<string, Item>>;
  eventsByCampaign: Map<string, Event[]>;
  eventsByTopic: Map<string, Event[]>;
  eventsByPlace: Map<string, Event[]>;
  eventsByYear: Array<{ year: number | undefined; events: Event[] }>;
  eventsByOrganization: Map<string, Event[]>;
  eventsByPerson: Map<string, Event[]>;
  goalsByCampaign: Map<string, Goal[]>;
  goalsByTheme: Map<string, Goal[]>;
  membershipsByCampaign: Map<string, Membership[]>;
  membershipsByOrganization: Map<string, Membership[]>;
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

function localize(content: LoadedContent, language: Language): LocalizedArchive {
  const lang = language.code;
  const fallbackLang = content.settings.defaultLanguage;
  const strings = content.strings.get(lang) ?? {};
  const words = dateWords(strings);
  const textDirs = new Map(content.settings.languages.map((l) => [l.code, l.dir]));

  const pick = <T>(type: ContentType): Array<Item<T>> => {
    const out: Array<Item<T>> = [];
    for (const [id, twins] of content.items[type]) {
      const file = twins.get(lang) ?? twins.get(fallbackLang);
      if (!file || file.data.draft) continue;
      let html = rendered.get(file);
      if (!html) {
        html = {
          html: renderMarkdown(file.body),
          noteHtml: typeof file.data.note === "string" ? renderInline(file.data.note) : undefined,
          dateNoteHtml: typeof file.data.dateNote === "string" ? renderInline(file.data.dateNote)
            : typeof file.data.foundedNote === "string" ? renderInline(file.data.foundedNote) : undefined,
        };
        rendered.set(file, html);
      }
      const date = file.dates.date ?? file.dates.founded;
      // Titles get the bodies' curly quotes and apostrophes, so a title reads the same everywhere.
      const title = typographicText(String(file.data.title ?? file.data.name ?? id));
      out.push({
        type,
        id,
        lang,
        textLang: file.lang,
        textDir: textDirs.get(file.lang) ?? language.dir,
        fallback: file.lang !== lang,
        data: file.data as T,
        title,
        summary: String(file.data.summary ?? file.data.description ?? ""),
        ...html,
        path: itemPath(lang, type, id),
        file: file.file,
        date,
        dateText: date ? formatSpan(date, file.dates.endDate, language.locale, words) : undefined,
        sortKey: date ? dateSortKey(date) : title.toLocaleLowerCase(language.locale),
      });
    }
    return out;
  };

  const byDate = <T extends Item>(items: T[]) =>
    items.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
  const collator = new Intl.Collator(language.locale, { sensitivity: "base" });
  const byTitle = <T extends Item>(items: T[]) => items.sort((a, b) => collator.compare(a.title, b.title));

  const campaigns = byDate(pick<CampaignData>("campaign"));
  // Undated events have no order of their own: they follow the dated ones, grouped by their
  // first campaign (in the campaigns' order), then by title.
  const campaignRank = new Map(campaigns.map((c, i) => [c.id, i]));
  const rankOf = (e: Item<EventData>) => campaignRank.get(e.data.campaigns[0] ?? "") ?? campaigns.length;
  const sortedEvents = byDate(pick<EventData>("event"));
  const events = [
    ...sortedEvents.filter((e) => !isUndated(e)),
    ...sortedEvents.filter(isUndated).sort((a, b) => rankOf(a) - rankOf(b) || collator.compare(a.title, b.title)),
  ];
  const goals = pick<GoalData>("goal");
  const organizations = byTitle(pick<OrganizationData>("organization"));
  const people = byTitle(pick<PersonData>("person"));
  const sources = byTitle(pick<SourceData>("source"));
  const pages = byTitle(pick<PageData>("page"));

  const byId = {} as Record<ContentType, Map<string, Item>>;
  const all: Array<[ContentType, Item[]]> = [
    ["campaign", campaigns],
    ["event", events],
    ["goal", goals],
    ["organization", organizations],
    ["person", people],
    ["source", sources],
    ["page", pages],
  ];
  for (const [type, items] of all) byId[type] = new Map(items.map((i) => [i.id, i]));
  const campaignOrder = new Map(campaigns.map((c, i) => [c.id, i]));
  goals.sort((a, b) => (campaignOrder.get(a.data.campaign) ?? 0) - (campaignOrder.get(b.data.campaign) ?? 0));

  const vocabulary = content.vocabularies.get(lang);
  const reference = content.vocabularies.get(fallbackLang) as Vocabulary;
  const terms = (list: keyof Vocabulary, segment: string): Term[] =>
    Object.entries(reference[list])
      .map(([id, label]) => ({ id, label: vocabulary?.[list][id] ?? label, path: itemPath(lang, segment, id) }))
      .sort((a, b) => collator.compare(a.label, b.label));

  const eventsByCampaign = groupMany(events, (e) => e.data.campaigns);
  const eventsByTopic = groupMany(events, (e) => e.data.topics ?? []);
  const eventsByPlace = groupMany(events, (e) => e.data.places ?? []);
  const eventsByOrganization = groupMany(events, (e) => e.data.organizations ?? []);
  const eventsByPerson = groupMany(events, (e) => e.data.people ?? []);
  const goalsByCampaign = groupMany(goals, (g) => [g.data.campaign]);
  const goalsByTheme = groupMany(goals, (g) => g.data.themes);

  const eventsByYear = groupByYear(events);
  const themes = terms("themes", "theme");
  const topics = terms("topics", "topic");
  const places = terms("places", "place");

  const sourceById = byId.source as Map<string, Source>;
  const campaignById = byId.campaign as Map<string, Campaign>;
  const memberships: Membership[] = organizations.flatMap((organization) =>
    organization.data.roles.map((role) => ({
      campaign: campaignById.get(role.campaign) as Campaign,
      organization,
      role: role.role,
      sources: role.sources.map((id) => sourceById.get(id) as Source),
      evidence: role.evidence ?? [],
    })),
  );
  const membershipsByCampaign = groupMany(memberships, (m) => [m.campaign.id]);
  const membershipsByOrganization = groupMany(memberships, (m) => [m.organization.id]);

  const citedBy = groupMany(
    all.flatMap(([, items]) => items),
    (item) => {
      const data = item.data as { sources?: string[]; roles?: Array<{ sources: string[] }> };
      return [...new Set([...(data.sources ?? []), ...(data.roles ?? []).flatMap((r) => r.sources)])];
    },
  );

  return {
    language,
    strings,
    campaigns,
    events,
    highlights: events.filter((e) => e.data.highlight),
    // The home page shows the highlights as key moments; the latest events are the others.
    latest: events.filter((e) => !isUndated(e) && !e.data.highlight).slice(-5).reverse(),
    goals,
    organizations,
    organizationsByInitial: [...groupMany(organizations, (o) => [initialOf(o.title, language.locale)])].map(([letter, items]) => ({ letter, items })),
    sharedOrganizations: organizations.filter(
      (o) => new Set((membershipsByOrganization.get(o.id) ?? []).filter((m) => m.role !== "referenced").map((m) => m.campaign.id)).size > 1,
    ),
    people,
    sources,
    pages,
    themes,
    topics,
    places,
    termById: {
      themes: new Map(themes.map((term) => [term.id, term])),
      topics: new Map(topics.map((term) => [term.id, term])),
      places: new Map(places.map((term) => [term.id, term])),
    },
    eventIndex: new Map(events.map((event, i) => [event.id, i])),
    kinds: new Map(Object.entries(reference.kinds).map(([id, label]) => [id, vocabulary?.kinds[id] ?? label])),
    byId,
    eventsByCampaign,
    eventsByTopic,
    eventsByPlace,
    eventsByYear,
    eventsByOrganization,
    eventsByPerson,
    goalsByCampaign,
    goalsByTheme,
    membershipsByCampaign,
    membershipsByOrganization,
    citedBy,
  };
}

/** A date, or a span of dates when the item has an end date ("June 1, 2018 – June 3, 2018"). */
function formatSpan(start: PartialDate, end: PartialDate | undefined, locale: string, words: DateWords): string {
  const text = formatPartialDate(start, locale, words);
  return end ? `${text} – ${formatPartialDate(end, locale, words)}` : text;
}

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
    other && isUndated(other) === isUndated(event) && (!isUndated(event) || other.data.campaigns[0] === event.data.campaigns[0]) ? other : undefined;
  return { previous: sameRun(loc.events[index - 1]), next: sameRun(loc.events[index + 1]) };
}

function isUndated(item: Item): boolean {
  return item.date?.precision === "undated";
}

/** The letter an A–Z index files a name under: accents and case folded ("Á" → "A"). */
export function initialOf(name: string, locale: string): string {
  const first = name.normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "").charAt(0);
  return first ? first.toLocaleUpperCase(locale) : "#";
}

/** Groups items under each key they carry, keeping the items' order. */
function groupMany<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
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
