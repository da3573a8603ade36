import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import path from "node:path";

export interface DevRebuild {
  incremental: boolean;
  /** Time from the first watch build's start until it finished writing. */
  firstBuildMs: number;
  /** Time from saving one event file until Eleventy reported its writes. */
  rebuildMs: number;
  /** What Eleventy's last "Wrote …" line said. */
  report: string;
}

const wrote = /Wrote \d+ files?[^\n]*/;

/**
 * Times a dev rebuild: Eleventy in watch mode on the archive, one event file changed, and the
 * clock stopped at Eleventy's "Wrote … files" line for the rebuild.
 */
export function measureDevRebuild(options: {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  eventFile: string;
  incremental: boolean;
  timeoutMs?: number;
}): Promise<DevRebuild> {
  const eleventy = path.join(options.projectRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const args = ["--import", "tsx", eleventy, "--config=eleventy.config.ts", "--input=layouts", `--output=${options.outDir}`, "--watch"];
  if (options.incremental) args.push("--incremental");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: options.projectRoot,
      env: { ...process.env, ARCHIVE_CONTENT_DIR: options.contentDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let firstBuildMs: number | undefined;
    let changedAt = 0;
    let log = "";
    const finish = (error?: Error, result?: DevRebuild) => {
      clearTimeout(timer);
      child.kill();
      if (error) reject(error);
      else resolve(result as DevRebuild);
    };
    const timer = setTimeout(
      () => finish(new Error(`watch mode did not rebuild in time:\n${log.slice(-2000)}`)),
      options.timeoutMs ?? 600_000,
    );
    const onOutput = (chunk: Buffer) => {
      log += chunk.toString();
      const line = wrote.exec(chunk.toString());
      if (!line) return;
      if (firstBuildMs === undefined) {
        firstBuildMs = performance.now() - started;
        // Give the watcher a moment to settle before the change, as an author's save would.
        setTimeout(() => {
          changedAt = performance.now();
          appendFileSync(options.eventFile, "\nOne more sentence, saved in the editor.\n");
        }, 2000);
      } else if (changedAt > 0) {
        finish(undefined, { incremental: options.incremental, firstBuildMs, rebuildMs: performance.now() - changedAt, report: line[0] });
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", (error) => finish(error));
    child.on("close", (code) => {
      if (code !== null && code !== 0) finish(new Error(`eleventy --watch exited with ${code}:\n${log.slice(-2000)}`));
    });
  });
}
