import type { Archive, Item, LocalizedArchive, Term } from "./archive.ts";
import type { Language } from "./content/settings.ts";
import { fillString } from "./content/strings.ts";
import { splitLongLists, timelineYearPages, type YearGroup } from "./long-lists.ts";
import type { Pager } from "./pagination.ts";
import type { ContentTypeDescriptor, Section } from "./content-types/descriptor.ts";
import { notFoundPath, rootNotFoundPath, rootOf, sitemapPath, sectionPath, subpagePath, type SitePath } from "./urls.ts";

/**
 * What a page is: an item's type ("event"), a listing a type declares ("campaigns"), or one of
 * the archive's own pages ("home", "timeline", "topic", "search", "data", "not-found").
 */
export type PageKind = string;

export interface Link {
  title: string;
  path: SitePath;
}

export interface Alternate {
  lang: string;
  name: string;
  dir: string;
  path: SitePath;
}

/** The links every page of a language offers, made once per language. */
export interface SiteNav {
  home: Link;
  /** The masthead's sections. */
  main: Link[];
  /** Every way into the archive: the home, search and not-found pages list them. */
  waysIn: Link[];
  /** The footer's links to the pages about the archive, when it has them. */
  footer: Link[];
  search: SitePath;
  campaigns: SitePath;
  coalitions: SitePath;
  sitemap: SitePath;
}

/** One HTML page of the site: what it shows, where it lives, how it relates to its translations. */
export interface SitePage {
  kind: PageKind;
  /** The Nunjucks layout of the page's main content. */
  layout: string;
  /** Identifies the same page across languages. */
  key: string;
  lang: string;
  dir: string;
  path: SitePath;
  /** The file Eleventy writes, relative to the output folder. */
  outputPath: string;
  /** Prefix that turns a site path into a link from this page. */
  root: string;
  title: string;
  description: string;
  item?: Item;
  term?: Term;
  /** On a topic or place page and their listings: the vocabulary list they show. */
  termList?: "topics" | "places";
  breadcrumbs: Link[];
  nav: SiteNav;
  alternates: Alternate[];
  /** The item's text is shown in another language than the page's. */
  fallback: boolean;
  /** When `fallback`, the name of the language the text is shown in. */
  fallbackLanguage?: string;
  /** Which part of a long list the page shows, when the list is split over pages (src/long-lists.ts). */
  pager?: Pager;
  /** A timeline year page's year and events. */
  yearGroup?: YearGroup;
}

type Draft = Omit<SitePage, "alternates" | "dir" | "root" | "outputPath" | "lang" | "fallbackLanguage" | "layout" | "nav"> & {
  outputPath?: string;
  layout?: string;
};

/** Lists every page of the site, in every language. */
export function listSitePages(archive: Archive): SitePage[] {
  const pages: SitePage[] = [];
  const navs = new Map([...archive.byLanguage].map(([code, loc]) => [code, navOf(loc)]));
  const root: SitePage = {
    ...finish(archive.languages.find((l) => l.code === archive.defaultLanguage) as Language, navs.get(archive.defaultLanguage) as SiteNav, {
      kind: "root",
      key: "root",
      path: "",
      title: archive.settings.name[archive.defaultLanguage] ?? "",
      description: archive.settings.description[archive.defaultLanguage] ?? "",
      breadcrumbs: [],
      fallback: false,
    }),
  };
  pages.push(root);
  for (const language of archive.languages) {
    const loc = archive.byLanguage.get(language.code) as LocalizedArchive;
    for (const draft of withLongListPages(pagesOf(loc, archive), loc)) {
      const page = finish(language, navs.get(language.code) as SiteNav, draft, archive.settings.pathPrefix);
      if (page.fallback && page.item) page.fallbackLanguage = languageNameIn(page.item.textLang, language, archive.languages);
      pages.push(page);
    }
  }
  const byKey = new Map<string, SitePage[]>();
  for (const page of pages) byKey.set(page.key, [...(byKey.get(page.key) ?? []), page]);
  for (const page of pages) {
    page.alternates = (byKey.get(page.key) ?? []).map((p) => {
      const language = archive.languages.find((l) => l.code === p.lang) as Language;
      return { lang: p.lang, name: language.name, dir: language.dir, path: p.path };
    });
  }
  // The language chooser is the alternate of every home page and lists them all.
  root.alternates = pages.filter((p) => p.kind === "home").map((p) => ({ ...(p.alternates.find((a) => a.lang === p.lang) as Alternate) }));
  // Hosts serve /404.html for a missing address anywhere: a copy of the default language's page.
  const notFound = pages.find((p) => p.kind === "not-found" && p.lang === archive.defaultLanguage);
  if (notFound) pages.push({ ...notFound, key: "root-not-found", path: rootNotFoundPath, outputPath: rootNotFoundPath });
  return pages;
}

/** The timeline's year pages, then every long list split into pages. */
function withLongListPages(drafts: Draft[], loc: LocalizedArchive): Draft[] {
  const timeline = drafts.find((d) => d.kind === "timeline");
  return splitLongLists([...drafts, ...(timeline ? timelineYearPages(timeline, loc) : [])], loc);
}

function finish(language: Language, nav: SiteNav, draft: Draft, pathPrefix = "/"): SitePage {
  const outputPath = draft.outputPath ?? `${draft.path}index.html`;
  // A 404 page is served at any address, so its links cannot be relative.
  const root = draft.kind === "not-found" ? pathPrefix : rootOf(draft.path);
  return {
    ...draft,
    layout: draft.layout ?? `kinds/${draft.kind}.njk`,
    nav,
    lang: language.code,
    dir: language.dir,
    outputPath,
    root,
    alternates: [],
  };
}

/** The masthead's sections, the ways in and the footer's links of one language. */
function navOf(loc: LocalizedArchive): SiteNav {
  const lang = loc.language.code;
  const t = (key: string) => loc.strings[key] ?? key;
  const link = (titleKey: string, ...segments: string[]): Link => ({ title: t(titleKey), path: sectionPath(lang, ...segments) });
  const about = loc.byId.page.get("about");
  const methodology = loc.byId.page.get("methodology");
  return {
    home: link("nav.home"),
    main: [
      link("nav.campaigns", "campaign"),
      link("nav.timeline", "timeline"),
      link("nav.goals", "goal"),
      link("nav.organizations", "organization"),
      link("nav.sources", "source"),
      link("nav.search", "search"),
    ],
    waysIn: [
      link("home.allEvents", "timeline"),
      link("nav.campaigns", "campaign"),
      link("nav.topics", "topic"),
      link("nav.places", "place"),
      link("nav.organizations", "organization"),
      link("nav.people", "person"),
      link("nav.goals", "goal"),
      link("nav.sources", "source"),
      link("data.title", "data"),
    ],
    // Methodology is linked beside the about page, never alone.
    // The data page closes the footer on every page, so reusers find it from anywhere.
    footer: [
      ...(about
        ? [
            { title: t("site.aboutLink"), path: about.path },
            ...(methodology ? [{ title: t("site.methodologyLink"), path: methodology.path }] : []),
          ]
        : []),
      link("data.title", "data"),
    ],
    search: sectionPath(lang, "search"),
    campaigns: sectionPath(lang, "campaign"),
    coalitions: sectionPath(lang, "coalitions"),
    sitemap: sitemapPath,
  };
}

/** The pages of one language: home, the listings, then every item's pages, then the topic and place pages. */
function pagesOf(loc: LocalizedArchive, archive: Archive): Draft[] {
  const lang = loc.language.code;
  const t = (key: string) => loc.strings[key] ?? key;
  const home: Link = { title: t("nav.home"), path: sectionPath(lang) };
  const drafts: Draft[] = [
    {
      kind: "home",
      key: "home",
      path: home.path,
      title: archive.settings.name[lang] ?? "",
      description: archive.settings.description[lang] ?? "",
      breadcrumbs: [],
      fallback: false,
    },
  ];
  // Each type's listings: the first is its items' parent, the others sit below it.
  const parents = new Map<string, Link>();
  for (const type of loc.types.values()) {
    const [first, ...more] = type.sections ?? [];
    if (!first) continue;
    const parent = { title: t(first.titleKey), path: sectionPath(lang, first.segment) };
    parents.set(type.name, parent);
    drafts.push(listing(first, parent, [home, parent], t));
    for (const section of more) {
      const link = { title: t(section.titleKey), path: sectionPath(lang, section.segment) };
      drafts.push(listing(section, link, [home, parent, link], t));
    }
  }
  const topics = { title: t("nav.topics"), path: sectionPath(lang, "topic") };
  const places = { title: t("nav.places"), path: sectionPath(lang, "place") };
  drafts.push(
    {
      ...listing({ kind: "topics", descriptionKey: "topics.description" }, topics, [home, topics], t),
      layout: "kinds/terms.njk",
      termList: "topics",
    },
    {
      ...listing({ kind: "places", descriptionKey: "places.description" }, places, [home, places], t),
      layout: "kinds/terms.njk",
      termList: "places",
    },
  );
  for (const [kind, key] of [
    ["search", "search"],
    ["data", "data"],
  ] as const) {
    const link = { title: t(`${key}.title`), path: sectionPath(lang, kind) };
    drafts.push(listing({ kind, descriptionKey: `${key}.description` }, link, [home, link], t));
  }
  drafts.push({
    kind: "not-found",
    key: "not-found",
    path: notFoundPath(lang),
    outputPath: notFoundPath(lang),
    title: t("notFound.title"),
    description: t("notFound.description"),
    breadcrumbs: [home],
    fallback: false,
  });
  for (const type of loc.types.values()) {
    const parent = parents.get(type.name);
    for (const item of loc.itemsOf[type.name] ?? []) drafts.push(...itemPages(type, item, parent ? [home, parent] : [home], t));
  }
  for (const topic of loc.topics) if (loc.eventsByTopic.has(topic.id)) drafts.push(termPage("topic", "topics", topic, [home, topics], t));
  for (const place of loc.places) if (loc.eventsByPlace.has(place.id)) drafts.push(termPage("place", "places", place, [home, places], t));
  return drafts;
}

function listing(section: Pick<Section, "kind" | "descriptionKey">, link: Link, breadcrumbs: Link[], t: (key: string) => string): Draft {
  return {
    kind: section.kind,
    key: section.kind,
    path: link.path,
    title: link.title,
    description: t(section.descriptionKey),
    breadcrumbs,
    fallback: false,
  };
}

/** An item's own page, and the pages its type adds below it (a campaign's timeline). */
function itemPages(type: ContentTypeDescriptor, item: Item, parents: Link[], t: (key: string) => string): Draft[] {
  const own: Link = { title: item.title, path: item.path };
  const page: Draft = {
    kind: type.name,
    layout: type.layout,
    key: `${type.name}:${item.id}`,
    path: item.path,
    title: item.title,
    description: item.summary || item.title,
    item,
    breadcrumbs: [...parents, own],
    fallback: item.fallback,
  };
  const subpages = (type.subpages?.(item, t) ?? []).map((sub): Draft => {
    const path = subpagePath(item.path, sub.segment);
    return {
      kind: sub.kind,
      key: `${sub.kind}:${item.id}`,
      path,
      title: sub.title,
      description: sub.description,
      item,
      breadcrumbs: [...parents, own, { title: sub.crumb, path }],
      fallback: item.fallback,
    };
  });
  return [page, ...subpages];
}

function termPage(kind: PageKind, termList: "topics" | "places", term: Term, parents: Link[], t: (key: string) => string): Draft {
  return {
    kind,
    layout: "kinds/term.njk",
    termList,
    key: `${kind}:${term.id}`,
    path: term.path,
    title: term.label,
    description: fillString(t(`${kind}.description`), { label: term.label }),
    term,
    breadcrumbs: [...parents, { title: term.label, path: term.path }],
    fallback: false,
  };
}

/**
 * A language's name as a reader of `reader` calls it ("inglés" on a Spanish page), from the
 * platform's CLDR data; the language's own name where the platform has none.
 */
export function languageNameIn(code: string, reader: Language, languages: Language[]): string {
  const name = new Intl.DisplayNames([reader.locale, reader.code], { type: "language", fallback: "none" }).of(code);
  return name ?? languages.find((l) => l.code === code)?.name ?? code;
}
