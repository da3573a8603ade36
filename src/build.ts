import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { handOverSite } from "./eleventy/site-plugin.ts";
import { formatHeadersFile } from "./host-headers.ts";
import { checkOutputTarget, fileInside, takeRefusedPaths, writeBuildMarker } from "./output-guard.ts";
import { lockOutput, recoverOutput, stagingFolder, swapInto } from "./output-swap.ts";
import { checkPublishedUrls } from "./outputs/published-files.ts";
import { loadSite, siteOptionsFromEnv, type SiteData, type SiteOptions } from "./site.ts";

export { swapInto };
const projectRoot = path.resolve(import.meta.dirname, "..");

export interface BuildOptions extends SiteOptions {
  outDir: string;
  /** Steps that run on the staged site before it replaces the old one (search index, exports). */
  afterRender?: Array<(stagingDir: string) => Promise<void>>;
  quiet?: boolean;
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
export async function buildArchiveSite(options: BuildOptions): Promise<SiteData> {
  const outDir = path.resolve(options.outDir);
  checkOutputTarget(outDir, { "the content folder": options.contentDir, "the project": projectRoot });
  const site = loadSite(options);
  // Before anything is written: a build may not drop a URL the archive has published.
  checkPublishedUrls(options, site);
  mkdirSync(path.dirname(outDir), { recursive: true });
  const unlock = lockOutput(outDir);
  try {
    recoverOutput(outDir);
    const staging = stagingFolder(outDir);
    try {
      await renderSite({ ...options, outDir: staging }, site);
      writeBuildMarker(staging);
      writeFileSync(fileInside(staging, "_headers"), formatHeadersFile());
      for (const step of options.afterRender ?? []) await step(staging);
      swapInto(staging, outDir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    unlock();
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
