import path from "node:path";
import type { Archive, Item, LocalizedArchive } from "./archive.ts";
import type { ContentTypeDescriptor } from "./content-types/descriptor.ts";
import { idsAt, referencedKeys } from "./content/references.ts";
import { dateYear } from "./dates.ts";
import { shownEntries } from "./long-lists.ts";
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
function pointedAt(item: Item, type: ContentTypeDescriptor): string[] {
  // A vocabulary list's term pages have the list's singular name as their kind: topics → topic.
  const terms = (type.vocabulary ?? []).flatMap((ref) =>
    idsAt(item.data, ref.field).map(({ id }) => `${ref.list.replace(/s$/, "")}:${id}`),
  );
  return [...referencedKeys(type, item.data), ...terms];
}

/** A site as a dev rebuild compares it before and after a change. */
interface SiteState {
  archive: Archive;
  pages: SitePage[];
}

/**
 * The pages a change to some items can alter: those items' own pages, the pages of every item,
 * topic and place they point at and of every item pointing at them (before and after the
 * change), the events next to them, the pages of split lists that show them or whose split
 * moved, and the listings and home pages, which are few. Everything else is unchanged.
 */
export function affectedPages(after: SiteState, changed: Set<string>, before: SiteState): SitePage[] {
  const archives = [before.archive, after.archive];
  const affected = new Set(changed);
  // Events next to a changed one: their own pages show its title; the lists they are in do not.
  const neighbours = new Set<string>();
  // The timeline years ("en:1994", "en:undated") the changed events sit in, before and after.
  const years = new Set<string>();
  for (const archive of archives) {
    for (const loc of archive.byLanguage.values()) {
      for (const key of changed) {
        const [type, id] = key.split(":") as [string, string];
        const item = loc.byId[type]?.get(id);
        const descriptor = loc.types.get(type);
        if (!item || !descriptor) continue;
        for (const ref of pointedAt(item, descriptor)) affected.add(ref);
        if (type === "event") years.add(`${loc.language.code}:${(item.date && dateYear(item.date)) ?? "undated"}`);
        const index = loc.eventIndex.get(id);
        if (type === "event" && index !== undefined) {
          for (const neighbour of [loc.events[index - 1], loc.events[index + 1]]) if (neighbour) neighbours.add(`event:${neighbour.id}`);
        }
      }
      for (const key of pointingAt(loc, changed)) affected.add(key);
    }
  }
  const pagesBefore = new Map(before.pages.filter((page) => page.pager).map((page) => [page.outputPath, page]));
  return after.pages.filter((page) => {
    if (page.pager) return splitPageAffected(page, pagesBefore.get(page.outputPath), { after, before, changed, affected });
    if (page.item) return affected.has(`${page.item.type}:${page.item.id}`) || neighbours.has(`${page.item.type}:${page.item.id}`);
    // A topic or place page lists only its own events, a timeline year page only its year's.
    if (page.term) return affected.has(`${page.kind}:${page.term.id}`);
    if (page.yearGroup) return years.has(`${page.lang}:${page.yearGroup.year ?? "undated"}`);
    return true;
  });
}

/**
 * The items that point at a changed item ("event:x" naming "campaign:y"): their pages show its
 * name. Only items of a type something points at are looked for; an event is not one.
 */
function pointingAt(loc: LocalizedArchive, changed: Set<string>): string[] {
  const targets = new Set([...loc.types.values()].flatMap((type) => (type.references ?? []).map((ref) => ref.target)));
  if (![...changed].some((key) => targets.has(key.split(":")[0] as string))) return [];
  const keys: string[] = [];
  for (const [type, byId] of Object.entries(loc.byId)) {
    const descriptor = loc.types.get(type);
    if (!descriptor?.references?.length) continue;
    for (const item of byId.values()) {
      if (referencedKeys(descriptor, item.data).some((key) => changed.has(key))) keys.push(`${type}:${item.id}`);
    }
  }
  return keys;
}

/**
 * Whether one page of a split list changes: when the item it belongs to changed, when the split
 * moved (another number of pages, other entries on this one, another total), or when an entry
 * it shows is among the affected items. A page new to the list is always built.
 */
function splitPageAffected(
  page: SitePage,
  previous: SitePage | undefined,
  sites: { after: SiteState; before: SiteState; changed: Set<string>; affected: Set<string> },
): boolean {
  if (!previous?.pager || previous.pager.count !== page.pager?.count) return true;
  if (page.item && sites.changed.has(`${page.item.type}:${page.item.id}`)) return true;
  const locAfter = sites.after.archive.byLanguage.get(page.lang);
  const locBefore = sites.before.archive.byLanguage.get(previous.lang);
  if (!locAfter || !locBefore) return true;
  const now = shownEntries(page, locAfter);
  const then = shownEntries(previous, locBefore);
  if (now.total !== then.total || now.keys.join("\n") !== then.keys.join("\n")) return true;
  return now.keys.some((key) => sites.affected.has(key));
}
