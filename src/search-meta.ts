import type { UserConfig } from "@11ty/eleventy";
import type { Archive, Item, LocalizedArchive } from "./archive.ts";
import type { EventData, GoalData, OrganizationData, PersonData } from "./content/schema.ts";
import { dateSortKey, dateYear } from "./dates.ts";
import type { PageKind, SitePage } from "./site-pages.ts";

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
 * Only an item's own page is a search result. Listings, term pages and campaign timelines
 * repeat item titles, so indexing them would push the item itself down the results.
 */
const indexedKinds: ReadonlySet<PageKind> = new Set(["campaign", "event", "goal", "organization", "person", "source", "page"]);

/** The search record of a page, or undefined when the page is not indexed. */
export function searchRecord(page: SitePage, loc: LocalizedArchive): SearchRecord | undefined {
  const item = page.item;
  if (!item || !indexedKinds.has(page.kind)) return undefined;
  const campaigns = campaignIdsOf(item, loc)
    .map((id) => loc.byId.campaign.get(id)?.title)
    .filter((title): title is string => Boolean(title));
  const type = loc.strings[`type.${item.type}`] ?? item.type;
  const year = item.date ? dateYear(item.date) : undefined;
  const topics = item.type === "event" ? ((item.data as EventData).topics ?? []).map((id) => loc.termById.topics.get(id)?.label ?? id) : [];

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

/** The campaigns an item belongs to; a source belongs to the campaigns of what cites it. */
export function campaignIdsOf(item: Item, loc: LocalizedArchive): string[] {
  switch (item.type) {
    case "campaign":
      return [item.id];
    case "event":
      return (item.data as EventData).campaigns;
    case "goal":
      return [(item.data as GoalData).campaign];
    case "organization":
      return unique((item.data as OrganizationData).roles.map((r) => r.campaign));
    case "person":
      return (item.data as PersonData).campaigns ?? [];
    case "source":
      return unique((loc.citedBy.get(item.id) ?? []).flatMap((citing) => campaignsCiting(item.id, citing, loc)));
    default:
      return [];
  }
}

/**
 * The campaigns in whose name an item cites a source. An organization cites a source for one
 * role, so only that role's campaign counts: taking all its campaigns would tag a source with
 * campaigns it never mentions.
 */
function campaignsCiting(sourceId: string, citing: Item, loc: LocalizedArchive): string[] {
  if (citing.type === "source") return [];
  if (citing.type !== "organization") return campaignIdsOf(citing, loc);
  return (citing.data as OrganizationData).roles.filter((r) => r.sources.includes(sourceId)).map((r) => r.campaign);
}

// State and federal bill prefixes: a reader may type "SB 1070" where the source wrote "SB1070".
const billNumber = /\b(SB|HB|AB|HR|SF|HF|LB)[\s-]?(\d{1,5})\b/g;

/** Both spellings of every bill number in a text: "SB1070" gives "SB1070" and "SB 1070". */
export function billSpellings(text: string): string[] {
  return unique([...text.matchAll(billNumber)].flatMap(([, prefix, number]) => [`${prefix}${number}`, `${prefix} ${number}`]));
}

/**
 * The initials of a name's capitalized words ("National Domestic Workers Alliance" → "NDWA"):
 * a fact of the name, indexed so the short form finds the organization. Under three letters
 * initials are too ambiguous to help.
 */
export function nameInitials(name: string): string | undefined {
  const initials = name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.charAt(0))
    .join("");
  return initials.length >= 3 ? initials : undefined;
}

/** An organization's short forms: its stated acronym and the initials of its name. */
function shortFormsOf(organization: Item): string[] {
  const data = organization.data as OrganizationData;
  return [data.acronym, nameInitials(data.name)].filter((s): s is string => Boolean(s));
}

function aliasesOf(item: Item, loc: LocalizedArchive): string[] {
  const text = `${item.title} ${item.summary} ${item.html.replace(/<[^>]*>/g, " ")}`;
  // The page's words in order, space-separated, so that a phrase ("HB 56") is found as well as a word.
  const shown = ` ${text.split(/[^\p{L}\p{N}]+/u).join(" ")} `;
  const organizations =
    item.type === "organization" ? [item]
    : item.type === "event" ? ((item.data as EventData).organizations ?? []).map((id) => loc.byId.organization.get(id)).filter((o): o is Item => Boolean(o))
    : [];
  const words = [...billSpellings(text), ...organizations.flatMap(shortFormsOf)];
  // A spelling the page already shows needs no hidden copy.
  return unique(words).filter((word) => !shown.includes(` ${word} `));
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** Gives layouts the `searchRecord` filter: `{% set indexed = entry | searchRecord(archive) %}`. */
export function searchMetaPlugin(config: UserConfig): void {
  config.addFilter("searchRecord", (page: SitePage, archive: Archive) => {
    const loc = archive.byLanguage.get(page.lang);
    return loc ? searchRecord(page, loc) : undefined;
  });
}
