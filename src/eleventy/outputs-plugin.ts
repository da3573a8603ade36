import type { UserConfig } from "@11ty/eleventy";
import type { Archive } from "../archive.ts";
import { accessDate, citationContext, citationFilesOf, citedWorkOf, formatCitations, type CitationContext } from "../outputs/citations.ts";
import { pageMetadata } from "../outputs/metadata.ts";
import { dataDownloads } from "../outputs/open-data.ts";
import type { PublishedOutputs } from "../outputs/published-files.ts";
import { searchRecord } from "../outputs/search-record.ts";
import { guardSitePath } from "../output-guard.ts";
import type { RenderBatch } from "../render-batches.ts";
import type { SitePage } from "../site-pages.ts";

interface TemplateData {
  archive: Archive;
  /** Every page of the site. */
  allSitePages: SitePage[];
  /** The files the archive publishes besides its pages, and its redirects. */
  siteOutputs: PublishedOutputs;
  /** The pages rendered in this run: all of them, one batch of them, or in a watch rebuild those a change touched. */
  sitePages: SitePage[];
  renderBatch?: RenderBatch;
}

/**
 * The files of this run. A watch rebuild of a few items writes only those items' citation
 * files: feeds, sitemap and data exports cover the whole archive and take seconds to make at
 * scale, so the dev site keeps the ones of its first build, and `npm run build` makes them anew.
 */
function filesToRender(outputs: PublishedOutputs, data: TemplateData): PublishedOutputs["files"] {
  if (data.sitePages.length === data.allSitePages.length) return outputs.files;
  const folderOf = (file: { path: string }) => file.path.slice(0, file.path.lastIndexOf("/") + 1);
  const renderedItems = new Set(data.sitePages.filter((p) => p.item).map((p) => p.path));
  // A build in batches writes each item's files with its page, and the archive-wide ones once.
  const allItems = new Set(data.allSitePages.filter((p) => p.item).map((p) => p.path));
  const archiveWide = data.renderBatch?.index === 0;
  return outputs.files.filter((file) => renderedItems.has(folderOf(file)) || (archiveWide && !allItems.has(folderOf(file))));
}

/**
 * Permanent addresses, metadata, search records and citations in every page, and the files
 * that let others keep and reuse the archive: feeds, sitemap, robots.txt, open data, citation
 * files, alias redirects.
 */
export function outputsPlugin(config: UserConfig): void {
  config.addFilter("pageMetadata", (page: SitePage, archive: Archive) => pageMetadata(page, archive));
  config.addFilter("searchRecord", (page: SitePage, archive: Archive) => {
    const loc = archive.byLanguage.get(page.lang);
    return loc ? searchRecord(page, loc) : undefined;
  });
  // The citation context (archive name, access date, language words) is the same for every page of a language.
  const contexts = new WeakMap<Archive, Map<string, CitationContext>>();
  const contextOf = (archive: Archive, lang: string) => {
    const byLang = contexts.get(archive) ?? new Map<string, CitationContext>();
    contexts.set(archive, byLang);
    if (!byLang.has(lang)) byLang.set(lang, citationContext(archive, lang, accessDate(archive.settings)));
    return byLang.get(lang) as CitationContext;
  };
  config.addFilter("citations", (page: SitePage, archive: Archive) => {
    const work = citedWorkOf(page, archive);
    if (!work) return undefined;
    const context = contextOf(archive, page.lang);
    return { styles: formatCitations(work, context), files: citationFilesOf(page) };
  });
  config.addFilter("dataDownloads", (lang: string, archive: Archive) => dataDownloads(archive, lang));

  const paginate = (alias: string, list: (outputs: PublishedOutputs, data: TemplateData) => unknown[]) => ({
    pagination: {
      data: "sitePages",
      size: 1,
      alias,
      addAllPagesToCollections: false,
      // The outputs were made once, when the site was loaded.
      before: (_: unknown, data: TemplateData) => list(data.siteOutputs, data),
    },
    eleventyExcludeFromCollections: true,
  });
  // Addresses as functions: Eleventy compiles a Nunjucks permalink string again for every page.
  // The file's content as it is: a JavaScript template, not one more Nunjucks compile per file.
  config.addTemplate("published-files.11ty.js", (data: { file: { content: string } }) => data.file.content, {
    ...paginate("file", filesToRender),
    permalink: (data: { file: { path: string } }) => guardSitePath(data.file.path),
  });
  config.addTemplate("alias-redirects.njk", '{% include "redirect.njk" %}', {
    ...paginate("redirect", (outputs, data) => ((data.renderBatch?.index ?? 0) === 0 ? outputs.redirects : [])),
    permalink: (data: { redirect: { outputPath: string } }) => guardSitePath(data.redirect.outputPath),
  });
}
