import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * How a build replaces its output folder so that readers, a second build and a crash at any
 * moment all find a complete site. Beside `<out>` live, for `<out>` only:
 *   .<out>.lock           the pid of the build that holds the folder
 *   .<out>.staging-<pid>  the site being written
 *   .<out>.previous-<pid> the old site during the swap: complete, restored if the swap was cut short
 *   .<out>.trash-<pid>    the old site being deleted after the swap
 */
const sideName = (target: string, kind: string, pid: number | string = process.pid) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${pid}`);
const lockFile = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.lock`);

export class OutputBusyError extends Error {
  constructor(
    readonly target: string,
    readonly pid: number,
  ) {
    super(`Another build (process ${pid}) is writing ${target} now. Wait for it to finish, then build again.`);
    this.name = "OutputBusyError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock on `target`, or throws OutputBusyError naming the build that holds it. A lock
 * left by a process that no longer runs (a killed build) is taken over.
 */
export function lockOutput(target: string): () => void {
  const file = lockFile(target);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) throw new OutputBusyError(target, pid);
      // Stale (or unreadable, or half-written by a build killed while writing it): remove and retry.
      rmSync(file, { force: true });
    }
  }
  throw new OutputBusyError(target, Number.NaN);
}

/** The side folders of `target` left by builds, by kind ("staging", "previous", "trash"). */
function sideFolders(target: string, kind: string): string[] {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return [];
  const prefix = `.${path.basename(target)}.${kind}-`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Staging folders of the first releases' builds (`.site-staging-<pid>-<time>`, beside the output,
 * not named after it) whose build is no longer running: a killed build left them for good.
 */
function legacyStagingFolders(target: string): string[] {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^\.site-staging-(\d+)-\d+$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null && !isRunning(Number(match[1])))
    .map((match) => path.join(dir, match[0]));
}

/**
 * Makes `target` complete again after a build was killed, and removes what killed builds left.
 * A build killed between the two renames of its swap left the old site as `.previous-*` and no
 * `target`: that old site is put back. Call it only while holding the lock (or when no build runs).
 */
export function recoverOutput(target: string): { restored: boolean; removed: number } {
  let restored = false;
  const previous = sideFolders(target, "previous");
  if (!existsSync(target) && previous.length > 0) {
    renameSync(previous[previous.length - 1] as string, target);
    restored = true;
  }
  const stale = [
    ...sideFolders(target, "staging"),
    ...sideFolders(target, "previous"),
    ...sideFolders(target, "trash"),
    ...legacyStagingFolders(target),
  ];
  for (const dir of stale) rmSync(dir, { recursive: true, force: true });
  return { restored, removed: stale.length };
}

/** Where this process stages its build of `target`. */
export function stagingFolder(target: string): string {
  return sideName(target, "staging");
}

/**
 * Replaces `target` with `staging`. Every moment leaves a complete site: `target` itself, or
 * (between the renames) `.previous-*`, which recoverOutput puts back.
 */
export function swapInto(staging: string, target: string): void {
  const previous = sideName(target, "previous");
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadTarget) renameSync(previous, target);
    throw error;
  }
  if (!hadTarget) return;
  // Renamed first so a kill during the slow delete never leaves a half-deleted "previous" to restore.
  const trash = sideName(target, "trash");
  renameSync(previous, trash);
  rmSync(trash, { recursive: true, force: true });
}

/**
 * For readers of the output (`npm start`): repairs what a killed build left, unless a build is
 * running now (it repairs the folder itself when it starts). Returns whether the site was restored.
 */
export function recoverIfIdle(target: string): boolean {
  if (!existsSync(path.dirname(target))) return false;
  let unlock: () => void;
  try {
    unlock = lockOutput(target);
  } catch (error) {
    if (error instanceof OutputBusyError) return false;
    throw error;
  }
  try {
    return recoverOutput(target).restored;
  } finally {
    unlock();
  }
}
