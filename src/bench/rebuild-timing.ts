import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface DevRebuild {
  /** Time from starting `campaign-archive dev` until it served the archive. */
  firstBuildMs: number;
  /** Time from saving one event file until Eleventy reported its writes, for each save. */
  rebuildMs: number[];
  /** What Eleventy's last "Wrote …" line said. */
  report: string;
}

const wrote = /Wrote \d+ files?[^\n]*/;

/**
 * Times what an author waits for: `campaign-archive dev` on the archive, then one event file
 * saved `saves` times, each once the dev process is idle (its watcher has finished reading the
 * content folder), and the clock stopped at Eleventy's "Wrote … files" line for that rebuild.
 */
export async function measureDevRebuild(options: {
  projectRoot: string;
  contentDir: string;
  outDir: string;
  eventFile: string;
  saves?: number;
  timeoutMs?: number;
}): Promise<DevRebuild> {
  const port = await freePort();
  const cli = path.join(options.projectRoot, "bin", "campaign-archive.js");
  const args = [cli, "dev", "--content", options.contentDir, "--out", options.outDir, "--port", String(port)];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let firstBuildMs: number | undefined;
    let changedAt = 0;
    const rebuildMs: number[] = [];
    let log = "";
    const finish = (error?: Error, result?: DevRebuild) => {
      clearTimeout(timer);
      child.kill("SIGINT");
      if (error) reject(error);
      else resolve(result as DevRebuild);
    };
    const timer = setTimeout(() => finish(new Error(`dev did not rebuild in time:\n${log.slice(-2000)}`)), options.timeoutMs ?? 900_000);
    const save = () =>
      void whenIdle(child.pid as number).then(() => {
        changedAt = performance.now();
        appendFileSync(options.eventFile, "\nOne more sentence, saved in the editor.\n");
      }, finish);
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      if (firstBuildMs === undefined && text.includes("Serving the draft archive")) {
        firstBuildMs = performance.now() - started;
        save();
        return;
      }
      const line = wrote.exec(text);
      if (!line || changedAt === 0) return;
      rebuildMs.push(performance.now() - changedAt);
      changedAt = 0;
      if (rebuildMs.length < (options.saves ?? 2)) save();
      else finish(undefined, { firstBuildMs: firstBuildMs as number, rebuildMs, report: line[0] });
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", (error) => finish(error));
    child.on("close", (code) => {
      if (code !== null && code !== 0) finish(new Error(`dev exited with ${code}:\n${log.slice(-2000)}`));
    });
  });
}

/** CPU time a process has used, in clock ticks (Linux: /proc/<pid>/stat, utime + stime). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

/** Resolves once the process has used no CPU for a whole second, as an author's pause would find it. */
async function whenIdle(pid: number): Promise<void> {
  let last = cpuTicks(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuTicks(pid);
    if (now === last) return;
    last = now;
  }
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
