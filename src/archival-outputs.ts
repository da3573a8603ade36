import path from "node:path";
import type { Archive } from "./archive.ts";
import type { ArchivePluginOptions, SiteData } from "./eleventy/archive-plugin.ts";
import { citationContext, citationFilesOf, citedWorkOf, formatBibtex, formatCslJson } from "./citations.ts";
import { atomFeed, feedPaths, jsonFeed } from "./feeds.ts";
import { dataFiles, lazyFile, type DataFile } from "./open-data.ts";
import { listRedirects, type Redirect } from "./redirects.ts";
import type { SitePage } from "./site-pages.ts";
import { robotsTxt, sitemapXml } from "./sitemap.ts";
import { checkManifest, manifestFileName, manifestUrl, readManifestFile } from "./url-manifest.ts";

/** Everything the archive publishes besides its HTML pages: files, and redirect pages for aliases. */
export interface ArchivalOutputs {
  files: DataFile[];
  redirects: Redirect[];
  /** Every URL the build makes, as the manifest writes them. */
  urls: string[];
}

/** Lists the archive's non-page outputs; `accessed` is the date citations give. */
export function archivalOutputs(archive: Archive, pages: SitePage[], accessed: string): ArchivalOutputs {
  const files: DataFile[] = [];
  const contexts = new Map(archive.languages.map(({ code }) => [code, citationContext(archive, code, accessed)]));
  for (const page of pages) {
    const work = citedWorkOf(page, archive);
    const context = contexts.get(page.lang);
    if (!work || !context) continue;
    const paths = citationFilesOf(page);
    files.push(lazyFile(paths.bib, () => formatBibtex(work, context)));
    files.push(lazyFile(paths.json, () => `${JSON.stringify(formatCslJson(work, context), null, 2)}\n`));
  }
  for (const { code } of archive.languages) {
    files.push(lazyFile(feedPaths(code).atom, () => atomFeed(archive, code)));
    files.push(lazyFile(feedPaths(code).json, () => jsonFeed(archive, code)));
    files.push(...dataFiles(archive, code));
  }
  files.push(lazyFile("sitemap.xml", () => sitemapXml(pages, archive.settings)));
  files.push(lazyFile("robots.txt", () => robotsTxt(archive.settings)));
  const redirects = listRedirects(archive);
  // An old address keeps its citation files too: they cite the item it now redirects to.
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const redirect of redirects) {
    for (const name of ["cite.bib", "cite.json"]) {
      const file = byPath.get(`${redirect.to}${name}`);
      if (file) files.push(lazyFile(`${redirect.from}${name}`, () => file.content));
    }
  }
  const urls = [...pages.map((p) => p.path), ...redirects.map((r) => r.from), ...files.map((f) => f.path)].map(manifestUrl);
  return { files, redirects, urls };
}

/**
 * Fails, naming each URL, when the content would no longer build a URL listed in its manifest
 * (`published-urls.txt` in the content folder; an archive without one has published nothing yet).
 */
export function checkPublishedUrls(options: ArchivePluginOptions, { archive, pages }: SiteData): void {
  checkManifest(readManifestFile(path.join(options.contentDir, manifestFileName)), archivalOutputs(archive, pages, archive.settings.published).urls);
}
