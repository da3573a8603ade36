import type { Item, LocalizedArchive } from "../archive.ts";
import { idsOfTarget } from "../content/references.ts";
import { dateSortKey, dateYear } from "../dates.ts";
import type { SitePage } from "../site-pages.ts";
import { billSpellings } from "../content-types/search-words.ts";

/** The filters the search page offers, in the order it shows them. */
export const searchFilters = ["campaign", "type", "year", "topic"] as const;
export type SearchFilter = (typeof searchFilters)[number];

export interface NamedValue<N extends string = string> {
  name: N;
  value: string;
}

/** What Pagefind learns about one page beyond its text: filters, result metadata, sort keys, hidden words. */
export interface SearchRecord {
  filters: Array<NamedValue<SearchFilter>>;
  meta: NamedValue[];
  /** `date` sorts undated items last going forward; `newest` sorts them last going backward. */
  sort: NamedValue<"date" | "newest">[];
  /**
   * Words a reader may type that the page does not show: the other spelling of a bill number
   * ("SB 1070" for "SB1070") and the initials of an organization's name ("NDWA").
   */
  aliases: string[];
}

/**
 * The search record of a page, or undefined when the page is not indexed. Only an item's own
 * page is a search result: listings, term pages and campaign timelines repeat item titles, so
 * indexing them would push the item itself down the results.
 */
export function searchRecord(page: SitePage, loc: LocalizedArchive): SearchRecord | undefined {
  const item = page.item;
  if (!item || item.path !== page.path) return undefined;
  const campaigns = campaignIdsOf(item, loc)
    .map((id) => loc.byId.campaign?.get(id)?.title)
    .filter((title): title is string => Boolean(title));
  const type = loc.strings[`type.${item.type}`] ?? item.type;
  const year = item.date ? dateYear(item.date) : undefined;
  const topics = ((item.data as { topics?: string[] }).topics ?? []).map((id) => loc.termById.topics.get(id)?.label ?? id);

  const filters: Array<NamedValue<SearchFilter>> = [
    ...campaigns.map((value) => ({ name: "campaign" as const, value })),
    { name: "type", value: type },
    ...(year === undefined ? [] : [{ name: "year" as const, value: String(year) }]),
    ...topics.map((value) => ({ name: "topic" as const, value })),
  ];
  const meta: NamedValue[] = [
    { name: "type", value: type },
    ...(item.dateText ? [{ name: "date", value: item.dateText }] : []),
    ...(campaigns.length > 0 ? [{ name: "campaign", value: campaigns.join(", ") }] : []),
  ];
  // Pagefind leaves out of a sorted list every page without that sort key, so every page has both.
  const sortKey = item.date ? dateSortKey(item.date) : "9999-99-99";
  const sort: SearchRecord["sort"] = [
    { name: "date", value: sortKey },
    { name: "newest", value: sortKey.startsWith("9999") ? "0000-00-00" : sortKey },
  ];
  return { filters, meta, sort, aliases: aliasesOf(item, loc) };
}

/** The campaigns an item belongs to: as its type says, or else the campaigns it references. */
export function campaignIdsOf(item: Item, loc: LocalizedArchive): string[] {
  const type = loc.types.get(item.type);
  if (!type) return [];
  if (type.campaigns) return type.campaigns(item, loc, (other) => campaignIdsOf(other, loc));
  return idsOfTarget(type, item.data, "campaign");
}

function aliasesOf(item: Item, loc: LocalizedArchive): string[] {
  const text = `${item.title} ${item.summary} ${item.html.replace(/<[^>]*>/g, " ")}`;
  const words = [...new Set([...billSpellings(text), ...(loc.types.get(item.type)?.searchWords?.(item, loc) ?? [])])];
  // Most items have none: the page's words are split only for those that do.
  if (words.length === 0) return [];
  // The page's words in order, space-separated, so that a phrase ("HB 56") is found as well as a word.
  const shown = ` ${text.split(/[^\p{L}\p{N}]+/u).join(" ")} `;
  // A spelling the page already shows needs no hidden copy.
  return words.filter((word) => !shown.includes(` ${word} `));
}
