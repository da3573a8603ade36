import path from "node:path";
import type { Archive } from "../archive.ts";
import type { SitePage } from "../site-pages.ts";
import { citationPaths, feedPaths, sitemapPath, type SitePath } from "../urls.ts";
import { citationContext, citedWorkOf, formatBibtex, formatCslJson } from "./citations.ts";
import { atomFeed, jsonFeed } from "./feeds.ts";
import { dataFiles } from "./open-data.ts";
import { emptiedListRedirects, listRedirects, type Redirect } from "./redirects.ts";
import { robotsTxt, sitemapXml } from "./sitemap.ts";
import { checkManifest, manifestFileName, manifestUrl, readManifestFile } from "./url-manifest.ts";

/** A file the archive publishes besides its pages; its content is made the first time it is read. */
export interface PublishedFile {
  path: SitePath;
  readonly content: string;
}

/**
 * A file whose content is made the first time it is read: checking which URLs a build
 * publishes needs every path, and no content.
 */
export function lazyFile(path: SitePath, make: () => string): PublishedFile {
  let content: string | undefined;
  return {
    path,
    get content() {
      return (content ??= make());
    },
  };
}

/** Everything the archive publishes besides its HTML pages: files, and redirect pages for aliases. */
export interface PublishedOutputs {
  files: PublishedFile[];
  redirects: Redirect[];
  /** Every URL the build makes, as the manifest writes them. */
  urls: string[];
}

/**
 * The registry of the archive's non-page outputs: citation files, feeds, open data, sitemap,
 * robots.txt, and redirects for aliases and for list pages a smaller archive no longer fills.
 * `accessed` is the date citations give; `published`, the URL manifest's URLs.
 */
export function publishedOutputs(archive: Archive, pages: SitePage[], accessed: string, published: string[] = []): PublishedOutputs {
  const files: PublishedFile[] = [];
  const contexts = new Map(archive.languages.map(({ code }) => [code, citationContext(archive, code, accessed)]));
  for (const page of pages) {
    const work = citedWorkOf(page, archive);
    const context = contexts.get(page.lang);
    if (!work || !context) continue;
    const paths = citationPaths(page.path);
    files.push(lazyFile(paths.bib, () => formatBibtex(work, context)));
    files.push(lazyFile(paths.json, () => `${JSON.stringify(formatCslJson(work, context), null, 2)}\n`));
  }
  for (const { code } of archive.languages) {
    files.push(lazyFile(feedPaths(code).atom, () => atomFeed(archive, code)));
    files.push(lazyFile(feedPaths(code).json, () => jsonFeed(archive, code)));
    files.push(...dataFiles(archive, code).map((recipe) => lazyFile(recipe.path, recipe.make)));
  }
  files.push(lazyFile(sitemapPath, () => sitemapXml(pages, archive.settings)));
  files.push(lazyFile("robots.txt", () => robotsTxt(archive.settings)));
  const aliases = listRedirects(archive);
  const aliased = new Set(aliases.map((r) => manifestUrl(r.from)));
  const redirects = [
    ...aliases,
    ...emptiedListRedirects(
      archive,
      pages,
      published.filter((url) => !aliased.has(url)),
      manifestFileName,
    ),
  ];
  // An old address keeps its citation files too: they cite the item it now redirects to.
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const redirect of redirects) {
    for (const [to, from] of [
      [citationPaths(redirect.to).bib, citationPaths(redirect.from).bib],
      [citationPaths(redirect.to).json, citationPaths(redirect.from).json],
    ] as const) {
      const file = byPath.get(to);
      if (file) files.push(lazyFile(from, () => file.content));
    }
  }
  const urls = [...pages.map((p) => p.path), ...redirects.map((r) => r.from), ...files.map((f) => f.path)].map(manifestUrl);
  return { files, redirects, urls };
}

/** The URLs of the content folder's manifest (`published-urls.txt`; none before anything was published). */
export function readPublishedUrls(contentDir: string): string[] {
  return readManifestFile(path.join(contentDir, manifestFileName));
}

/**
 * Fails, naming each URL, when the content would no longer build a URL listed in its manifest
 * (`published-urls.txt` in the content folder; an archive without one has published nothing yet).
 */
export function checkPublishedUrls({ publishedUrls, outputs }: { publishedUrls: string[]; outputs: PublishedOutputs }): void {
  checkManifest(publishedUrls, outputs.urls);
}
