import { XMLBuilder } from "fast-xml-parser";
import type { Settings } from "../content/settings.ts";
import { siteUrl, sitemapPath } from "../urls.ts";
import type { SitePage } from "../site-pages.ts";

/** A sitemap (sitemaps.org 0.9) of every page, each with its translations as hreflang alternates. */
export function sitemapXml(pages: SitePage[], settings: Settings): string {
  const listed = pages.filter((p) => p.kind !== "not-found");
  const doc = {
    "?xml": { "@_version": "1.0", "@_encoding": "utf-8" },
    urlset: {
      "@_xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9",
      "@_xmlns:xhtml": "http://www.w3.org/1999/xhtml",
      url: listed.map((page) => ({
        loc: siteUrl(settings, page.path),
        lastmod: settings.published,
        // Google's format: every URL lists all the language versions, itself included.
        "xhtml:link": alternatesOf(page).map((a) => ({ "@_rel": "alternate", "@_hreflang": a.lang, "@_href": siteUrl(settings, a.path) })),
      })),
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(doc);
}

// The root chooser stands for every language: it names itself as x-default, as its <head> does.
function alternatesOf(page: SitePage): Array<{ lang: string; path: string }> {
  return page.kind === "root" ? [...page.alternates, { lang: "x-default", path: page.path }] : page.alternates;
}

/** robots.txt: every crawler and web archive is welcome; the sitemap says where everything is. */
export function robotsTxt(settings: Settings): string {
  return [
    "# This archive is meant to be read, indexed and preserved: crawlers and web archives are welcome.",
    "User-agent: *",
    "Allow: /",
    "",
    "# The Internet Archive's crawlers, named so that no future rule shuts them out by accident.",
    "User-agent: ia_archiver",
    "User-agent: archive.org_bot",
    "Allow: /",
    "",
    `Sitemap: ${siteUrl(settings, sitemapPath)}`,
    "",
  ].join("\n");
}
