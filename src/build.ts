import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { checkPublishedUrls } from "./archival-outputs.ts";
import type { ContentProblem } from "./content/errors.ts";
import { archiveOptionsFromEnv, handOverSite, loadSite, type SiteData } from "./eleventy/archive-plugin.ts";
import { renderInChildProcess } from "./render-process.ts";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix?: string;
  baseUrl?: string;
  /** Steps that run on the staged site before it replaces the old one (search index, exports). */
  afterRender?: Array<(stagingDir: string) => Promise<void>>;
  quiet?: boolean;
  /** Render in a Node process of its own, so its memory is freed before the steps after it. */
  renderApart?: boolean;
}

/**
 * Builds the archive into a staging folder and swaps it into place only when every step
 * succeeded: a failed build leaves the previous site untouched. Content problems throw a
 * ContentError before anything is written.
 */
export async function buildArchiveSite(options: BuildOptions): Promise<{ warnings: ContentProblem[] }> {
  const outDir = path.resolve(options.outDir);
  const parent = path.dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.site-staging-${process.pid}-${Date.now()}`);
  try {
    const request = { ...options, outDir: staging, afterRender: undefined };
    const { warnings } = options.renderApart ? await renderInChildProcess(request) : await loadAndRender(request);
    for (const step of options.afterRender ?? []) await step(staging);
    swapInto(staging, outDir);
    return { warnings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Loads and checks the content, then renders it into `options.outDir`; nothing is written when the content has problems. */
export async function loadAndRender(options: BuildOptions): Promise<SiteData> {
  const site = loadSite(options);
  // Before anything is written: a build may not drop a URL the archive has published.
  checkPublishedUrls(options, site);
  await renderSite(options, site);
  return site;
}

/** Runs Eleventy on the content folder (or on a site already loaded from it), writing into `outDir`. */
export async function renderSite(options: BuildOptions, site?: SiteData): Promise<void> {
  // eleventy.config.ts reads these; unset ones must not linger from an earlier build in this process.
  setEnv("ARCHIVE_CONTENT_DIR", options.contentDir);
  setEnv("PATH_PREFIX", options.pathPrefix);
  setEnv("SITE_URL", options.baseUrl);
  if (site) handOverSite(archiveOptionsFromEnv(), site);
  const projectRoot = path.resolve(import.meta.dirname, "..");
  const eleventy = new Eleventy(path.join(projectRoot, "layouts"), options.outDir, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: options.quiet ?? true,
  });
  await eleventy.write();
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
