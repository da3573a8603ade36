import path from "node:path";
import type { Archive, Item } from "./archive.ts";
import { contentTypeNames, contentTypes, type ContentType } from "./content/schema.ts";
import { dateYear } from "./dates.ts";
import type { SitePage } from "./site-pages.ts";

/**
 * The items ("event:some-id") that a set of changed files holds, or undefined when any changed
 * file is not an item file (a layout, the settings, strings, a vocabulary): then every page may
 * change and all are rebuilt.
 */
export function changedItemKeys(changedFiles: string[], contentDir: string): Set<string> | undefined {
  const root = path.resolve(contentDir);
  const typeOfFolder = new Map<string, ContentType>(contentTypeNames.map((type) => [contentTypes[type].folder, type]));
  const keys = new Set<string>();
  for (const file of changedFiles) {
    const parts = path.relative(root, path.resolve(file)).split(path.sep);
    const type = parts.length === 3 ? typeOfFolder.get(parts[1] as string) : undefined;
    if (!type || !parts[2]?.endsWith(".md")) return undefined;
    keys.add(`${type}:${path.basename(parts[2], ".md")}`);
  }
  return keys;
}

/** The ids an item points at: its pages list it, so they change with it. */
function referencedKeys(item: Item): string[] {
  const data = item.data as Record<string, unknown>;
  const ids = (field: string) => (Array.isArray(data[field]) ? (data[field] as string[]) : typeof data[field] === "string" ? [data[field] as string] : []);
  const roles = (data.roles as Array<{ campaign: string; sources: string[] }> | undefined) ?? [];
  return [
    ...[...ids("campaigns"), ...ids("campaign"), ...roles.map((r) => r.campaign)].map((id) => `campaign:${id}`),
    ...[...ids("sources"), ...roles.flatMap((r) => r.sources)].map((id) => `source:${id}`),
    ...ids("organizations").map((id) => `organization:${id}`),
    ...[...ids("people"), ...ids("chairs")].map((id) => `person:${id}`),
    ...ids("topics").map((id) => `topic:${id}`),
    ...ids("places").map((id) => `place:${id}`),
  ];
}

/**
 * The pages a change to some items can alter: those items' own pages, the pages of every item,
 * topic and place they point at (before and after the change), the events next to them, and
 * the listings and home pages, which are few. Everything else is unchanged.
 */
export function affectedPages(pages: SitePage[], changed: Set<string>, archives: Archive[]): SitePage[] {
  const affected = new Set(changed);
  // The timeline years ("en:1994", "en:undated") the changed events sit in, before and after.
  const years = new Set<string>();
  for (const archive of archives) {
    for (const loc of archive.byLanguage.values()) {
      for (const key of changed) {
        const [type, id] = key.split(":") as [ContentType, string];
        const item = loc.byId[type]?.get(id);
        if (!item) continue;
        for (const ref of referencedKeys(item)) affected.add(ref);
        if (type === "event") years.add(`${loc.language.code}:${(item.date && dateYear(item.date)) ?? "undated"}`);
        const index = loc.eventIndex.get(id);
        if (type === "event" && index !== undefined) {
          for (const neighbour of [loc.events[index - 1], loc.events[index + 1]]) if (neighbour) affected.add(`event:${neighbour.id}`);
        }
      }
    }
  }
  return pages.filter((page) => {
    if (page.item) return affected.has(`${page.item.type}:${page.item.id}`);
    // A topic or place page lists only its own events, a timeline year page only its year's.
    if (page.term) return affected.has(`${page.kind}:${page.term.id}`);
    if (page.yearGroup) return years.has(`${page.lang}:${page.yearGroup.year ?? "undated"}`);
    return true;
  });
}
