import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** Text files worth compressing; Pagefind's index files and images are already compressed. */
export const compressibleExtensions = new Set([".html", ".css", ".js", ".json", ".xml", ".txt", ".svg"]);

/**
 * Writes `<file>.gz` and `<file>.br` beside every text file of a built site, at the highest
 * levels, for hosts that serve precompressed files (nginx gzip_static/brotli_static, Caddy
 * `precompressed`, most CDNs' origin pulls).
 */
export function precompressSite(siteDir: string): { files: number } {
  let files = 0;
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !compressibleExtensions.has(path.extname(entry.name))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const contents = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(contents, { level: constants.Z_BEST_COMPRESSION }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(contents, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: contents.length,
        },
      }),
    );
    files += 1;
  }
  return { files };
}
