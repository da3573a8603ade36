import type { Archive, Item, LocalizedArchive } from "../archive.ts";
import type { JsonLdContext } from "../content-types/descriptor.ts";
import type { SourceData } from "../content-types/index.ts";
import { idsAt, idsOfTarget } from "../content/references.ts";
import { publisherIn, type Settings } from "../content/settings.ts";
import { timelineEventsShown } from "../long-lists.ts";
import type { SitePage } from "../site-pages.ts";
import { dataDownloads } from "./open-data.ts";
import { feedPaths, sectionPath, siteUrl, type SitePath } from "../urls.ts";

/** Everything a page's <head> says about it to search engines, reference managers and archives. */
export interface PageMetadata {
  title: string;
  description: string;
  /** Absent on a page that describes nothing (404): nothing there should be indexed or cited. */
  canonical?: string;
  robots?: string;
  alternates: Array<{ hreflang: string; href: string }>;
  /** Feed autodiscovery: site paths, linked relatively like every other link. */
  feeds: Array<{ type: string; path: SitePath; title: string }>;
  og: Array<{ property: string; content: string }>;
  dublinCore: Array<{ name: string; content: string }>;
  jsonLd?: JsonLd;
  /** The JSON-LD as text safe inside a <script> element. */
  jsonLdText?: string;
}

type JsonLd = Record<string, unknown>;

/** The schema.org type of a page's main subject: an item's type says it; other pages are collections unless listed. */
const pageTypes: Record<string, string> = {
  "campaign-timeline": "EventSeries",
  timeline: "EventSeries",
  "timeline-year": "EventSeries",
  search: "WebPage",
  "not-found": "WebPage",
  data: "Dataset",
};

export function jsonLdTypeOf(page: SitePage, loc: LocalizedArchive): string {
  const item = recordItem(page);
  return (item && loc.types.get(item.type)?.jsonLd.type) ?? pageTypes[page.kind] ?? "Collection";
}

/** The item a page is the record of: its own page, not a page about it such as a campaign's timeline. */
function recordItem(page: SitePage): Item | undefined {
  return page.item && page.item.path === page.path ? page.item : undefined;
}

/**
 * Builds every metadata block of one page from the same archive data. Reference managers read
 * these tags (Zotero's Embedded Metadata translator: Dublin Core and Open Graph), so they say
 * what the page is, a web page of the archive: no Highwire `citation_*` tags, which make Zotero
 * import a journal article and split the publisher into a person's names (docs/real-clients.md).
 */
export function pageMetadata(page: SitePage, archive: Archive): PageMetadata {
  const { settings } = archive;
  const loc = archive.byLanguage.get(page.lang) as LocalizedArchive;
  const language = loc.language;
  const siteName = settings.name[page.lang] ?? "";
  const title = page.kind === "home" || page.kind === "root" ? page.title : `${page.title} · ${siteName}`;
  const feedLang = page.kind === "root" ? archive.defaultLanguage : page.lang;
  const feedName = settings.name[feedLang] ?? "";
  const feeds = [
    { type: "application/atom+xml", path: feedPaths(feedLang).atom, title: feedName },
    { type: "application/feed+json", path: feedPaths(feedLang).json, title: feedName },
  ];
  if (page.kind === "not-found")
    return { title, description: page.description, robots: "noindex", alternates: [], feeds, og: [], dublinCore: [] };

  const canonical = siteUrl(settings, page.path);
  const alternates = page.alternates.map((a) => ({ hreflang: a.lang, href: siteUrl(settings, a.path) }));
  // x-default: the root chooser is its own; every other page falls back to the default language.
  const xDefault = page.kind === "root" ? page.path : page.alternates.find((a) => a.lang === archive.defaultLanguage)?.path;
  if (xDefault !== undefined) alternates.push({ hreflang: "x-default", href: siteUrl(settings, xDefault) });
  const item = recordItem(page);
  const subjects = subjectsOf(page, loc);
  const sources = sourcesOf(item, loc);
  const publisher = publisherIn(settings, page.lang);
  const crumbs = breadcrumbList(page, settings);

  const jsonLd = {
    "@context": "https://schema.org",
    "@graph": [mainEntity(page, item, archive, loc, canonical), ...(crumbs ? [crumbs] : [])],
  };
  return {
    title,
    description: page.description,
    canonical,
    alternates,
    feeds,
    og: [
      { property: "og:title", content: page.title },
      { property: "og:description", content: page.description },
      { property: "og:url", content: canonical },
      { property: "og:type", content: item ? "article" : "website" },
      { property: "og:site_name", content: siteName },
      { property: "og:locale", content: ogLocale(language.locale) },
      ...page.alternates
        .filter((a) => a.lang !== page.lang)
        .map((a) => ({
          property: "og:locale:alternate",
          content: ogLocale(archive.languages.find((l) => l.code === a.lang)?.locale ?? a.lang),
        })),
    ],
    dublinCore: [
      { name: "DCTERMS.title", content: page.title },
      // The page's own publication date, not its subject's (an event of 2010 is recorded in this edition).
      { name: "DCTERMS.date", content: settings.published },
      { name: "DCTERMS.language", content: item?.textLang ?? page.lang },
      ...subjects.map((s) => ({ name: "DCTERMS.subject", content: s })),
      { name: "DCTERMS.identifier", content: canonical },
      // `references`, not `source`: Zotero reads DCTERMS.source as the journal an article appeared in.
      ...sources.map((s) => ({ name: "DCTERMS.references", content: s.data.url ?? s.title })),
      { name: "DCTERMS.publisher", content: publisher },
      { name: "DCTERMS.license", content: settings.licence.url },
      { name: "DCTERMS.isPartOf", content: siteName },
    ],
    jsonLd,
    jsonLdText: jsonLdText(jsonLd),
  };
}

/** JSON for a <script type="application/ld+json">: "</" and "<!--" cannot end or confuse the element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

// Every page asks for its languages' tags, and `maximize` is slow enough to show in a profile.
const ogLocales = new Map<string, string>();

// Open Graph locales are language_TERRITORY ("en_US"); a bare language takes its likely territory ("es" → "es_ES").
export function ogLocale(locale: string): string {
  let tag = ogLocales.get(locale);
  if (tag === undefined) {
    const { language, region } = new Intl.Locale(locale).maximize();
    tag = region ? `${language}_${region}` : language;
    ogLocales.set(locale, tag);
  }
  return tag;
}

/** What a page is about: its term, or the campaigns and vocabulary terms its item names. */
function subjectsOf(page: SitePage, loc: LocalizedArchive): string[] {
  if (page.term) return [page.term.label];
  const item = page.item;
  const type = item && loc.types.get(item.type);
  if (!item || !type) return [];
  // Campaigns named by the item's own fields, not those of its roles.
  const campaignIds = (type.references ?? [])
    .filter((r) => r.target === "campaign" && !r.field.includes("."))
    .flatMap((r) => idsAt(item.data, r.field).map((x) => x.id));
  const terms = (type.vocabulary ?? []).flatMap((ref) => {
    const byId = loc.termById[ref.list as keyof LocalizedArchive["termById"]];
    return byId ? idsAt(item.data, ref.field).map(({ id }) => byId.get(id)?.label) : [];
  });
  return [...campaignIds.map((id) => loc.byId.campaign?.get(id)?.title), ...terms].filter((s): s is string => Boolean(s));
}

/** The documents an item cites, in the order it names them. */
function sourcesOf(item: Item | undefined, loc: LocalizedArchive): Array<Item<SourceData>> {
  const type = item && loc.types.get(item.type);
  if (!item || !type) return [];
  return idsOfTarget(type, item.data, "source")
    .map((id) => loc.byId.source?.get(id) as Item<SourceData> | undefined)
    .filter((s): s is Item<SourceData> => Boolean(s));
}

function archiveNode(archive: Archive, lang: string): JsonLd {
  const { settings } = archive;
  return {
    "@type": "Collection",
    "@id": siteUrl(settings, sectionPath(lang)),
    name: settings.name[lang],
    url: siteUrl(settings, sectionPath(lang)),
  };
}

function ref(settings: Settings, item: Item, type: string): JsonLd {
  return { "@type": type, "@id": siteUrl(settings, item.path), name: item.title, url: siteUrl(settings, item.path) };
}

// schema.org gives `inLanguage` to works and events, not to agents.
const agentTypes = new Set(["NGO", "Organization", "Person"]);

// A property whose list is empty says nothing: leave it out.
function list(name: string, values: unknown[]): JsonLd {
  const present = values.filter((v) => v !== undefined);
  return present.length > 0 ? { [name]: present } : {};
}

function mainEntity(page: SitePage, item: Item | undefined, archive: Archive, loc: LocalizedArchive, canonical: string): JsonLd {
  const { settings } = archive;
  const type = jsonLdTypeOf(page, loc);
  const base: JsonLd = {
    "@type": type,
    "@id": canonical,
    name: page.title,
    description: page.description || undefined,
    url: canonical,
    ...(agentTypes.has(type) ? {} : { inLanguage: item?.textLang ?? page.lang }),
  };
  const isArchive = page.kind === "home" || page.kind === "root";
  const publisher = { "@type": "Organization", name: publisherIn(settings, page.lang) };
  const work: JsonLd = {
    publisher,
    license: settings.licence.url,
    datePublished: settings.published,
    ...(isArchive ? {} : { isPartOf: archiveNode(archive, page.lang) }),
  };
  const sources = sourcesOf(item, loc).map((s) => ({ "@type": "CreativeWork", name: s.title, ...(s.data.url ? { url: s.data.url } : {}) }));
  const citations = list("citation", sources);
  if (page.kind === "timeline" || page.kind === "timeline-year" || page.kind === "campaign-timeline") {
    // An EventSeries is an event, not a work: who published the page goes on the page.
    const events = timelineEventsShown(page, loc);
    return {
      ...base,
      ...list(
        "subEvent",
        events.map((e) => ref(settings, e, "Event")),
      ),
      subjectOf: { "@type": "WebPage", url: canonical, ...work },
    };
  }
  if (page.kind === "data") {
    return {
      ...base,
      ...work,
      creator: publisher,
      distribution: dataDownloads(archive, page.lang)
        .filter((d) => d.name !== "feed")
        .flatMap((d) =>
          d.formats.map((f) => ({
            "@type": "DataDownload",
            name: `${d.name}.${f.title.toLowerCase()}`,
            contentUrl: siteUrl(settings, f.path),
            encodingFormat: mediaTypes[f.title],
          })),
        ),
    };
  }
  const mapping = item && loc.types.get(item.type)?.jsonLd;
  if (!item || !mapping) return { ...base, ...work, ...citations };
  const properties = withoutEmptyLists(mapping.properties?.(item, jsonLdContext(settings, loc)) ?? {});
  if (!mapping.thing) return { ...base, ...work, ...properties, ...citations };
  // Items are things in the world (an event, an organization); this page is the record about them.
  const recordPage = { "@type": "WebPage", url: canonical, inLanguage: item.textLang, ...work, ...citations };
  return { ...base, ...properties, subjectOf: recordPage };
}

// A property whose list is empty (or names nothing found) says nothing: leave it out.
function withoutEmptyLists(properties: JsonLd): JsonLd {
  return Object.fromEntries(
    Object.entries(properties).flatMap(([name, value]) => (Array.isArray(value) ? Object.entries(list(name, value)) : [[name, value]])),
  );
}

function jsonLdContext(settings: Settings, loc: LocalizedArchive): JsonLdContext {
  return {
    settings,
    loc,
    url: (path) => siteUrl(settings, path),
    ref: (item, type) => ref(settings, item, type),
    roles: (memberships, node) =>
      memberships.filter((m) => m.role !== "referenced").map((m) => ({ "@type": "OrganizationRole", roleName: m.role, ...node(m) })),
  };
}

const mediaTypes: Record<string, string> = { CSV: "text/csv", JSON: "application/json" };

// A page at the top of the archive has no trail to describe.
function breadcrumbList(page: SitePage, settings: Settings): JsonLd | undefined {
  if (page.breadcrumbs.length === 0) return undefined;
  return {
    "@type": "BreadcrumbList",
    itemListElement: page.breadcrumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.title,
      item: siteUrl(settings, crumb.path),
    })),
  };
}
