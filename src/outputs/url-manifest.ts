import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { SitePath } from "../urls.ts";

/**
 * The list of every URL the archive has ever published, one site path a line ("/en/event/some-id/").
 * A published URL must keep working: either its page is still built or an item declares it as an alias.
 */
export const manifestFileName = "published-urls.txt";

const header = [
  "# Every URL this archive has published, relative to its base URL and path prefix.",
  "# A build fails when one of them is no longer built: give the item that replaced it an `aliases` entry.",
  "# `npm run urls` adds newly built URLs; never delete a line.",
];

/** A site path as the manifest and `aliases` write it: with a leading slash. */
export function manifestUrl(path: SitePath): string {
  return `/${path}`;
}

export function parseManifest(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

export function formatManifest(urls: Iterable<string>): string {
  return `${[...header, ...[...new Set(urls)].sort()].join("\n")}\n`;
}

/** Published URLs that the build no longer makes; redirect pages of aliases count as made. */
export function missingUrls(published: string[], built: Iterable<string>): string[] {
  const made = new Set(built);
  return published.filter((url) => !made.has(url));
}

export class UrlManifestError extends Error {
  constructor(readonly missing: string[]) {
    super(
      [
        `${missing.length} published URL${missing.length === 1 ? " is" : "s are"} no longer built and no item declares ${missing.length === 1 ? "it" : "them"} as an alias:`,
        ...missing.map((url) => `  ${url}`),
        `A published URL must keep working: add it to the \`aliases\` of the item that replaced it, e.g. aliases: ["${missing[0]}"].`,
      ].join("\n"),
    );
    this.name = "UrlManifestError";
  }
}

/** Throws a UrlManifestError naming every published URL the build would drop. */
export function checkManifest(published: string[], built: Iterable<string>): void {
  const missing = missingUrls(published, built);
  if (missing.length > 0) throw new UrlManifestError(missing);
}

export function readManifestFile(file: string): string[] {
  return existsSync(file) ? parseManifest(readFileSync(file, "utf8")) : [];
}

/** Adds the built URLs to the manifest file; returns how many were new. */
export function appendToManifestFile(file: string, built: Iterable<string>): number {
  const published = readManifestFile(file);
  const known = new Set(published);
  const added = [...new Set(built)].filter((url) => !known.has(url));
  writeFileSync(file, formatManifest([...published, ...added]));
  return added.length;
}
