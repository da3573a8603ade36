import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { ContentProblem } from "./content/errors.ts";
import { handOverSite } from "./eleventy/site-plugin.ts";
import { formatHeadersFile } from "./host-headers.ts";
import { checkOutputTarget, fileInside, takeRefusedPaths, writeBuildMarker } from "./output-guard.ts";
import { lockOutput, recoverOutput, stagingFolder, swapInto } from "./output-swap.ts";
import { checkPublishedUrls } from "./outputs/published-files.ts";
import { batchCount } from "./render-batches.ts";
import { renderInChildProcess } from "./render-process.ts";
import { loadSite, siteOptionsFromEnv, type SiteData, type SiteOptions } from "./site.ts";

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
  const site = apart ? undefined : loadChecked(options);
  mkdirSync(path.dirname(outDir), { recursive: true });
  const unlock = lockOutput(outDir);
  try {
    recoverOutput(outDir);
    const staging = stagingFolder(outDir);
    try {
      const request = { ...options, outDir: staging, afterRender: undefined };
      let warnings: ContentProblem[];
      if (site) {
        await renderSite(request, site);
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

/** Loads the content and checks it against what the archive has published; throws a ContentError listing every problem. */
function loadChecked(options: BuildOptions): SiteData {
  const site = loadSite(options);
  // Before anything is written: a build may not drop a URL the archive has published.
  checkPublishedUrls(site);
  return site;
}

/**
 * Loads the content once and renders its pages into `options.outDir` one batch after another,
 * each batch by an Eleventy run of its own: a render process's whole job. Eleventy holds what
 * it renders until its run ends, so a batch bounds that memory, while the content is parsed and
 * checked (against what is published, too) only once.
 */
export async function loadAndRender(options: BuildOptions): Promise<SiteData> {
  const site = loadChecked(options);
  const count = batchCount(site.pages.length, options.pagesPerBatch);
  for (let index = 0; index < count; index++) {
    site.batch = { index, count };
    await renderSite(options, site);
    // What the run held is garbage now; collected before the next run, not lazily during it.
    (globalThis as { gc?: () => void }).gc?.();
  }
  return site;
}

/** Runs Eleventy on the content folder (or on a site already loaded from it), writing into `outDir`. */
export async function renderSite(options: BuildOptions, site?: SiteData): Promise<void> {
  // eleventy.config.ts reads these; unset ones must not linger from an earlier build in this process.
  setEnv("ARCHIVE_CONTENT_DIR", options.contentDir);
  setEnv("PATH_PREFIX", options.pathPrefix);
  setEnv("SITE_URL", options.baseUrl);
  setEnv("ARCHIVE_LAYOUTS_DIR", options.layoutsDir);
  // The content types and layout folders travel with the handed-over site: the environment cannot carry them.
  handOverSite({ ...siteOptionsFromEnv(), types: options.types, layoutDirs: options.layoutDirs }, site ?? loadSite(options));
  const eleventy = new Eleventy(options.layoutsDir ?? path.join(projectRoot, "layouts"), options.outDir, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: options.quiet ?? true,
  });
  takeRefusedPaths();
  try {
    await eleventy.write();
  } catch (error) {
    // Eleventy reports a refused path as a filter error without its message: the guard's says what happened.
    throw takeRefusedPaths() ?? error;
  }
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
