import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./content/errors.ts";
import { formatHeadersFile } from "./host-headers.ts";
import { checkOutputTarget, fileInside, writeBuildMarker } from "./output-guard.ts";
import { lockOutput, recoverOutput, stagingFolder, swapInto } from "./output-swap.ts";
import { renderInChildProcess } from "./render-process.ts";
import type { SiteOptions } from "./site.ts";

export { swapInto };
const projectRoot = path.resolve(import.meta.dirname, "..");

export interface BuildOptions extends SiteOptions {
  outDir: string;
  /** Steps that run on the staged site before it replaces the old one (search index, exports). */
  afterRender?: Array<(stagingDir: string) => Promise<void>>;
  quiet?: boolean;
  /**
   * Load, check and render in a Node process of its own, so the render's memory is freed before
   * the steps after it; the content is then checked once the output is locked.
   */
  renderApart?: boolean;
  /** With `renderApart`: pages rendered per process (src/render-batches.ts). */
  pagesPerBatch?: number;
  /** The Eleventy input: the package's layouts, or a theme layered over them (src/theme.ts). */
  layoutsDir?: string;
}

/**
 * Builds the archive into a staging folder and swaps it into place only when every step
 * succeeded: a failed build leaves the previous site untouched. Content problems throw a
 * ContentError before anything is written. The output folder must be one a build may replace
 * (see output-guard.ts); while building, the build holds its lock, and first repairs what a
 * killed build left (see output-swap.ts).
 */
export async function buildArchiveSite(options: BuildOptions): Promise<{ warnings: ContentProblem[] }> {
  const outDir = path.resolve(options.outDir);
  checkOutputTarget(outDir, { "the content folder": options.contentDir, "the project": projectRoot });
  // Content types are code, which cannot cross to a render process: a site with its own renders here.
  const apart = options.renderApart === true && options.types === undefined;
  // Eleventy and the content loader are loaded only to render here: a build that renders apart
  // keeps this process small while Pagefind runs beside it.
  const render = apart ? undefined : await import("./render.ts");
  const site = render?.loadChecked(options);
  mkdirSync(path.dirname(outDir), { recursive: true });
  const unlock = lockOutput(outDir);
  try {
    recoverOutput(outDir);
    const staging = stagingFolder(outDir);
    try {
      const request = { ...options, outDir: staging, afterRender: undefined };
      let warnings: ContentProblem[];
      if (render && site) {
        await render.renderSite(request, site);
        warnings = site.warnings;
      } else ({ warnings } = await renderInChildProcess(request));
      writeBuildMarker(staging);
      writeFileSync(fileInside(staging, "_headers"), formatHeadersFile());
      for (const step of options.afterRender ?? []) await step(staging);
      swapInto(staging, outDir);
      return { warnings };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    unlock();
  }
}
