import { DateTime } from "luxon";
import type { Archive, LocalizedArchive } from "../archive.ts";
import { publisherIn, type Settings } from "../content/settings.ts";
import { fillString, type Strings } from "../content/strings.ts";
import { citationPaths, sectionPath, siteUrl, type SitePath } from "../urls.ts";
import type { SitePage } from "../site-pages.ts";

/** What a citation names: one page of the archive, or the archive as a whole. */
export interface CitedWork {
  /** Citation key and CSL id: unique per page and language. */
  key: string;
  title: string;
  url: string;
  lang: string;
  locale: string;
  abstract?: string;
  /** The archive itself: it is its own container. */
  isArchive: boolean;
}

/** What every citation of one language shares: who publishes, when, and the reader's words. */
export interface CitationContext {
  siteName: string;
  publisher: string;
  /** "YYYY-MM-DD" */
  published: string;
  /** "YYYY-MM-DD" */
  accessed: string;
  strings: Strings;
}

export type CitationStyle = "chicago" | "apa" | "mla";

export interface Citation {
  style: CitationStyle;
  /** Runs of text; titles that the style sets in italics are marked. */
  parts: Array<{ text: string; italic?: boolean }>;
  text: string;
}

/** Where a page's citation files live: next to its index.html. */
export interface CitationFiles {
  bib: SitePath;
  json: SitePath;
}

/**
 * The date citations give as accessed: the settings' `accessed`, else the day SOURCE_DATE_EPOCH
 * names (the reproducible-builds convention: seconds since 1970, UTC), else the day of the build.
 */
export function accessDate(settings: Settings, now: Date = new Date(), epoch = process.env.SOURCE_DATE_EPOCH): string {
  if (settings.accessed) return settings.accessed;
  if (epoch && /^\d+$/.test(epoch)) return DateTime.fromSeconds(Number(epoch), { zone: "utc" }).toISODate() as string;
  return DateTime.fromJSDate(now).toISODate() as string;
}

export function citationContext(archive: Archive, lang: string, accessed: string): CitationContext {
  const loc = archive.byLanguage.get(lang) as LocalizedArchive;
  return {
    siteName: archive.settings.name[lang] ?? "",
    publisher: publisherIn(archive.settings, lang),
    published: archive.settings.published,
    accessed,
    strings: loc.strings,
  };
}

/** The work a page cites: an item page cites the item, a home page cites the archive; other pages cite nothing. */
export function citedWorkOf(page: SitePage, archive: Archive): CitedWork | undefined {
  const locale = archive.languages.find((l) => l.code === page.lang)?.locale ?? page.lang;
  if (page.kind === "home") {
    return {
      key: `archive-${page.lang}`,
      title: archive.settings.name[page.lang] ?? page.title,
      url: siteUrl(archive.settings, sectionPath(page.lang)),
      lang: page.lang,
      locale,
      abstract: archive.settings.description[page.lang],
      isArchive: true,
    };
  }
  const item = page.item;
  if (!item || item.path !== page.path) return undefined;
  return {
    key: `${item.type}-${item.id}-${page.lang}`,
    title: item.title,
    url: siteUrl(archive.settings, item.path),
    lang: item.textLang,
    locale,
    abstract: item.summary || undefined,
    isArchive: false,
  };
}

export function citationFilesOf(page: SitePage): CitationFiles {
  return citationPaths(page.path);
}

/** Chicago (notes and bibliography), APA 7 and MLA 9 references to a web page. */
export function formatCitations(work: CitedWork, context: CitationContext): Citation[] {
  const t = (key: string) => context.strings[key] ?? key;
  const dates = citationDates(context, work.locale);
  const quoted = `“${stop(work.title)}”`;
  const container = work.isArchive ? [] : [{ text: " " }];

  const chicago = [
    ...(work.isArchive ? [{ text: `${stop(work.title)} ` }] : [{ text: `${quoted} ` }, { text: `${stop(context.siteName)} ` }]),
    { text: `${context.publisher}, ${dates.published.chicago}. ` },
    { text: `${fillString(t("cite.accessed"), { date: dates.accessed.chicago })}. ${work.url}.` },
  ];
  const apa = [
    { text: `${stop(context.publisher)} (${dates.published.apa}). ` },
    { text: stop(work.title), italic: true },
    ...(work.isArchive ? [{ text: " " }] : [...container, { text: `${stop(context.siteName)} ` }]),
    { text: fillString(t("cite.retrieved"), { date: dates.accessed.chicago, url: work.url }) },
  ];
  const bareUrl = work.url.replace(/^https?:\/\//, "");
  const mla = [
    ...(work.isArchive ? [{ text: work.title, italic: true }] : [{ text: `${quoted} ` }, { text: context.siteName, italic: true }]),
    { text: `, ${context.publisher}, ${dates.published.mla}, ${bareUrl}. ` },
    { text: `${fillString(t("cite.accessed"), { date: dates.accessed.mla })}.` },
  ];
  return [
    { style: "chicago", parts: chicago },
    { style: "apa", parts: apa },
    { style: "mla", parts: mla },
  ].map((c) => ({ ...(c as Omit<Citation, "text">), text: c.parts.map((p) => p.text).join("") }));
}

/** A date as each style writes it. */
type StyledDate = Record<CitationStyle, string>;

interface CitationDates {
  published: StyledDate;
  accessed: StyledDate;
}

// Every citation of a context gives the same two dates in its language's locale. Formatting them
// with Luxon was most of a citation's cost, once per page: they are written once per context and locale.
const datesByContext = new WeakMap<CitationContext, Map<string, CitationDates>>();

function citationDates(context: CitationContext, locale: string): CitationDates {
  let byLocale = datesByContext.get(context);
  if (!byLocale) datesByContext.set(context, (byLocale = new Map()));
  let dates = byLocale.get(locale);
  if (!dates) {
    const t = (key: string) => context.strings[key] ?? key;
    const styled = (iso: string): StyledDate => {
      const date = DateTime.fromISO(iso, { locale });
      return {
        chicago: date.toFormat(t("cite.chicagoDate")),
        apa: date.toFormat(t("cite.apaDate")),
        mla: `${date.day} ${t("cite.mlaMonths").split(",")[date.month - 1]} ${date.year}`,
      };
    };
    dates = { published: styled(context.published), accessed: styled(context.accessed) };
    byLocale.set(locale, dates);
  }
  return dates;
}

/**
 * A biblatex `@online` entry. The archive is the publisher (`organization`), not an author: a
 * reference manager would otherwise cite the same body twice, or split it into a person's names.
 */
export function formatBibtex(work: CitedWork, context: CitationContext): string {
  const fields: Array<[string, string]> = [
    ["title", `{${escapeBibtex(work.title)}}`],
    // biblatex prints `titleaddon` after the title: the site, as Zotero's own BibLaTeX export writes it.
    ...(work.isArchive ? [] : ([["titleaddon", escapeBibtex(context.siteName)]] as Array<[string, string]>)),
    ["organization", `{${escapeBibtex(context.publisher)}}`],
    ["date", context.published],
    ["url", work.url],
    ["urldate", context.accessed],
    ["language", work.lang],
    ...(work.abstract ? ([["abstract", escapeBibtex(work.abstract)]] as Array<[string, string]>) : []),
  ];
  return `@online{${work.key},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join("\n")}\n}\n`;
}

/** A CSL-JSON item (Citation Style Language), the format Zotero, Mendeley and Pandoc read: a web page with its site and publisher, no author (see formatBibtex). */
export function formatCslJson(work: CitedWork, context: CitationContext): Array<Record<string, unknown>> {
  return [
    {
      id: work.key,
      type: "webpage",
      title: work.title,
      ...(work.isArchive ? {} : { "container-title": context.siteName }),
      publisher: context.publisher,
      issued: { "date-parts": [dateParts(context.published)] },
      accessed: { "date-parts": [dateParts(context.accessed)] },
      URL: work.url,
      language: work.lang,
      ...(work.abstract ? { abstract: work.abstract } : {}),
    },
  ];
}

function dateParts(iso: string): number[] {
  return iso.split("-").map(Number);
}

// A sentence ends once: a title ending in "?" or "." takes no extra full stop.
function stop(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

// LaTeX's special characters, so titles such as "Tom & Jerry" survive BibTeX.
const bibtexEscapes: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|]/g, (c) => bibtexEscapes[c] as string);
}
