import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/**
 * The file every build writes into its output folder. A folder holding it was made by a build,
 * so a later build may replace it; any other non-empty folder is left alone.
 */
export const buildMarkerName = ".archive-build";

/** An output folder or path that a build must not write to or replace. */
export class OutputGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputGuardError";
  }
}

/**
 * Whether a site path ("en/event/x/index.html") stays inside the folder it is written to:
 * relative, no "." or ".." segment, no backslash or NUL that a file system could read otherwise.
 */
export function isInsideSitePath(sitePath: string): boolean {
  if (sitePath.startsWith("/") || /[\\\0]/.test(sitePath) || /^[A-Za-z]:/.test(sitePath)) return false;
  return sitePath.split("/").every((segment) => segment !== "." && segment !== "..");
}

// Paths the writer refused, kept on globalThis: Eleventy reports a filter's error without its
// message, and may load this module in a module graph of its own.
const refusedKey = Symbol.for("campaign-archive.refused-paths");
const refused: string[] = ((globalThis as Record<symbol, unknown>)[refusedKey] ??= []) as string[];

/** A site path to write, returned as is when it stays inside the output; throws otherwise. */
export function guardSitePath(sitePath: string): string {
  if (isInsideSitePath(sitePath)) return sitePath;
  refused.push(sitePath);
  throw new OutputGuardError(`Refusing to write ${JSON.stringify(sitePath)}: it is outside the output folder.`);
}

/** The paths refused since the last call, as one error, or undefined; clears the list. */
export function takeRefusedPaths(): OutputGuardError | undefined {
  const paths = refused.splice(0);
  if (paths.length === 0) return undefined;
  return new OutputGuardError(`Refusing to write ${paths.map((p) => JSON.stringify(p)).join(", ")}: outside the output folder.`);
}

/** The file a site path names inside `outDir`; throws rather than return a path elsewhere. */
export function fileInside(outDir: string, sitePath: string): string {
  const root = path.resolve(outDir);
  const file = path.resolve(root, sitePath);
  if (!isInsideSitePath(sitePath) || !file.startsWith(root + path.sep)) {
    throw new OutputGuardError(`Refusing to write ${JSON.stringify(sitePath)}: it is outside the output folder ${root}.`);
  }
  return file;
}

/** The absolute path with every existing part's symlinks resolved, so a link cannot disguise a folder. */
export function realResolve(target: string): string {
  let existing = path.resolve(target);
  const rest: string[] = [];
  while (!existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(realpathSync(existing), ...rest);
}

const isSameOrInside = (inner: string, outer: string) =>
  inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

/** A folder made by a build before builds wrote the marker: it holds a search index and a 404 page. */
function isUnmarkedBuild(dir: string): boolean {
  return existsSync(path.join(dir, "pagefind", "pagefind-entry.json")) && existsSync(path.join(dir, "404.html"));
}

/**
 * Throws unless `outDir` is a folder a build may replace: new, empty, or made by a build.
 * Never the content folder or a folder inside it, the project, the current directory, the home
 * directory, the file system root, or a folder that holds any of them.
 */
export function checkOutputTarget(outDir: string, protectedDirs: Record<string, string>): void {
  const target = realResolve(outDir);
  const guarded: Record<string, string> = { ...protectedDirs, "the current directory": process.cwd(), "your home directory": homedir() };
  for (const [what, dir] of Object.entries(guarded)) {
    const kept = realResolve(dir);
    if (isSameOrInside(kept, target)) {
      throw new OutputGuardError(
        `Refusing to build into ${outDir}: it is or holds ${what} (${kept}), which the build would replace. Choose another --out folder, such as _site.`,
      );
    }
  }
  const content = protectedDirs["the content folder"];
  if (content && isSameOrInside(target, realResolve(content))) {
    throw new OutputGuardError(
      `Refusing to build into ${outDir}: it is inside the content folder. Choose a folder outside it, such as _site.`,
    );
  }
  if (path.dirname(target) === target) throw new OutputGuardError(`Refusing to build into ${outDir}: it is the file system root.`);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new OutputGuardError(`Refusing to build into ${outDir}: it is a file, not a folder.`);
  if (readdirSync(target).length === 0 || existsSync(path.join(target, buildMarkerName)) || isUnmarkedBuild(target)) return;
  throw new OutputGuardError(
    `Refusing to replace ${outDir}: it is not empty and no build made it (it has no ${buildMarkerName} file). ` +
      "Choose an empty or new --out folder, or move its files away yourself.",
  );
}

/** Marks a folder as made by a build, so the next build may replace it. */
export function writeBuildMarker(dir: string): void {
  writeFileSync(path.join(dir, buildMarkerName), "Made by the archive's build; the next build replaces this whole folder.\n");
}

/** A file system error during a build, in words that say what to do; other errors as they are. */
export function explainBuildError(error: unknown, outDir: string): string {
  const e = error as NodeJS.ErrnoException;
  const where = e.path ? ` (${e.path})` : "";
  switch (e.code) {
    case "ENOSPC":
      return `The disk is full: the build could not finish writing${where}. Free some space and build again.`;
    case "EDQUOT":
      return `The disk quota is used up: the build could not finish writing${where}.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `The build may not write beside ${outDir}${where}: the folder is read-only or belongs to someone else. Choose another --out folder or change its permissions.`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
