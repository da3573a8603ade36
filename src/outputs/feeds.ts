import { DateTime } from "luxon";
import { XMLBuilder } from "fast-xml-parser";
import type { Archive, Item, LocalizedArchive } from "../archive.ts";
import { publisherIn } from "../content/settings.ts";
import { feedPaths, sectionPath, siteUrl } from "../urls.ts";

/** Every item of one language, newest dated items first and undated ones after, each type in registry order. */
export function feedItems(loc: LocalizedArchive): Item[] {
  const items: Item[] = Object.values(loc.itemsOf).flat();
  const dated = items
    .filter((i) => i.date && i.date.precision !== "undated")
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  return [...dated, ...items.filter((i) => !dated.includes(i))];
}

// Entries change when the archive is republished, so they carry its publication date.
function updated(archive: Archive): string {
  // RFC 3339, as Atom requires: "2026-01-01T00:00:00Z".
  return DateTime.fromISO(archive.settings.published, { zone: "utc" }).toISO({ suppressMilliseconds: true }) as string;
}

/**
 * An item's own date as a feed timestamp, where the sources give the day: a month or a year
 * cannot become a timestamp without a day nobody knows, so those entries keep the edition's date.
 */
export function itemTimestamp(item: Item): string | undefined {
  if (item.date?.precision !== "day" || item.date.approximate) return undefined;
  return DateTime.fromISO(item.date.iso, { zone: "utc" }).toISO({ suppressMilliseconds: true }) as string;
}

/** An Atom 1.0 feed (RFC 4287) of one language's items. */
export function atomFeed(archive: Archive, lang: string): string {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  const { settings } = archive;
  const t = (key: string) => loc.strings[key] ?? key;
  const feed = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": lang,
      id: siteUrl(settings, feedPaths(lang).atom),
      title: settings.name[lang],
      subtitle: settings.description[lang],
      updated: updated(archive),
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": siteUrl(settings, feedPaths(lang).atom) },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": siteUrl(settings, sectionPath(lang)) },
      ],
      author: { name: publisherIn(settings, lang) },
      rights: settings.licence.name,
      entry: feedItems(loc).map((item) => ({
        id: siteUrl(settings, item.path),
        title: item.title,
        ...(itemTimestamp(item) ? { published: itemTimestamp(item) } : {}),
        updated: updated(archive),
        link: { "@_rel": "alternate", "@_type": "text/html", "@_href": siteUrl(settings, item.path) },
        category: { "@_term": item.type, "@_label": t(`type.${item.type}`) },
        summary: [item.dateText, item.summary].filter(Boolean).join(" — ") || item.title,
      })),
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(feed);
}

/** A JSON Feed 1.1 (jsonfeed.org) of one language's items. */
export function jsonFeed(archive: Archive, lang: string): string {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  const { settings } = archive;
  const published = updated(archive);
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: settings.name[lang],
      description: settings.description[lang],
      home_page_url: siteUrl(settings, sectionPath(lang)),
      feed_url: siteUrl(settings, feedPaths(lang).json),
      language: lang,
      authors: [{ name: publisherIn(settings, lang) }],
      items: feedItems(loc).map((item) => ({
        id: siteUrl(settings, item.path),
        url: siteUrl(settings, item.path),
        title: item.title,
        content_text: [item.dateText, item.summary].filter(Boolean).join(" — ") || item.title,
        date_published: itemTimestamp(item) ?? published,
        date_modified: published,
        tags: [item.type],
        language: item.textLang,
      })),
    },
    null,
    2,
  )}\n`;
}
