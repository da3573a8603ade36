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

/** A year's page of the timeline ("en/timeline/1994/"); undated events have theirs ("en/timeline/undated/"). */
export function timelineYearPath(lang: string, year: number | undefined): SitePath {
  return sectionPath(lang, "timeline", year === undefined ? "undated" : String(year));
}
