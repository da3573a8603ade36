import type { Event, LocalizedArchive } from "./archive.ts";
import { fillString } from "./content/strings.ts";
import { decadesOf, pagersForWeights, pageSlice, type Pager } from "./pagination.ts";
import { timelineYearPath, type SitePath } from "./urls.ts";

/** What a page needs to be split: its identity, address and crumbs; the rest is copied to every page. */
interface ListPage {
  kind: string;
  key: string;
  path: SitePath;
  outputPath?: string;
  title: string;
  breadcrumbs: Array<{ title: string; path: SitePath }>;
  description: string;
  item?: { id: string };
  term?: { id: string };
  pager?: Pager;
  yearGroup?: YearGroup;
}

/** One year of the timeline (undated events: `year` undefined), the list a year page shows. */
export interface YearGroup {
  year: number | undefined;
  events: Event[];
}

/**
 * How many entries one page of each long list shows, so that at 10,000 events per language
 * (the benchmark's archive) every page stays within the page budget: events with their summary
 * are the heaviest entries, plain links the lightest. Lists not named here are never split.
 * (Most entries weigh 1; see `weightsOf`.)
 */
export const entriesPerPage: Readonly<Record<string, number>> = {
  "timeline-year": 40,
  topic: 40,
  place: 40,
  "campaign-timeline": 40,
  // Weighed by the items cited under each source, as the bibliography lists them.
  sources: 150,
  organizations: 80,
  people: 40,
  "shared-organizations": 40,
  campaigns: 20,
  // Goals are compared across campaigns: a page shows some campaigns' columns and goals.
  goals: 12,
};

/** The long list a page shows, as items of one type in order, or undefined for a page that has none. */
function longListOf(page: ListPage, loc: LocalizedArchive): { type: string; entries: Array<{ id: string }> } | undefined {
  const of = (type: string, entries: Array<{ id: string }> | undefined) => (entries ? { type, entries } : undefined);
  switch (page.kind) {
    case "timeline-year":
      return of("event", page.yearGroup?.events);
    case "topic":
      return of("event", loc.eventsByTopic.get(page.term?.id ?? ""));
    case "place":
      return of("event", loc.eventsByPlace.get(page.term?.id ?? ""));
    case "campaign-timeline":
      return of("event", loc.eventsByCampaign.get(page.item?.id ?? ""));
    case "sources":
      return of("source", loc.sources);
    case "organizations":
      return of("organization", loc.organizations);
    case "people":
      return of("person", loc.people);
    case "shared-organizations":
      return of("organization", loc.sharedOrganizations);
    case "campaigns":
    case "goals":
      return of("campaign", loc.campaigns);
    default:
      return undefined;
  }
}

/** What each entry of a page's long list weighs (1 for most lists), or undefined for a page that has none. */
function weightsOf(page: ListPage, loc: LocalizedArchive): number[] | undefined {
  const list = longListOf(page, loc);
  // The bibliography lists, under each source, every item that cites it.
  return list?.entries.map((entry) => (list.type === "source" ? 1 + (loc.citedBy.get(entry.id)?.length ?? 0) : 1));
}

/**
 * What a page of a split list shows of it: the whole list's length, and the keys
 * ("event:some-id") of the entries on this page, in order. A dev rebuild compares them before
 * and after a change to find the pages it alters.
 */
export function shownEntries(page: ListPage, loc: LocalizedArchive): { total: number; keys: string[] } {
  const list = longListOf(page, loc);
  if (!list) return { total: 0, keys: [] };
  return { total: list.entries.length, keys: pageSlice(list.entries, page.pager).map((entry) => `${list.type}:${entry.id}`) };
}

/** The timeline index: decades, each with its years' pages and event counts, then the undated events' page. */
export function timelineIndex(loc: LocalizedArchive): {
  decades: Array<{ decade: number; years: Array<{ year: number; count: number; path: SitePath }> }>;
  undated: { count: number; path: SitePath };
} {
  const lang = loc.language.code;
  const dated = loc.eventsByYear.filter((g): g is { year: number; events: Event[] } => g.year !== undefined);
  const counts = new Map(dated.map((g) => [g.year, g.events.length]));
  const undated = undatedGroup(loc);
  return {
    decades: decadesOf(dated.map((g) => g.year)).map(({ decade, years }) => ({
      decade,
      years: years.map((year) => ({ year, count: counts.get(year) ?? 0, path: timelineYearPath(lang, year) })),
    })),
    undated: { count: undated.events.length, path: timelineYearPath(lang, undefined) },
  };
}

/** The entries of a list that its first page shows, for a page that shows a list's start (the home page's campaigns). */
export function firstPageOf<T>(list: readonly T[], kind: string): T[] {
  return list.slice(0, entriesPerPage[kind] ?? list.length);
}

/** Whether the timeline index also lists every event itself: only while they fit on one page. */
export function timelineInline(loc: LocalizedArchive): boolean {
  return loc.events.length <= (entriesPerPage["timeline-year"] ?? 0);
}

/** The events a timeline page lists (and describes in its metadata): its page of its year or campaign. */
export function timelineEventsShown(page: ListPage, loc: LocalizedArchive): Event[] {
  switch (page.kind) {
    case "timeline":
      return timelineInline(loc) ? loc.events : [];
    case "timeline-year":
      return pageSlice(page.yearGroup?.events ?? [], page.pager);
    case "campaign-timeline":
      return pageSlice(loc.eventsByCampaign.get(page.item?.id ?? "") ?? [], page.pager);
    default:
      return [];
  }
}

/**
 * The undated events' group, empty when every event has a date: its page is always built, so
 * that dating the last undated event does not take a published address away.
 */
function undatedGroup(loc: LocalizedArchive): YearGroup {
  return loc.eventsByYear.find((g) => g.year === undefined) ?? { year: undefined, events: [] };
}

/** The timeline's year pages, one per year with events and one for undated events, below the timeline. */
export function timelineYearPages<P extends ListPage>(timeline: P, loc: LocalizedArchive): P[] {
  const t = (key: string) => loc.strings[key] ?? key;
  const groups = [...loc.eventsByYear.filter((g) => g.year !== undefined), undatedGroup(loc)];
  return groups.map((group) => {
    const path = timelineYearPath(loc.language.code, group.year);
    const title = group.year === undefined ? t("timeline.undated") : fillString(t("timelineYear.title"), { year: group.year });
    const description =
      group.year === undefined ? t("timelineYear.undatedDescription") : fillString(t("timelineYear.description"), { year: group.year });
    const page: ListPage = {
      ...timeline,
      kind: "timeline-year",
      key: `timeline-year:${group.year ?? "undated"}`,
      path,
      outputPath: undefined,
      title,
      description,
      yearGroup: group,
      breadcrumbs: [...timeline.breadcrumbs, { title, path }],
    };
    return page as P;
  });
}

/**
 * Splits every page whose list is longer than its kind's page size into pages: page 1 keeps the
 * page's address, key and title; page n gets its own ("…, page n"), with the same crumbs.
 */
export function splitLongLists<P extends ListPage>(pages: P[], loc: LocalizedArchive): P[] {
  const t = (key: string) => loc.strings[key] ?? key;
  return pages.flatMap((page) => {
    const perPage = entriesPerPage[page.kind];
    const weights = weightsOf(page, loc);
    if (perPage === undefined || weights === undefined || weights.reduce((a, b) => a + b, 0) <= perPage) return [page];
    return pagersForWeights(page.path, weights, perPage).map((pager) => {
      if (pager.number === 1) return { ...page, pager };
      const path = pager.paths[pager.number - 1] as SitePath;
      const title = fillString(t("pager.title"), { title: page.title, number: pager.number });
      return { ...page, pager, key: `${page.key}:page:${pager.number}`, path, outputPath: undefined, title };
    });
  });
}
