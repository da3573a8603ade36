import path from "node:path";
import type { Archive, Item } from "./archive.ts";
import type { ContentTypeDescriptor } from "./content-types/descriptor.ts";
import { idsAt, referencedIds } from "./content/references.ts";
import { dateYear } from "./dates.ts";
import type { SitePage } from "./site-pages.ts";

/**
 * The items ("event:some-id") that a set of changed files holds, or undefined when any changed
 * file is not an item file (a layout, the settings, strings, a vocabulary): then every page may
 * change and all are rebuilt.
 */
export function changedItemKeys(changedFiles: string[], contentDir: string, types: ContentTypeDescriptor[]): Set<string> | undefined {
  const root = path.resolve(contentDir);
  const typeOfFolder = new Map(types.map((type) => [type.folder, type.name]));
  const keys = new Set<string>();
  for (const file of changedFiles) {
    const parts = path.relative(root, path.resolve(file)).split(path.sep);
    const type = parts.length === 3 ? typeOfFolder.get(parts[1] as string) : undefined;
    if (!type || !parts[2]?.endsWith(".md")) return undefined;
    keys.add(`${type}:${path.basename(parts[2], ".md")}`);
  }
  return keys;
}

/** The items and terms an item points at ("campaign:some-id", "topic:protest"): their pages list it, so they change with it. */
function referencedKeys(item: Item, type: ContentTypeDescriptor): string[] {
  // A vocabulary list's term pages have the list's singular name as their kind: topics → topic.
  const terms = (type.vocabulary ?? []).flatMap((ref) =>
    idsAt(item.data, ref.field).map(({ id }) => `${ref.list.replace(/s$/, "")}:${id}`),
  );
  return [...referencedIds(type, item.data).map((r) => `${r.target}:${r.id}`), ...terms];
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
        const [type, id] = key.split(":") as [string, string];
        const item = loc.byId[type]?.get(id);
        const descriptor = loc.types.get(type);
        if (!item || !descriptor) continue;
        for (const ref of referencedKeys(item, descriptor)) affected.add(ref);
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
