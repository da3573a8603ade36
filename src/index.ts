// The package's programmatic API: what the command line does, as typed functions.
import { existsSync } from "node:fs";
import { checkPublishedUrls } from "./outputs/published-files.ts";
import { ContentError, type ContentProblem } from "./content/errors.ts";
import { defaultSeedsDir, verifyQuotes } from "./content/evidence.ts";
import { inspectSite, loadSite, type SiteData } from "./site.ts";
import { manifestFileName, UrlManifestError } from "./outputs/url-manifest.ts";

export { loadSite, ContentError };
export type { ContentProblem, SiteData };
export { contentSchemaVersion } from "./content/schema-version.ts";
export { build, type BuildOptions, type BuildResult } from "./build-site.ts";

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
