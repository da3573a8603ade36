import type { Archive } from "../archive.ts";
import type { SitePage } from "../site-pages.ts";
import { aliasPath, relativeHref, rootOf, siteUrl, timelineYearPath, type SitePath } from "../urls.ts";

/** An old address kept alive: a small page that sends readers and crawlers to the page now there. */
export interface Redirect {
  lang: string;
  /** The content file that declares the alias, and the field ("aliases[0]"); or the URL manifest and the URL. */
  file: string;
  field: string;
  /** The old site path ("en/event/old-id/"). */
  from: SitePath;
  outputPath: string;
  to: SitePath;
  title: string;
  /** The new address relative to the old one, so the redirect works under any prefix and from disk. */
  href: string;
  canonical: string;
}

/** One redirect per alias of every published item, in the language of the file that declares it. */
export function listRedirects(archive: Archive): Redirect[] {
  const redirects: Redirect[] = [];
  for (const loc of archive.byLanguage.values()) {
    for (const items of Object.values(loc.byId)) {
      for (const item of items.values()) {
        // A fallback item shows another language's file: its aliases are that language's.
        if (item.fallback) continue;
        ((item.data as { aliases?: string[] }).aliases ?? []).forEach((alias, i) => {
          const from = aliasPath(alias);
          redirects.push({
            lang: loc.language.code,
            file: item.file,
            field: `aliases[${i}]`,
            from,
            outputPath: `${from}index.html`,
            to: item.path,
            title: item.title,
            href: relativeHref(item.path, rootOf(from)),
            canonical: siteUrl(archive.settings, item.path),
          });
        });
      }
    }
  }
  return redirects;
}

/**
 * Pages of a list that a smaller archive no longer fills, kept alive as redirects: a published
 * page n past a list's last page leads to its last page, a timeline year left without events
 * (or a page n of it) to the timeline. `published` is the URL manifest; `manifestFile` names it
 * in a conflict's report. Any other published URL the build dropped is the manifest check's to report.
 */
export function emptiedListRedirects(archive: Archive, pages: SitePage[], published: string[], manifestFile: string): Redirect[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const redirects: Redirect[] = [];
  for (const url of published) {
    const from = url.replace(/^\//, "") as SitePath;
    if (byPath.has(from)) continue;
    const target = emptiedListTarget(from, byPath, pages);
    if (!target) continue;
    redirects.push({
      lang: target.lang,
      file: manifestFile,
      field: url,
      from,
      outputPath: `${from}index.html`,
      to: target.path,
      title: target.title,
      href: relativeHref(target.path, rootOf(from)),
      canonical: siteUrl(archive.settings, target.path),
    });
  }
  return redirects;
}

/** Where an emptied list page's address now leads, or undefined when it was not a list's page. */
function emptiedListTarget(from: SitePath, byPath: Map<SitePath, SitePage>, pages: SitePage[]): SitePage | undefined {
  const paged = /^(.+\/)page\/[1-9][0-9]*\/$/.exec(from);
  const list = (paged?.[1] ?? from) as SitePath;
  const first = byPath.get(list);
  if (paged && first) return byPath.get(first.pager?.paths.at(-1) ?? first.path);
  // A year of the timeline: "<lang>/timeline/<year>/", as the timeline's own year pages are addressed.
  const timeline = pages.find((page) => page.kind === "timeline" && list.startsWith(page.path));
  const year = timeline && /^(\d+)\/$/.exec(list.slice(timeline.path.length))?.[1];
  return year && timelineYearPath(timeline.lang, Number(year)) === list ? timeline : undefined;
}
