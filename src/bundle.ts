import { createWriteStream, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface BundleOptions {
  /** The built site to pack (`_site/`). */
  siteDir: string;
  /** Where the zip is written (`dist/`). */
  outDir: string;
  /** The archive's name in file names, e.g. "immigrant-womens-rights-campaigns-archive". */
  name: string;
  /** The day the bundle is dated, "YYYY-MM-DD". */
  date: string;
}

/** "Immigrant Women's Rights" → "immigrant-womens-rights": a name safe in any file system. */
export function bundleSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f'’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Every file of a folder as a path relative to it with "/" separators, sorted so zips are reproducible. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Packs a built site into `<outDir>/<name>-<date>.zip`, every file under one folder of the same
 * name, so an unpacked copy opens from disk at `<name>-<date>/index.html`.
 */
export async function writeSiteBundle(options: BundleOptions): Promise<{ file: string; files: number }> {
  const folder = `${options.name}-${options.date}`;
  const file = path.join(options.outDir, `${folder}.zip`);
  const files = listFiles(options.siteDir);
  if (!files.includes("index.html")) throw new Error(`${options.siteDir} has no index.html: build the site first (npm run build).`);
  mkdirSync(options.outDir, { recursive: true });
  const zip = new ZipFile();
  for (const name of files) {
    const source = path.join(options.siteDir, name);
    zip.addFile(source, `${folder}/${name}`, { mtime: statSync(source).mtime });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return { file, files: files.length };
}
