import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";
import { checkPublishedUrls } from "./archival-outputs.ts";

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  pathPrefix?: string;
  baseUrl?: string;
  /** Steps that run on the staged site before it replaces the old one (search index, exports). */
  afterRender?: Array<(stagingDir: string) => Promise<void>>;
  quiet?: boolean;
}

/**
 * Builds the archive into a staging folder and swaps it into place only when every step
 * succeeded: a failed build leaves the previous site untouched.
 */
export async function buildArchiveSite(options: BuildOptions): Promise<void> {
  const outDir = path.resolve(options.outDir);
  const parent = path.dirname(outDir);
  mkdirSync(parent, { recursive: true });
  // Before anything is written: a build may not drop a URL the archive has published.
  checkPublishedUrls(options);
  const staging = path.join(parent, `.site-staging-${process.pid}-${Date.now()}`);
  try {
    await renderSite({ ...options, outDir: staging });
    for (const step of options.afterRender ?? []) await step(staging);
    swapInto(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Runs Eleventy on the content folder, writing into `outDir`. */
export async function renderSite(options: BuildOptions): Promise<void> {
  process.env.ARCHIVE_CONTENT_DIR = options.contentDir;
  if (options.pathPrefix !== undefined) process.env.PATH_PREFIX = options.pathPrefix;
  if (options.baseUrl !== undefined) process.env.SITE_URL = options.baseUrl;
  const projectRoot = path.resolve(import.meta.dirname, "..");
  const eleventy = new Eleventy(path.join(projectRoot, "layouts"), options.outDir, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: options.quiet ?? true,
  });
  await eleventy.write();
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
