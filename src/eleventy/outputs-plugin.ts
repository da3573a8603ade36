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
  /** The files the archive publishes besides its pages, and its redirects. */
  siteOutputs: PublishedOutputs;
  renderBatch?: RenderBatch;
}

/**
 * Permanent addresses, metadata, search records and citations in every page, and redirect pages
 * for aliases. The files that let others keep and reuse the archive (feeds, sitemap, robots.txt,
 * open data, citation files) are written beside the pages by the site plugin.
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

  // An address as a function and the page from its layout: Eleventy compiles a Nunjucks permalink
  // string, and a paginated template's own Nunjucks body, again for every page; a layout once.
  config.addTemplate("alias-redirects.njk", "", {
    layout: "redirect.njk",
    templateEngineOverride: "html",
    pagination: {
      data: "sitePages",
      size: 1,
      alias: "redirect",
      addAllPagesToCollections: false,
      // The redirects were made once, when the site was loaded; a build in batches writes them with its first.
      before: (_: unknown, data: TemplateData) => ((data.renderBatch?.index ?? 0) === 0 ? data.siteOutputs.redirects : []),
    },
    eleventyExcludeFromCollections: true,
    permalink: (data: { redirect: { outputPath: string } }) => guardSitePath(data.redirect.outputPath),
  });
}
