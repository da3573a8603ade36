// The package's programmatic API: what the command line does, as typed functions.
import { existsSync } from "node:fs";
import { checkPublishedUrls } from "./outputs/published-files.ts";
import { loadSettings } from "./authoring/settings-file.ts";
import { buildArchiveSite } from "./build.ts";
import { ContentError, type ContentProblem } from "./content/errors.ts";
import { defaultSeedsDir, verifyQuotes } from "./content/evidence.ts";
import { inspectSite, loadSite, type SiteData } from "./site.ts";
import { precompressSite } from "./precompress.ts";
import { writeSearchIndex } from "./search-index.ts";
import { layerTheme } from "./theme.ts";
import { manifestFileName, UrlManifestError } from "./outputs/url-manifest.ts";

export { loadSite, ContentError };
export type { ContentProblem, SiteData };
export { contentSchemaVersion } from "./content/schema-version.ts";

export interface BuildOptions {
  /** The content folder (site.yaml, strings/, one folder per language). Default "content". */
  contentDir?: string;
  /** Where the site is written; replaced only when the whole build succeeded. Default "_site". */
  outDir?: string;
  /** Layouts, includes and the stylesheet that replace the package's (see docs/themes.md). Default "theme". */
  themeDir?: string;
  /** Overrides site.yaml's pathPrefix, e.g. "/archive/". */
  pathPrefix?: string;
  /** Overrides site.yaml's baseUrl. */
  baseUrl?: string;
  /** Build the Pagefind search index. Default true. */
  search?: boolean;
  /** Write .gz and .br beside each text file. Default false. */
  precompress?: boolean;
}

export interface BuildResult {
  outDir: string;
  /** HTML pages Pagefind read, and how many of them are in the search index (0 without search). */
  pages: number;
  indexed: number;
  /** Milliseconds the search index took (0 without search). */
  searchMs: number;
  /** Valid but incomplete content, such as a missing translation. */
  warnings: ContentProblem[];
}

/** Validates the content and builds the site; throws a ContentError listing every problem, and leaves the old site in place on any failure. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? "content";
  const outDir = options.outDir ?? "_site";
  const settings = loadSettings(contentDir);
  // Broken settings are reported with every other problem by the content loader.
  const theme = layerTheme({ themeDir: options.themeDir ?? "theme", theme: "settings" in settings ? settings.settings.theme : undefined });
  let search = { pages: 0, indexed: 0, searchMs: 0 };
  try {
    const site = await buildArchiveSite({
      contentDir,
      outDir,
      pathPrefix: options.pathPrefix,
      baseUrl: options.baseUrl,
      layoutsDir: theme.layoutsDir,
      // The render's memory is freed before Pagefind starts, so their peaks do not add up.
      renderApart: true,
      afterRender: [
        ...(options.search === false
          ? []
          : [
              async (dir: string) => {
                const started = performance.now();
                search = { ...(await writeSearchIndex(dir)), searchMs: performance.now() - started };
              },
            ]),
        // Last, so the search index's own files are compressed too.
        ...(options.precompress ? [async (dir: string) => void precompressSite(dir)] : []),
      ],
    });
    return { outDir, ...search, warnings: site.warnings };
  } finally {
    theme.dispose();
  }
}

export interface CheckResult {
  /** Problems that stop a build, each with its file and field: content, aliases, dropped published URLs, quotes not found. */
  problems: ContentProblem[];
  warnings: ContentProblem[];
  /** Items per content type, when the content could be read. */
  counts: Record<string, number>;
  /** Quotes found in the source documents, or undefined when the documents were not at hand. */
  quotesVerified?: number;
}

/**
 * Validates the content folder as a build would, without building. When the source documents
 * are at hand (`seedsDir`, default ../shared/seeds), every quote is looked for in its document.
 */
export function check(options: { contentDir?: string; seedsDir?: string } = {}): CheckResult {
  const contentDir = options.contentDir ?? "content";
  const seedsDir = options.seedsDir ?? defaultSeedsDir;
  const { site, content, problems, warnings } = inspectSite({ contentDir });
  if (site) problems.push(...droppedUrls(contentDir, () => checkPublishedUrls(site)));
  let quotesVerified: number | undefined;
  if (content && existsSync(seedsDir)) {
    const quotes = verifyQuotes(content.items, content.types, content.settings.defaultLanguage, seedsDir);
    problems.push(...quotes.problems);
    quotesVerified = quotes.verified;
  }
  const counts = Object.fromEntries(Object.entries(content?.items ?? {}).map(([type, items]) => [type, items.size]));
  return { problems, warnings, counts, quotesVerified };
}

/** Published URLs the build would drop, as problems of the manifest file. */
function droppedUrls(contentDir: string, checkUrls: () => void): ContentProblem[] {
  try {
    checkUrls();
    return [];
  } catch (error) {
    if (!(error instanceof UrlManifestError)) throw error;
    return error.missing.map((url) => ({
      file: `${contentDir}/${manifestFileName}`,
      field: url,
      expected: "a published URL the build still makes, or an item's alias",
      found: "no page and no alias",
    }));
  }
}
