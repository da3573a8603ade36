import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import type { BuildOptions } from "./build.ts";
import { handOverSite } from "./eleventy/site-plugin.ts";
import { takeRefusedPaths } from "./output-guard.ts";
import { checkPublishedUrls } from "./outputs/published-files.ts";
import { batchCount } from "./render-batches.ts";
import { loadSite, siteOptionsFromEnv, type SiteData } from "./site.ts";

// The render: Eleventy on a loaded site. src/build.ts stages, swaps and indexes what it writes.
const projectRoot = path.resolve(import.meta.dirname, "..");

/** Loads the content and checks it against what the archive has published; throws a ContentError listing every problem. */
export function loadChecked(options: BuildOptions): SiteData {
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
