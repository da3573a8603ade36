import { buildArchive, type Archive } from "./archive.ts";
import type { ContentTypeDescriptor } from "./content-types/descriptor.ts";
import { builtinTypes } from "./content-types/index.ts";
import { ContentError, type ContentProblem } from "./content/errors.ts";
import { loadContent, type LoadResult, type ParseCache } from "./content/load.ts";
import { webUrl } from "./content/schema.ts";
import { aliasProblems } from "./outputs/alias-conflicts.ts";
import { accessDate } from "./outputs/citations.ts";
import { publishedOutputs, readPublishedUrls, type PublishedOutputs } from "./outputs/published-files.ts";
import type { RenderBatch } from "./render-batches.ts";
import { listSitePages, type SitePage } from "./site-pages.ts";

/** Where the content is and how the site is addressed; everything else is in the content's settings. */
export interface SiteOptions {
  contentDir: string;
  /** Overrides the settings' path prefix (PATH_PREFIX). */
  pathPrefix?: string;
  /** Overrides the settings' base URL (SITE_URL). */
  baseUrl?: string;
  /** The content types; the built-in ones when left out. */
  types?: ContentTypeDescriptor[];
  /** More folders where layouts are looked up, after the package's own (a type's layout may live there). */
  layoutDirs?: string[];
}

/** The validated content as an archive, and every page made from it. */
export interface SiteData {
  archive: Archive;
  pages: SitePage[];
  /** Every URL the archive has published (its URL manifest): a list page it no longer fills redirects. */
  publishedUrls: string[];
  /** Every file the archive publishes besides its pages, made when first read, and the redirects. */
  outputs: PublishedOutputs;
  /** Valid but incomplete content (a missing translation): reported, never fatal. */
  warnings: ContentProblem[];
  /** Render only this batch of the pages (src/render-batches.ts); all of them when absent. */
  batch?: RenderBatch;
}

/** Options as the environment gives them: ARCHIVE_CONTENT_DIR, PATH_PREFIX, SITE_URL. */
export function siteOptionsFromEnv(): SiteOptions {
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
export function inspectSite(options: SiteOptions, cache?: ParseCache): LoadResult & { site?: SiteData } {
  const result = loadContent(options.contentDir, { cache, types: options.types ?? builtinTypes });
  if (!result.content) return { problems: result.problems, warnings: result.warnings };
  const settings = result.content.settings;
  if (options.pathPrefix) settings.pathPrefix = normalizePrefix(options.pathPrefix);
  if (options.baseUrl) {
    const url = webUrl.safeParse(options.baseUrl);
    if (!url.success) {
      const problem = {
        file: "SITE_URL",
        field: "baseUrl",
        expected: "an http:// or https:// address",
        found: JSON.stringify(options.baseUrl),
      };
      return { problems: [problem], warnings: result.warnings };
    }
    settings.baseUrl = options.baseUrl;
  }
  const archive = buildArchive(result.content);
  const pages = listSitePages(archive);
  const publishedUrls = readPublishedUrls(options.contentDir);
  const outputs = publishedOutputs(archive, pages, accessDate(settings), publishedUrls);
  const { files, redirects } = outputs;
  const redirected = new Set(redirects.map((r) => r.from));
  const ownFiles = files.map((f) => f.path).filter((file) => !redirected.has(file.slice(0, file.lastIndexOf("/") + 1)));
  const problems = aliasProblems(
    redirects,
    pages.map((p) => p.path),
    ownFiles,
  );
  if (problems.length > 0) return { problems, warnings: result.warnings };
  return { ...result, site: { archive, pages, publishedUrls, outputs, warnings: result.warnings } };
}

/** inspectSite for a build: throws a ContentError listing every problem. */
export function loadSite(options: SiteOptions, cache?: ParseCache): SiteData {
  const { site, problems } = inspectSite(options, cache);
  if (!site) throw new ContentError(problems);
  return site;
}

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
