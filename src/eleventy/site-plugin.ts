import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { affectedPages, changedItemKeys } from "../affected-pages.ts";
import { campaignColourCss } from "../campaign-colours.ts";
import { eventNeighbours, groupByInitial, groupByYear, type LocalizedArchive } from "../archive.ts";
import { builtinTypes } from "../content-types/index.ts";
import type { ParseCache } from "../content/load.ts";
import { fillString } from "../content/strings.ts";
import { yearSpan } from "../dates.ts";
import { contentSecurityPolicy } from "../host-headers.ts";
import { firstPageOf, timelineIndex, timelineInline } from "../long-lists.ts";
import { guardSitePath } from "../output-guard.ts";
import { filesOfRun, writePublishedFiles } from "../outputs/write-files.ts";
import { pagerLinks, pageSlice } from "../pagination.ts";
import { pagesOfBatch } from "../render-batches.ts";
import type { SitePage } from "../site-pages.ts";
import { loadSite, type SiteData, type SiteOptions } from "../site.ts";
import { timelineSvg, type TimelineEvent, type TimelineLane, type TimelineLayout } from "../timeline-svg.ts";
import { relativeHref, subpagePath } from "../urls.ts";
import { extendedAsset, writeExtendedAsset } from "./assets-plugin.ts";

// A build that has loaded the site already hands it to the Eleventy run it starts, so the
// content is read and validated once per build, not once per step.
// Kept on globalThis: Eleventy imports eleventy.config.ts itself, and a test runner may load that
// import into a module graph of its own, where a module-level Map would be a different Map.
const handedOverKey = Symbol.for("campaign-archive.handed-over-sites");
const handedOver: Map<string, { site: SiteData; options: SiteOptions }> = ((globalThis as Record<symbol, unknown>)[handedOverKey] ??=
  new Map()) as Map<string, { site: SiteData; options: SiteOptions }>;
const siteKey = (options: SiteOptions) => [path.resolve(options.contentDir), options.pathPrefix ?? "", options.baseUrl ?? ""].join("\n");

/** Gives the next Eleventy run with the same options a site already loaded, and the options' types and layouts. */
export function handOverSite(options: SiteOptions, site: SiteData): void {
  handedOver.set(siteKey(options), { site, options });
}

export interface SitePluginOptions extends SiteOptions {
  /** The stylesheet every page links (a theme's, or the package's own layouts/assets/site.css). */
  stylesheet?: string;
  /**
   * The output already holds every page of this content (`campaign-archive dev` renders it in a
   * process of its own first): the first run writes no page, and later ones what a change alters.
   */
  rendered?: boolean;
}

/** The site, its page lists, the watch-mode rebuild of changed items only, and the filters layouts use. */
export function sitePlugin(config: UserConfig, envOptions: SitePluginOptions): void {
  const handed = handedOver.get(siteKey(envOptions));
  handedOver.delete(siteKey(envOptions));
  const options: SitePluginOptions = { ...envOptions, ...handed?.options };
  let site: SiteData | undefined = handed?.site;
  // Watch mode: the site before the change, and the items the change touched (undefined: rebuild all).
  let previous: SiteData | undefined;
  let changed: Set<string> | undefined;
  const cache: ParseCache = new Map();
  const current = () => (site ??= loadSite(options, cache));
  // The first run still loads the site: the first change is compared with it.
  let renderNothing = options.rendered === true;
  let pagesOfRun: SitePage[] | undefined;
  config.on("eleventy.beforeWatch", (queue: string[]) => {
    renderNothing = false;
    pagesOfRun = undefined;
    previous = site;
    site = undefined;
    changed = changedItemKeys(queue, options.contentDir, options.types ?? builtinTypes);
  });
  // A content type's layout may live outside the package: its folder is searched after ours.
  config.on("eleventy.engine.njk", ({ nunjucks, environment }: NunjucksEngineEvent) => {
    for (const dir of options.layoutDirs ?? []) {
      // Nunjucks gives each loader its cache when the environment is made; this one comes later.
      const loader = Object.assign(new nunjucks.FileSystemLoader(dir), { cache: {} });
      environment.loaders.push(loader);
    }
  });
  config.addWatchTarget(options.contentDir);
  config.addGlobalData("archive", () => current().archive);
  config.addGlobalData("siteOutputs", () => current().outputs);
  config.addGlobalData("renderBatch", () => current().batch);
  // The pages to render now: in a watch rebuild after items changed, only the pages those items can alter.
  const sitePages = () => {
    const { pages, batch } = current();
    if (renderNothing) return [];
    if (batch) return pagesOfBatch(pages, batch);
    return changed && previous ? affectedPages(current(), changed, previous) : pages;
  };
  config.addGlobalData("sitePages", () => (pagesOfRun ??= sitePages()));
  // The files published besides the pages (citations, feeds, data, sitemap), once the pages are written.
  config.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    const { pages, batch, outputs } = current();
    writePublishedFiles(directories.output, filesOfRun(outputs.files, { allPages: pages, pages: (pagesOfRun ??= sitePages()), batch }));
  });

  // Every permalink passes here: whatever the content says, nothing is written outside the output.
  config.addFilter("insideOutput", guardSitePath);
  config.addFilter("contentSecurityPolicy", (kind: string) => contentSecurityPolicy(kind === "search" ? "search" : "page"));
  // One stylesheet for every page: layouts/assets/site.css and the settings' campaign colours.
  const stylesheet = () =>
    extendedAsset(
      options.stylesheet ?? path.resolve(import.meta.dirname, "../../layouts/assets/site.css"),
      campaignColourCss(current().archive.settings.campaignColours),
    );
  config.addGlobalData("stylesheet", () => stylesheet().path);
  writeExtendedAsset(config, stylesheet);
  config.addFilter("href", (path: string, root: string) => relativeHref(path, root));
  config.addFilter("groupByYear", groupByYear);
  config.addFilter("yearSpan", yearSpan);
  config.addFilter("groupByInitial", groupByInitial);
  config.addFilter("take", <T>(list: T[], count: number) => list.slice(0, count));
  config.addFilter("pageSlice", pageSlice);
  config.addFilter("pagerLinks", pagerLinks);
  config.addFilter("timelineIndex", timelineIndex);
  config.addFilter("timelineInline", timelineInline);
  config.addFilter("firstPageOf", firstPageOf);
  config.addFilter("eventNeighbours", eventNeighbours);
  // Ids to the items or terms they name, in order; `pluck` takes one field of each.
  config.addFilter("lookup", <T>(ids: string[] | undefined, byId: Map<string, T>) =>
    (ids ?? []).map((id) => byId.get(id)).filter((x): x is T => x !== undefined),
  );
  config.addFilter("pluck", <T>(list: T[], key: keyof T) => list.map((x) => x[key]));
  config.addFilter("subpagePath", subpagePath);
  config.addFilter("where", <T>(list: T[], key: keyof T, value: unknown) => list.filter((x) => x[key] === value));
  config.addFilter(
    "timelineSvg",
    (events: TimelineEvent[], lanes: TimelineLane[], loc: LocalizedArchive, root: string, layout: TimelineLayout) =>
      timelineSvg({ events, lanes, strings: loc.strings, root, layout }),
  );
  config.addFilter("fill", (template: string, values: Record<string, string | number>) => fillString(template, values));
}

interface NunjucksEngineEvent {
  nunjucks: { FileSystemLoader: new (dir: string) => object };
  environment: { loaders: unknown[] };
}
