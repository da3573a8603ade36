import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { decode } from "cborg";

// Pagefind's files are gzipped, and start with this signature once unzipped.
const signature = "pagefind_dcd";

/** A Pagefind file's content: unzipped, without its signature. */
function unpacked(file: string): Uint8Array {
  const bytes = gunzipSync(readFileSync(file));
  if (bytes.subarray(0, signature.length).toString() !== signature) throw new Error(`${file} is not a Pagefind file`);
  return bytes.subarray(signature.length);
}

/**
 * The words of a Pagefind index, per language, read from its word chunks (CBOR: the chunk's
 * first element lists `[word, pages, …]`). Words are as Pagefind stored them: lower-cased,
 * stemmed for languages it has a stemmer for.
 */
export function indexWords(siteDir: string): Map<string, Set<string>> {
  const dir = path.join(siteDir, "pagefind", "index");
  const byLanguage = new Map<string, Set<string>>();
  for (const name of readdirSync(dir)) {
    // Named `<language>_<hash>.pf_index`.
    const lang = name.slice(0, name.indexOf("_"));
    const words = byLanguage.get(lang) ?? new Set<string>();
    byLanguage.set(lang, words);
    const [entries] = decode(unpacked(path.join(dir, name))) as [Array<[string, ...unknown[]]>];
    for (const [word] of entries) words.add(word);
  }
  return byLanguage;
}

/** Distinct words over every language's index. */
export function distinctIndexWords(siteDir: string): number {
  return [...indexWords(siteDir).values()].reduce((sum, words) => sum + words.size, 0);
}

/** What Pagefind read of each page: the text of its fragment, as search excerpts show it. */
export function indexedTexts(siteDir: string): Array<{ url: string; content: string }> {
  const dir = path.join(siteDir, "pagefind", "fragment");
  return readdirSync(dir).map((name) => {
    const fragment = JSON.parse(Buffer.from(unpacked(path.join(dir, name))).toString("utf8")) as { url: string; content: string };
    return { url: fragment.url, content: fragment.content };
  });
}
