import type { Archive, Item, LocalizedArchive, Term } from "./archive.ts";
import type { Language } from "./content/settings.ts";
import { fillString } from "./content/strings.ts";
import { rootOf, sectionPath, type SitePath } from "./urls.ts";

export type PageKind =
  | "root"
  | "home"
  | "campaigns"
  | "campaign"
  | "campaign-timeline"
  | "event"
  | "timeline"
  | "goals"
  | "goal"
  | "organizations"
  | "shared-organizations"
  | "organization"
  | "people"
  | "person"
  | "sources"
  | "source"
  | "topics"
  | "topic"
  | "places"
  | "place"
  | "page"
  | "search"
  | "data"
  | "not-found";

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

/** One HTML page of the site: what it shows, where it lives, how it relates to its translations. */
export interface SitePage {
  kind: PageKind;
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
  breadcrumbs: Link[];
  alternates: Alternate[];
  /** The item's text is shown in another language than the page's. */
  fallback: boolean;
  /** When `fallback`, the name of the language the text is shown in. */
  fallbackLanguage?: string;
}

type Draft = Omit<SitePage, "alternates" | "dir" | "root" | "outputPath" | "lang" | "fallbackLanguage"> & { outputPath?: string };

/** Lists every page of the site, in every language. */
export function listSitePages(archive: Archive): SitePage[] {
  const pages: SitePage[] = [];
  const root: SitePage = {
    ...finish(archive.languages.find((l) => l.code === archive.defaultLanguage) as Language, {
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
    for (const draft of pagesOf(loc, archive)) {
      const page = finish(language, draft, archive.settings.pathPrefix);
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
  if (notFound) pages.push({ ...notFound, key: "root-not-found", path: "404.html", outputPath: "404.html" });
  return pages;
}

function finish(language: Language, draft: Draft, pathPrefix = "/"): SitePage {
  const outputPath = draft.outputPath ?? `${draft.path}index.html`;
  // A 404 page is served at any address, so its links cannot be relative.
  const root = draft.kind === "not-found" ? pathPrefix : rootOf(draft.path);
  return { ...draft, lang: language.code, dir: language.dir, outputPath, root, alternates: [] };
}

function pagesOf(loc: LocalizedArchive, archive: Archive): Draft[] {
  const lang = loc.language.code;
  const t = (key: string) => loc.strings[key] ?? key;
  const home: Link = { title: t("nav.home"), path: sectionPath(lang) };
  const section = (segment: string, titleKey: string): Link => ({ title: t(titleKey), path: sectionPath(lang, segment) });
  const sections = {
    campaigns: section("campaign", "nav.campaigns"),
    timeline: section("timeline", "nav.timeline"),
    goals: section("goal", "nav.goals"),
    organizations: section("organization", "nav.organizations"),
    people: section("person", "nav.people"),
    sources: section("source", "nav.sources"),
    topics: section("topic", "nav.topics"),
    places: section("place", "nav.places"),
  };
  const siteName = archive.settings.name[lang] ?? "";
  const listing = (kind: PageKind, link: Link, descriptionKey: string, extra: Partial<Draft> = {}): Draft => ({
    kind,
    key: kind,
    path: link.path,
    title: link.title,
    description: t(descriptionKey),
    breadcrumbs: [home, link],
    fallback: false,
    ...extra,
  });
  const itemPage = (kind: PageKind, item: Item, parent: Link): Draft => ({
    kind,
    key: `${kind}:${item.id}`,
    path: item.path,
    title: item.title,
    description: item.summary || item.title,
    item,
    breadcrumbs: [home, parent, { title: item.title, path: item.path }],
    fallback: item.fallback,
  });
  const termPage = (kind: PageKind, term: Term, parent: Link): Draft => ({
    kind,
    key: `${kind}:${term.id}`,
    path: term.path,
    title: term.label,
    description: fillString(t(`${kind}.description`), { label: term.label }),
    term,
    breadcrumbs: [home, parent, { title: term.label, path: term.path }],
    fallback: false,
  });

  const drafts: Draft[] = [
    { kind: "home", key: "home", path: home.path, title: siteName, description: archive.settings.description[lang] ?? "", breadcrumbs: [], fallback: false },
    listing("campaigns", sections.campaigns, "campaigns.description"),
    listing("timeline", sections.timeline, "timeline.description"),
    listing("goals", sections.goals, "goals.description"),
    listing("organizations", sections.organizations, "organizations.description"),
    listing(
      "shared-organizations",
      { title: t("shared.title"), path: sectionPath(lang, "coalitions") },
      "shared.description",
      { breadcrumbs: [home, sections.organizations, { title: t("shared.title"), path: sectionPath(lang, "coalitions") }] },
    ),
    listing("people", sections.people, "people.description"),
    listing("sources", sections.sources, "sources.description"),
    listing("topics", sections.topics, "topics.description"),
    listing("places", sections.places, "places.description"),
    listing("search", { title: t("search.title"), path: sectionPath(lang, "search") }, "search.description"),
    listing("data", { title: t("data.title"), path: sectionPath(lang, "data") }, "data.description"),
    {
      kind: "not-found",
      key: "not-found",
      path: `${lang}/404.html`,
      outputPath: `${lang}/404.html`,
      title: t("notFound.title"),
      description: t("notFound.description"),
      breadcrumbs: [home],
      fallback: false,
    },
  ];
  for (const campaign of loc.campaigns) {
    drafts.push(itemPage("campaign", campaign, sections.campaigns));
    const path = `${campaign.path}timeline/`;
    drafts.push({
      kind: "campaign-timeline",
      key: `campaign-timeline:${campaign.id}`,
      path,
      title: fillString(t("campaignTimeline.title"), { campaign: campaign.title }),
      description: fillString(t("campaignTimeline.description"), { campaign: campaign.title }),
      item: campaign,
      breadcrumbs: [home, sections.campaigns, { title: campaign.title, path: campaign.path }, { title: t("nav.timeline"), path }],
      fallback: campaign.fallback,
    });
  }
  for (const event of loc.events) drafts.push(itemPage("event", event, sections.timeline));
  for (const goal of loc.goals) drafts.push(itemPage("goal", goal, sections.goals));
  for (const organization of loc.organizations) drafts.push(itemPage("organization", organization, sections.organizations));
  for (const person of loc.people) drafts.push(itemPage("person", person, sections.people));
  for (const source of loc.sources) drafts.push(itemPage("source", source, sections.sources));
  for (const page of loc.pages) drafts.push({ ...itemPage("page", page, home), breadcrumbs: [home, { title: page.title, path: page.path }] });
  for (const topic of loc.topics) if (loc.eventsByTopic.has(topic.id)) drafts.push(termPage("topic", topic, sections.topics));
  for (const place of loc.places) if (loc.eventsByPlace.has(place.id)) drafts.push(termPage("place", place, sections.places));
  return drafts;
}

/**
 * A language's name as a reader of `reader` calls it ("inglés" on a Spanish page), from the
 * platform's CLDR data; the language's own name where the platform has none.
 */
export function languageNameIn(code: string, reader: Language, languages: Language[]): string {
  const name = new Intl.DisplayNames([reader.locale, reader.code], { type: "language", fallback: "none" }).of(code);
  return name ?? languages.find((l) => l.code === code)?.name ?? code;
}
