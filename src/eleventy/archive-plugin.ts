import type { UserConfig } from "@11ty/eleventy";
import { buildArchive, eventNeighbours, groupByYear, type Archive, type LocalizedArchive } from "../archive.ts";
import { ContentError } from "../content/errors.ts";
import { loadContent } from "../content/load.ts";
import { fillString } from "../content/strings.ts";
import { listSitePages, type SitePage } from "../site-pages.ts";
import { timelineSvg, type TimelineEvent, type TimelineLane } from "../timeline-svg.ts";
import { relativeHref } from "../urls.ts";

export interface ArchivePluginOptions {
  contentDir: string;
  /** Overrides the settings' path prefix (PATH_PREFIX). */
  pathPrefix?: string;
  /** Overrides the settings' base URL (SITE_URL). */
  baseUrl?: string;
}

export interface SiteData {
  archive: Archive;
  pages: SitePage[];
}

/** Loads and validates the content, then hands every page to Eleventy as data. */
export function loadSite(options: ArchivePluginOptions): SiteData {
  const result = loadContent(options.contentDir);
  if (!result.content) throw new ContentError(result.problems);
  const settings = result.content.settings;
  if (options.pathPrefix) settings.pathPrefix = normalizePrefix(options.pathPrefix);
  if (options.baseUrl) settings.baseUrl = options.baseUrl;
  const archive = buildArchive(result.content);
  return { archive, pages: listSitePages(archive) };
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function archivePlugin(config: UserConfig, options: ArchivePluginOptions): void {
  let site: SiteData | undefined;
  const current = () => (site ??= loadSite(options));
  // Watch mode re-reads the content on every change.
  config.on("eleventy.beforeWatch", () => {
    site = undefined;
  });
  config.addWatchTarget(options.contentDir);
  config.addGlobalData("archive", () => current().archive);
  config.addGlobalData("sitePages", () => current().pages);

  config.addFilter("href", (path: string, root: string) => relativeHref(path, root));
  config.addFilter("groupByYear", groupByYear);
  config.addFilter("eventNeighbours", eventNeighbours);
  config.addFilter("where", <T>(list: T[], key: keyof T, value: unknown) => list.filter((x) => x[key] === value));
  config.addFilter("timelineSvg", (events: TimelineEvent[], lanes: TimelineLane[], loc: LocalizedArchive, root: string) =>
    timelineSvg({ events, lanes, strings: loc.strings, root }),
  );
  config.addFilter("fill", (template: string, values: Record<string, string | number>) => fillString(template, values));
}
