import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
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
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  const { name, ext } = path.parse(source);
  return { source, path: `${directory}/${name}.${hash}${ext}` };
}

/** Publishes every file of `sources` under a hashed name; templates read `assets.<name>`. */
export function assetsPlugin(config: UserConfig, options: { sources: Record<string, string> }): void {
  const assets = Object.fromEntries(Object.entries(options.sources).map(([key, file]) => [key, hashAsset(file)]));
  config.addGlobalData("assets", Object.fromEntries(Object.entries(assets).map(([key, a]) => [key, a.path])));
  for (const asset of Object.values(assets)) config.addPassthroughCopy({ [asset.source]: asset.path });
}
