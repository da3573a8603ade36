import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

// RFC 6928: a new connection's first round trip carries ten segments, about 14 KB.
export const pageBudgetBytes = 14 * 1024;

/**
 * What a first visit to each page transfers: its HTML plus the site's stylesheets, gzipped as
 * a static host would serve them. Search files are not counted: they load only on a search.
 */
export function pageWeights(siteDir: string): Percentiles & { pages: number; overBudget: Array<{ page: string; bytes: number }> } {
  const files = filesUnder(siteDir).filter((f) => !f.includes(`${path.sep}pagefind${path.sep}`));
  const gz = (file: string) => gzipSync(readFileSync(file)).length;
  const css = files.filter((f) => f.endsWith(".css")).reduce((sum, f) => sum + gz(f), 0);
  const weights = files.filter((f) => f.endsWith(".html")).map((f) => ({ page: path.relative(siteDir, f), bytes: gz(f) + css }));
  const overBudget = weights.filter((w) => w.bytes > pageBudgetBytes).sort((a, b) => b.bytes - a.bytes);
  return { ...percentiles(weights.map((w) => w.bytes)), pages: weights.length, overBudget };
}

/** Bytes of Pagefind's index on disk (the whole `pagefind/` folder). */
export function indexBytes(siteDir: string): number {
  return filesUnder(path.join(siteDir, "pagefind")).reduce((sum, f) => sum + statSync(f).size, 0);
}

/** How many files a site holds and their bytes on disk. */
export function siteSize(siteDir: string): { files: number; bytes: number } {
  const files = filesUnder(siteDir);
  return { files: files.length, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) };
}
