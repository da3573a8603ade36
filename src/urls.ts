import type { Settings } from "./content/settings.ts";

/**
 * Every address in the archive is a site path: no leading slash, a trailing slash for
 * directories ("en/event/some-id/"), "" for the root. Paths are made here and only here.
 */
export type SitePath = string;

export function itemPath(lang: string, type: string, id: string): SitePath {
  return `${lang}/${type}/${id}/`;
}

export function sectionPath(lang: string, ...segments: string[]): SitePath {
  return [lang, ...segments].map((s) => `${s}/`).join("");
}

/** A page below an item's page: a campaign's "timeline/". */
export function subpagePath(itemPath: SitePath, segment: string): SitePath {
  return `${itemPath}${segment}`;
}

/** A language's page for addresses that do not exist; `404.html` at the root is the hosts' copy. */
export function notFoundPath(lang: string): SitePath {
  return `${lang}/404.html`;
}

/** The page hosts serve for a missing address anywhere: a copy of the default language's. */
export const rootNotFoundPath: SitePath = "404.html";

/** The sitemap of every page, at the root. */
export const sitemapPath: SitePath = "sitemap.xml";

/** A language's feed files, next to its home page. */
export function feedPaths(lang: string): { atom: SitePath; json: SitePath } {
  return { atom: `${lang}/feed.xml`, json: `${lang}/feed.json` };
}

/** Where a language's data files live. */
export function dataPath(lang: string, file: string): SitePath {
  return `${sectionPath(lang, "data")}${file}`;
}

/** A page's citation files, next to its index.html. */
export function citationPaths(page: SitePath): { bib: SitePath; json: SitePath } {
  return { bib: `${page}cite.bib`, json: `${page}cite.json` };
}

/** A content alias ("/en/event/old-id/") as a site path ("en/event/old-id/"). */
export function aliasPath(alias: string): SitePath {
  return alias.replace(/^\/+/, "");
}

/** "../" once per directory level, so pages link relatively and work under any prefix or from disk. */
export function rootOf(path: SitePath): string {
  const depth = path.split("/").length - 1;
  return "../".repeat(depth);
}

/**
 * A relative link from a page to a site path. Directory links name index.html so that a copy
 * opened from disk (file://), where no server adds it, still navigates.
 */
export function relativeHref(target: SitePath, root: string): string {
  if (target.endsWith("/") || target === "") return `${root}${target}index.html`;
  return `${root}${target}`;
}

/** The public absolute URL of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(target: SitePath, baseUrl: string, pathPrefix: string): string {
  return `${baseUrl.replace(/\/$/, "")}${pathPrefix}${target}`;
}

/** The address of page `number` of a list whose first page is at `first`. */
export function pagePath(first: SitePath, number: number): SitePath {
  return number === 1 ? first : `${first}page/${number}/`;
}

/** A year's page of the timeline ("en/timeline/1994/"); undated events have theirs ("en/timeline/undated/"). */
export function timelineYearPath(lang: string, year: number | undefined): SitePath {
  return sectionPath(lang, "timeline", year === undefined ? "undated" : String(year));
}

/** The public URL of a site path under the configured base URL and prefix. */
export function siteUrl(settings: Settings, path: SitePath): string {
  return absoluteUrl(path, settings.baseUrl, settings.pathPrefix);
}
