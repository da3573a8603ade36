/**
 * A large site is rendered in batches of pages, each by an Eleventy run of its own, one after
 * another in one process that loaded the content once: Eleventy holds about 100 kB per page it
 * renders until its run ends, so a batch bounds the render's memory however large the archive.
 */
export interface RenderBatch {
  /** 0-based; batch 0 also writes the archive-wide files (feeds, sitemap, data, redirects). */
  index: number;
  count: number;
}

/** Pages per batch: at ~100 kB each, about 0.8 GB of rendered pages at most, besides the archive itself. */
export const pagesPerBatch = 8000;

/** How many batches a site of `pages` pages is rendered in. */
export function batchCount(pages: number, perBatch = pagesPerBatch): number {
  return Math.max(1, Math.ceil(pages / perBatch));
}

/** The pages one batch renders: consecutive, every page in exactly one batch. */
export function pagesOfBatch<T>(pages: T[], batch: RenderBatch): T[] {
  const size = Math.ceil(pages.length / batch.count);
  return pages.slice(batch.index * size, (batch.index + 1) * size);
}
