import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileInside } from "../output-guard.ts";
import type { RenderBatch } from "../render-batches.ts";
import type { SitePage } from "../site-pages.ts";
import type { PublishedFile } from "./published-files.ts";

/** What one Eleventy run renders: every page, one batch of them, or in a watch rebuild the pages a change touched. */
export interface RenderRun {
  /** Every page of the site. */
  allPages: SitePage[];
  /** The pages this run renders. */
  pages: SitePage[];
  batch?: RenderBatch;
}

/**
 * The published files a run writes. A run of the whole site writes all of them. A build in
 * batches writes each item's citation files with its page, and the archive-wide files (feeds,
 * sitemap, open data) with its first batch. A watch rebuild of a few items writes only those
 * items' citation files: the archive-wide ones take seconds to make at scale, so the dev site
 * keeps the ones of its first build, and `npm run build` makes them anew.
 */
export function filesOfRun(files: PublishedFile[], run: RenderRun): PublishedFile[] {
  if (run.pages.length === run.allPages.length) return files;
  const folderOf = (file: PublishedFile) => file.path.slice(0, file.path.lastIndexOf("/") + 1);
  const renderedItems = new Set(run.pages.filter((p) => p.item).map((p) => p.path));
  const allItems = new Set(run.allPages.filter((p) => p.item).map((p) => p.path));
  const archiveWide = run.batch?.index === 0;
  return files.filter((file) => renderedItems.has(folderOf(file)) || (archiveWide && !allItems.has(folderOf(file))));
}

/**
 * Writes published files into `outDir`, each at its site path, and throws before writing one
 * whose path would land outside it. Their content is ready-made text, so they skip Eleventy:
 * passing tens of thousands of them through its template pipeline took a quarter of the render.
 */
export function writePublishedFiles(outDir: string, files: PublishedFile[]): void {
  const madeDirs = new Set<string>();
  for (const file of files) {
    const target = fileInside(outDir, file.path);
    const dir = path.dirname(target);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(target, file.content);
  }
}
