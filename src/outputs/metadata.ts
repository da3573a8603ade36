import type { Archive, Item, LocalizedArchive } from "../archive.ts";
import type { JsonLdContext } from "../content-types/descriptor.ts";
import type { SourceData } from "../content-types/index.ts";
import { idsAt, idsOfTarget } from "../content/references.ts";
import type { Settings } from "../content/settings.ts";
import { timelineEventsShown } from "../long-lists.ts";
import type { SitePage } from "../site-pages.ts";
import { feedPaths, sectionPath, siteUrl, type SitePath } from "../urls.ts";

/** Everything a page's <head> says about it to search engines, reference managers and archives. */
export interface PageMetadata {
  title: string;
  description: string;
  canonical: string;
  alternates: Array<{ hreflang: string; href: string }>;
  /** Feed autodiscovery: site paths, linked relatively like every other link. */
  feeds: Array<{ type: string; path: SitePath; title: string }>;
  og: Array<{ property: string; content: string }>;
  dublinCore: Array<{ name: string; content: string }>;
  highwire: Array<{ name: string; content: string }>;
  jsonLd: JsonLd;
  /** The JSON-LD as text safe inside a <script> element. */
  jsonLdText: string;
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

/** Builds every metadata block of one page from the same archive data. */
export function pageMetadata(page: SitePage, archive: Archive): PageMetadata {
  const { settings } = archive;
  const loc = archive.byLanguage.get(page.lang) as LocalizedArchive;
  const language = loc.language;
  const siteName = settings.name[page.lang] ?? "";
  const canonical = siteUrl(settings, page.path);
  const title = page.kind === "home" || page.kind === "root" ? page.title : `${page.title} · ${siteName}`;
  const alternates = page.alternates.map((a) => ({ hreflang: a.lang, href: siteUrl(settings, a.path) }));
  const fallbackHome = page.alternates.find((a) => a.lang === archive.defaultLanguage);
  if (fallbackHome) alternates.push({ hreflang: "x-default", href: siteUrl(settings, fallbackHome.path) });
  const item = recordItem(page);
  const date = item?.date && item.date.precision !== "undated" ? item.date.iso : settings.published;
  const subjects = subjectsOf(page, loc);
  const sources = sourcesOf(item, loc);
  const publisher = settings.publisher;
  const feedLang = page.kind === "root" ? archive.defaultLanguage : page.lang;
  const feedName = settings.name[feedLang] ?? "";

  const jsonLd = {
    "@context": "https://schema.org",
    "@graph": [mainEntity(page, item, archive, loc, canonical), breadcrumbList(page, settings)],
  };
  return {
    title,
    description: page.description,
    canonical,
    alternates,
    feeds: [
      { type: "application/atom+xml", path: feedPaths(feedLang).atom, title: feedName },
      { type: "application/feed+json", path: feedPaths(feedLang).json, title: feedName },
    ],
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
      { name: "DCTERMS.date", content: date },
      { name: "DCTERMS.language", content: item?.textLang ?? page.lang },
      ...subjects.map((s) => ({ name: "DCTERMS.subject", content: s })),
      { name: "DCTERMS.identifier", content: canonical },
      ...sources.map((s) => ({ name: "DCTERMS.source", content: s.data.url ?? s.title })),
      { name: "DCTERMS.publisher", content: publisher },
      { name: "DCTERMS.license", content: settings.licence.url },
      { name: "DCTERMS.isPartOf", content: siteName },
    ],
    highwire: [
      { name: "citation_title", content: page.title },
      { name: "citation_author", content: publisher },
      { name: "citation_publication_date", content: settings.published.replaceAll("-", "/") },
      { name: "citation_publisher", content: publisher },
      { name: "citation_language", content: page.lang },
      { name: "citation_public_url", content: canonical },
      ...(page.description ? [{ name: "citation_abstract", content: page.description }] : []),
      ...(subjects.length > 0 ? [{ name: "citation_keywords", content: subjects.join("; ") }] : []),
    ],
    jsonLd,
    jsonLdText: jsonLdText(jsonLd),
  };
}

/** JSON for a <script type="application/ld+json">: "</" and "<!--" cannot end or confuse the element. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

// Open Graph locales are language_TERRITORY ("en_US"); a bare language stays as it is.
function ogLocale(locale: string): string {
  return locale.replace("-", "_");
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

function mainEntity(page: SitePage, item: Item | undefined, archive: Archive, loc: LocalizedArchive, canonical: string): JsonLd {
  const { settings } = archive;
  const base: JsonLd = {
    "@type": jsonLdTypeOf(page, loc),
    "@id": canonical,
    name: page.title,
    description: page.description || undefined,
    url: canonical,
    inLanguage: item?.textLang ?? page.lang,
  };
  const isArchive = page.kind === "home" || page.kind === "root";
  const work: JsonLd = {
    publisher: { "@type": "Organization", name: settings.publisher },
    license: settings.licence.url,
    datePublished: settings.published,
    ...(isArchive ? {} : { isPartOf: archiveNode(archive, page.lang) }),
  };
  const sources = sourcesOf(item, loc).map((s) => ({ "@type": "CreativeWork", name: s.title, ...(s.data.url ? { url: s.data.url } : {}) }));
  const citations = sources.length > 0 ? { citation: sources } : {};
  if (page.kind === "timeline" || page.kind === "timeline-year" || page.kind === "campaign-timeline") {
    const events = timelineEventsShown(page, loc);
    return { ...base, ...work, ...(events.length > 0 ? { subEvent: events.map((e) => ref(settings, e, "Event")) } : {}) };
  }
  const mapping = item && loc.types.get(item.type)?.jsonLd;
  if (!item || !mapping) return { ...base, ...work, ...citations };
  const properties = mapping.properties?.(item, jsonLdContext(settings, loc)) ?? {};
  if (!mapping.thing) return { ...base, ...work, ...properties, ...citations };
  // Items are things in the world (an event, an organization); this page is the record about them.
  const recordPage = { "@type": "WebPage", url: canonical, isPartOf: archiveNode(archive, page.lang), ...citations };
  return { ...base, ...properties, subjectOf: recordPage };
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

function breadcrumbList(page: SitePage, settings: Settings): JsonLd {
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
