import type { Archive } from "../archive.ts";
import { aliasPath, relativeHref, rootOf, siteUrl, type SitePath } from "../urls.ts";

/** An old address kept alive: a small page that sends readers and crawlers to the item's URL. */
export interface Redirect {
  lang: string;
  /** The content file that declares the alias, and the field ("aliases[0]"). */
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
