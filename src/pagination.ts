import { pagePath, type SitePath } from "./urls.ts";

/**
 * One page of a list that is split over several pages, so that no page outgrows the first
 * round trip however large the archive (RFC 6928: ~14 kB). Page 1 keeps the list's address;
 * page n lives at `<address>page/<n>/`, so addresses already published never change.
 */
export interface Pager {
  /** 1-based. */
  number: number;
  count: number;
  /** The entries this page shows: `list.slice(start, end)`. */
  start: number;
  end: number;
  /** The address of every page of the list, page 1 first. */
  paths: SitePath[];
}

/** Splits a list of `total` entries at `first` into pages of at most `perPage` entries; an empty list still has its page. */
export function pagersFor(first: SitePath, total: number, perPage: number): Pager[] {
  return pagersForWeights(
    first,
    Array.from({ length: total }, () => 1),
    perPage,
  );
}

/**
 * Splits a list whose entries weigh differently (a source with the items that cite it) into
 * pages of at most `perPage` weight, in order; an entry heavier than a page gets a page alone.
 */
export function pagersForWeights(first: SitePath, weights: readonly number[], perPage: number): Pager[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`entries per page must be a positive whole number, not ${perPage}`);
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let load = 0;
  weights.forEach((weight, i) => {
    if (i > start && load + weight > perPage) {
      ranges.push([start, i]);
      start = i;
      load = 0;
    }
    load += weight;
  });
  ranges.push([start, weights.length]);
  const paths = ranges.map((_, i) => pagePath(first, i + 1));
  return ranges.map(([from, to], i) => ({ number: i + 1, count: ranges.length, start: from, end: to, paths }));
}

/**
 * The page links a pager shows: the first and last page, and the two on each side of this one,
 * with a gap (`number` undefined) where pages are left out; so a list of any length has a short pager.
 */
export function pagerLinks(pager: Pager): Array<{ number?: number; path?: SitePath; current: boolean }> {
  const links: Array<{ number?: number; path?: SitePath; current: boolean }> = [];
  pager.paths.forEach((path, i) => {
    const number = i + 1;
    if (number === 1 || number === pager.count || Math.abs(number - pager.number) <= 2)
      links.push({ number, path, current: number === pager.number });
    else if (links.at(-1)?.number !== undefined) links.push({ current: false });
  });
  return links;
}

/** The entries one page shows; the whole list for a page that is not split. */
export function pageSlice<T>(list: readonly T[], pager: Pager | undefined): T[] {
  return pager ? list.slice(pager.start, pager.end) : [...list];
}

/** Decades of a set of years, each with its years in order: the timeline's index. */
export function decadesOf(years: readonly number[]): Array<{ decade: number; years: number[] }> {
  const byDecade = new Map<number, number[]>();
  for (const year of [...years].sort((a, b) => a - b)) {
    const decade = Math.floor(year / 10) * 10;
    byDecade.set(decade, [...(byDecade.get(decade) ?? []), year]);
  }
  return [...byDecade].map(([decade, list]) => ({ decade, years: list }));
}
