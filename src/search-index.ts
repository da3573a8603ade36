import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as pagefind from "pagefind";
import { fileInside } from "./output-guard.ts";
import { canonicalisePagefindFiles } from "./pagefind-canonical.ts";

/**
 * What of a page's `data-pagefind-body` is not the item's own text: the pager to neighbouring
 * events, the lists of related items (a campaign's events, a source's citing items), the
 * untranslated-text notice. Indexing them would make a page match its neighbours' titles.
 * Fact labels ("Places", "Date") are on every page and no reader searches them; Pagefind 1.5
 * also treats `dt`/`dd` as inline, so a label would run into its value ("placeswashington").
 */
export const excludedFromIndex = ["main > nav", "main > section", "article > section", ".notice", "dt"];

/** Pagefind's target size for one chunk of the word index: a one-word query fetches one chunk. */
export const indexChunkSize = 3000;

/** Pages in the index, over all languages, as its entry file counts them. */
function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Writes Pagefind's index into a built site. Pagefind splits the index by each page's
 * <html lang>, so every language gets its own, and reads only `data-pagefind-body` regions,
 * which the layouts put on item pages (see src/outputs/search-record.ts).
 */
/**
 * Throws a message that says what to do when Pagefind's program for this system is missing;
 * Pagefind itself blames "not yet a supported architecture" or prints a stack from its service.
 */
export function checkPagefindBinary(): void {
  const given = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  const system = `${process.platform === "win32" ? "windows" : process.platform}-${process.env.npm_config_arch ?? process.arch}`;
  if (given !== undefined) {
    if (!existsSync(given))
      throw new Error(`Pagefind's program is not at ${given} (PAGEFIND_BINARY_PATH): point it at the pagefind binary, or unset it.`);
    return;
  }
  const require = createRequire(import.meta.resolve("pagefind"));
  const ext = process.platform === "win32" ? ".exe" : "";
  const installed = ["pagefind_extended", "pagefind"].some((name) => {
    try {
      return Boolean(require.resolve(`@pagefind/${system}/bin/${name}${ext}`));
    } catch {
      return false;
    }
  });
  if (installed) return;
  throw new Error(
    `Pagefind's program for this system (${system}) is not installed, so the search index cannot be built. ` +
      `Run \`npm ci\` again (it installs @pagefind/${system} as an optional dependency; --omit=optional leaves it out), ` +
      `or set PAGEFIND_BINARY_PATH to a downloaded pagefind${ext}.`,
  );
}

export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; indexed: number }> {
  checkPagefindBinary();
  // Smaller word chunks than Pagefind's default keep a first one-word query under ~100 kB in all;
  // the service reads this from its environment (pagefind is pinned, so the name cannot drift).
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(indexChunkSize);
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: excludedFromIndex });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    // Written here rather than by writeFiles: the service can be closed before its last file is
    // flushed, which left an empty pagefind-entry.json now and then.
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundle.errors.join("; ")}`);
    let indexed = 0;
    // Sorted and renamed by content, so the same site gives the same files (see pagefind-canonical.ts).
    for (const file of canonicalisePagefindFiles(bundle.files)) {
      const target = fileInside(siteDir, `pagefind/${file.path}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      if (file.path === "pagefind-entry.json") indexed = indexedPages(Buffer.from(file.content).toString("utf8"));
    }
    return { pages: added.page_count, indexed };
  } finally {
    await pagefind.close();
  }
}
