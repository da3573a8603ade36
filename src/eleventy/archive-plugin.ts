import type { UserConfig } from "@11ty/eleventy";
import { buildArchive, eventNeighbours, groupByYear, type Archive, type LocalizedArchive } from "../archive.ts";
import path from "node:path";
import { aliasProblems } from "../alias-conflicts.ts";
import { archivalOutputs } from "../archival-outputs.ts";
import { ContentError, type ContentProblem } from "../content/errors.ts";
import { webUrl } from "../content/schema.ts";
import { loadContent, type LoadResult, type ParseCache } from "../content/load.ts";
import { affectedPages, changedItemKeys } from "../dev-rebuild.ts";
import { fillString } from "../content/strings.ts";
import { listSitePages, type SitePage } from "../site-pages.ts";
import { timelineSvg, type TimelineEvent, type TimelineLane } from "../timeline-svg.ts";
import { relativeHref } from "../urls.ts";
import { contentSecurityPolicy } from "../host-headers.ts";
import { guardSitePath } from "../output-guard.ts";

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
  /** Valid but incomplete content (a missing translation): reported, never fatal. */
  warnings: ContentProblem[];
}

/** The plugin's options as the environment gives them: ARCHIVE_CONTENT_DIR, PATH_PREFIX, SITE_URL. */
export function archiveOptionsFromEnv(): ArchivePluginOptions {
  return {
    contentDir: process.env.ARCHIVE_CONTENT_DIR ?? "content",
    pathPrefix: process.env.PATH_PREFIX,
    baseUrl: process.env.SITE_URL,
  };
}

/**
 * Loads and validates the content, lists every page and checks the aliases against them:
 * every problem is returned at once; `site` is present only when there are none.
 */
export function inspectSite(options: ArchivePluginOptions, cache?: ParseCache): LoadResult & { site?: SiteData } {
  const result = loadContent(options.contentDir, { cache });
  if (!result.content) return { problems: result.problems, warnings: result.warnings };
  const settings = result.content.settings;
  if (options.pathPrefix) settings.pathPrefix = normalizePrefix(options.pathPrefix);
  if (options.baseUrl) {
    const url = webUrl.safeParse(options.baseUrl);
    if (!url.success) {
      const problem = { file: "SITE_URL", field: "baseUrl", expected: "an http:// or https:// address", found: JSON.stringify(options.baseUrl) };
      return { problems: [problem], warnings: result.warnings };
    }
    settings.baseUrl = options.baseUrl;
  }
  const archive = buildArchive(result.content);
  const pages = listSitePages(archive);
  const { files, redirects } = archivalOutputs(archive, pages, settings.published);
  const redirected = new Set(redirects.map((r) => r.from));
  const ownFiles = files.map((f) => f.path).filter((file) => !redirected.has(file.slice(0, file.lastIndexOf("/") + 1)));
  const problems = aliasProblems(redirects, pages.map((p) => p.path), ownFiles);
  if (problems.length > 0) return { problems, warnings: result.warnings };
  return { ...result, site: { archive, pages, warnings: result.warnings } };
}

/** inspectSite for a build: throws a ContentError listing every problem. */
export function loadSite(options: ArchivePluginOptions, cache?: ParseCache): SiteData {
  const { site, problems } = inspectSite(options, cache);
  if (!site) throw new ContentError(problems);
  return site;
}

// A build that has loaded the site already hands it to the Eleventy run it starts, so the
// content is read and validated once per build, not once per step.
// Kept on globalThis: Eleventy imports eleventy.config.ts itself, and a test runner may load that
// import into a module graph of its own, where a module-level Map would be a different Map.
const handedOverKey = Symbol.for("campaign-archive.handed-over-sites");
const handedOver: Map<string, SiteData> = ((globalThis as Record<symbol, unknown>)[handedOverKey] ??= new Map()) as Map<string, SiteData>;
const siteKey = (options: ArchivePluginOptions) =>
  [path.resolve(options.contentDir), options.pathPrefix ?? "", options.baseUrl ?? ""].join("\n");

export function handOverSite(options: ArchivePluginOptions, site: SiteData): void {
  handedOver.set(siteKey(options), site);
}

function takeHandedOver(options: ArchivePluginOptions): SiteData | undefined {
  const key = siteKey(options);
  const site = handedOver.get(key);
  handedOver.delete(key);
  return site;
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function archivePlugin(config: UserConfig, options: ArchivePluginOptions): void {
  let site: SiteData | undefined;
  // Watch mode: the site before the change, and the items the change touched (undefined: rebuild all).
  let previous: SiteData | undefined;
  let changed: Set<string> | undefined;
  const cache: ParseCache = new Map();
  const current = () => (site ??= takeHandedOver(options) ?? loadSite(options, cache));
  config.on("eleventy.beforeWatch", (queue: string[]) => {
    previous = site;
    site = undefined;
    changed = changedItemKeys(queue, options.contentDir);
  });
  config.addWatchTarget(options.contentDir);
  config.addGlobalData("archive", () => current().archive);
  // Every page of the site (sitemap, feeds), and the pages to render now: in a watch rebuild
  // after items changed, only the pages those items can alter.
  config.addGlobalData("allSitePages", () => current().pages);
  config.addGlobalData("sitePages", () =>
    changed && previous ? affectedPages(current().pages, changed, [previous.archive, current().archive]) : current().pages,
  );

  // Every permalink passes here: whatever the content says, nothing is written outside the output.
  config.addFilter("insideOutput", guardSitePath);
  config.addFilter("contentSecurityPolicy", (kind: string) => contentSecurityPolicy(kind === "search" ? "search" : "page"));
  config.addFilter("href", (path: string, root: string) => relativeHref(path, root));
  config.addFilter("groupByYear", groupByYear);
  config.addFilter("eventNeighbours", eventNeighbours);
  config.addFilter("where", <T>(list: T[], key: keyof T, value: unknown) => list.filter((x) => x[key] === value));
  config.addFilter("timelineSvg", (events: TimelineEvent[], lanes: TimelineLane[], loc: LocalizedArchive, root: string) =>
    timelineSvg({ events, lanes, strings: loc.strings, root }),
  );
  config.addFilter("fill", (template: string, values: Record<string, string | number>) => fillString(template, values));
}
