import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { transform } from "lightningcss";

/** A static file published under a content-hashed name, so hosts may cache it forever. */
export interface HashedAsset {
  source: string;
  /** Site path of the published file, e.g. "assets/site.3f2a9c1b.css". */
  path: string;
  /** What is published: the file as written, or minified for a stylesheet. */
  contents: Buffer;
}

/** A stylesheet written readably in the source, published minified. */
export function minifyCss(file: string, code: Buffer): Buffer {
  return Buffer.from(transform({ filename: file, code, minify: true }).code);
}

export function hashAsset(source: string, directory = "assets"): HashedAsset {
  const raw = readFileSync(source);
  const contents = source.endsWith(".css") ? minifyCss(source, raw) : raw;
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 10);
  const { name, ext } = path.parse(source);
  return { source, path: `${directory}/${name}.${hash}${ext}`, contents };
}

/** Publishes every file of `sources` under a hashed name; templates read `assets.<name>`. */
export function assetsPlugin(config: UserConfig, options: { sources: Record<string, string> }): void {
  const assets = Object.fromEntries(Object.entries(options.sources).map(([key, file]) => [key, hashAsset(file)]));
  config.addGlobalData("assets", Object.fromEntries(Object.entries(assets).map(([key, a]) => [key, a.path])));
  for (const [key, asset] of Object.entries(assets)) {
    config.addTemplate(`asset-${key}.njk`, "{{ asset | safe }}", {
      asset: asset.contents.toString("utf8"),
      permalink: asset.path,
      eleventyExcludeFromCollections: true,
    });
  }
}
