import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";

/** A static file published under a content-hashed name, so hosts may cache it forever. */
export interface HashedAsset {
  source: string;
  /** Site path of the published file, e.g. "assets/site.3f2a9c1b.css". */
  path: string;
}

export function hashAsset(source: string, directory = "assets"): HashedAsset {
  const contents = readFileSync(source);
  return { source, path: hashedPath(source, contents, directory) };
}

function hashedPath(source: string, contents: string | Buffer, directory: string): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  const { name, ext } = path.parse(source);
  return `${directory}/${name}.${hash}${ext}`;
}

/** A file made from `source` and text the build adds to it (the settings' campaign colours to the stylesheet). */
export function extendedAsset(source: string, addition: string, directory = "assets"): HashedAsset & { contents: string } {
  const contents = readFileSync(source, "utf8") + addition;
  return { source, path: hashedPath(source, contents, directory), contents };
}

/** Writes an extended asset into the output once Eleventy has written the pages. */
export function writeExtendedAsset(config: UserConfig, asset: () => HashedAsset & { contents: string }): void {
  config.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    const { path: sitePath, contents } = asset();
    const file = path.join(directories.output, sitePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  });
}

/** Publishes every file of `sources` under a hashed name; templates read `assets.<name>`. */
export function assetsPlugin(config: UserConfig, options: { sources: Record<string, string> }): void {
  const assets = Object.fromEntries(Object.entries(options.sources).map(([key, file]) => [key, hashAsset(file)]));
  config.addGlobalData("assets", Object.fromEntries(Object.entries(assets).map(([key, a]) => [key, a.path])));
  for (const asset of Object.values(assets)) config.addPassthroughCopy({ [asset.source]: asset.path });
}
