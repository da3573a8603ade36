import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { handOverSite } from "./eleventy/site-plugin.ts";
import { publishedOutputs } from "./outputs/published-files.ts";
import { checkManifest, manifestFileName, readManifestFile } from "./outputs/url-manifest.ts";
import { loadSite, siteOptionsFromEnv, type SiteData, type SiteOptions } from "./site.ts";

export interface BuildOptions extends SiteOptions {
  outDir: string;
  /** Steps that run on the staged site before it replaces the old one (search index, exports). */
  afterRender?: Array<(stagingDir: string) => Promise<void>>;
  quiet?: boolean;
}

/**
 * Builds the archive into a staging folder and swaps it into place only when every step
 * succeeded: a failed build leaves the previous site untouched. Content problems throw a
 * ContentError before anything is written.
 */
export async function buildArchiveSite(options: BuildOptions): Promise<SiteData> {
  const outDir = path.resolve(options.outDir);
  const parent = path.dirname(outDir);
  const site = loadSite(options);
  // Before anything is written: a build may not drop a URL the archive has published.
  checkPublishedUrls(options, site);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.site-staging-${process.pid}-${Date.now()}`);
  try {
    await renderSite({ ...options, outDir: staging }, site);
    for (const step of options.afterRender ?? []) await step(staging);
    swapInto(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return site;
}

/** Runs Eleventy on the content folder (or on a site already loaded from it), writing into `outDir`. */
export async function renderSite(options: BuildOptions, site?: SiteData): Promise<void> {
  // eleventy.config.ts reads these; unset ones must not linger from an earlier build in this process.
  setEnv("ARCHIVE_CONTENT_DIR", options.contentDir);
  setEnv("PATH_PREFIX", options.pathPrefix);
  setEnv("SITE_URL", options.baseUrl);
  // The content types and layout folders travel with the handed-over site: the environment cannot carry them.
  handOverSite({ ...siteOptionsFromEnv(), types: options.types, layoutDirs: options.layoutDirs }, site ?? loadSite(options));
  const projectRoot = path.resolve(import.meta.dirname, "..");
  const eleventy = new Eleventy(path.join(projectRoot, "layouts"), options.outDir, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: options.quiet ?? true,
  });
  await eleventy.write();
}

/**
 * Fails, naming each URL, when the content would no longer build a URL listed in its manifest
 * (`published-urls.txt` in the content folder; an archive without one has published nothing yet).
 */
export function checkPublishedUrls(options: SiteOptions, { archive, pages }: SiteData): void {
  const published = readManifestFile(path.join(options.contentDir, manifestFileName));
  checkManifest(published, publishedOutputs(archive, pages, archive.settings.published).urls);
}

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Replaces `target` with `staging` in two renames, so readers never see a half-written site. */
export function swapInto(staging: string, target: string): void {
  const previous = `${path.dirname(target)}/.site-previous-${process.pid}-${Date.now()}`;
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
