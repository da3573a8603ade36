import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest sum of resident memory over the process and its descendants, sampled every 100 ms. */
  peakRssBytes: number;
  output: string;
}

/** Resident set of one process, in bytes (0 when it has already gone). */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and everything it started (Pagefind runs as its own binary), from /proc. */
function treeOf(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name may hold spaces and parentheses: the parent pid follows its closing ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i] as number) ?? []));
  return tree;
}

/**
 * Runs a command to completion, measuring wall time and peak memory of its whole process tree.
 * `/usr/bin/time` is not on every machine; /proc is, on Linux.
 */
export function measureProcess(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    let peakRssBytes = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const total = treeOf(child.pid).reduce((sum, pid) => sum + rssOf(pid), 0);
      peakRssBytes = Math.max(peakRssBytes, total);
    };
    const timer = setInterval(sample, 100);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, peakRssBytes, output });
    });
  });
}
