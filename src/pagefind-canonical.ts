import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { decode, encode } from "cborg";

/**
 * Pagefind 1.5.2 writes its filter files and its per-language meta file with lists taken from
 * hash maps, in an order that changes from run to run, and names them by a hash of that order:
 * the same site gives different file names (its maintainers say so: fragment hashes are stable
 * since 1.3, "other files will still change, such as the filter/metadata indexes"). These lists
 * are maps to the client, so sorting them changes nothing it reads; this module sorts them and
 * renames the files by a hash of the sorted content. Any file it does not recognise exactly is
 * left as Pagefind wrote it.
 */

export interface PagefindFile {
  path: string;
  content: Uint8Array;
}

const magic = Buffer.from("pagefind_dcd");

/** A Pagefind data file's CBOR value, or undefined when it is not one this module can rewrite exactly. */
function readData(content: Uint8Array): unknown[] | undefined {
  let raw: Buffer;
  try {
    raw = gunzipSync(content);
  } catch {
    return undefined;
  }
  if (!raw.subarray(0, magic.length).equals(magic)) return undefined;
  const body = raw.subarray(magic.length);
  const value = decode(body) as unknown;
  // Only rewrite what re-encodes to the very bytes Pagefind wrote.
  if (!Array.isArray(value) || !Buffer.from(encode(value)).equals(body)) return undefined;
  return value;
}

function writeData(value: unknown[]): Uint8Array {
  return gzipSync(Buffer.concat([magic, Buffer.from(encode(value))]));
}

const byFirst = (a: unknown, b: unknown) => {
  const [x, y] = [String((a as unknown[])[0]), String((b as unknown[])[0])];
  return x < y ? -1 : x > y ? 1 : 0;
};
const isPairList = (value: unknown) => Array.isArray(value) && value.every((v) => Array.isArray(v) && typeof v[0] === "string");
const contentHash = (content: Uint8Array, length: number) => createHash("sha256").update(content).digest("hex").slice(0, length);

/** Pagefind's files with filters and meta sorted and renamed by content; every other file as it was. */
export function canonicalisePagefindFiles(files: PagefindFile[]): PagefindFile[] {
  const renamed = new Map<string, string>();
  const rename = (oldHash: string, content: Uint8Array, length: number) => {
    const newHash = `${oldHash.slice(0, oldHash.lastIndexOf("_") + 1)}${contentHash(content, length)}`;
    renamed.set(oldHash, newHash);
    return newHash;
  };

  // Filter files: [name, [[value, pages], …]] with values in map order.
  const out = files.map((file) => {
    const match = /^filter\/(.+)\.pf_filter$/.exec(file.path);
    const data = match ? readData(file.content) : undefined;
    if (!match || !data || !isPairList(data[1])) return file;
    const content = writeData([data[0], [...(data[1] as unknown[])].sort(byFirst), ...data.slice(2)]);
    return { path: `filter/${rename(match[1] as string, content, 7)}.pf_filter`, content };
  });

  // Meta files: [version, pages, index chunks, filters [[name, file hash]], sorts [[name, order]], …].
  for (const [i, file] of out.entries()) {
    const match = /^pagefind\.(.+)\.pf_meta$/.exec(file.path);
    const data = match ? readData(file.content) : undefined;
    if (!match || !data || !isPairList(data[3]) || !isPairList(data[4])) continue;
    const filters = (data[3] as unknown[][]).map(([name, hash]) => [name, renamed.get(String(hash)) ?? hash]).sort(byFirst);
    const sorts = [...(data[4] as unknown[])].sort(byFirst);
    const content = writeData([data[0], data[1], data[2], filters, sorts, ...data.slice(5)]);
    out[i] = { path: `pagefind.${rename(match[1] as string, content, 10)}.pf_meta`, content };
  }

  // The entry file names each language's meta file.
  return out.map((file) => {
    if (file.path !== "pagefind-entry.json") return file;
    const entry = JSON.parse(Buffer.from(file.content).toString("utf8")) as { languages: Record<string, { hash: string }> };
    for (const language of Object.values(entry.languages)) language.hash = renamed.get(language.hash) ?? language.hash;
    const languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { path: file.path, content: Buffer.from(JSON.stringify({ ...entry, languages })) };
  });
}
