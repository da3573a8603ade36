import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest sum of resident memory over the process and its descendants, sampled every 100 ms. */
  peakRssBytes: number;
  /** Highest resident memory of any one process, by command name ("node", "pagefind_extended"). */
  peakRssByCommand: Record<string, number>;
  output: string;
}

/** Command name and resident set of one process, in bytes (undefined when it has already gone). */
function residentOf(pid: number): { command: string; bytes: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const command = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "unknown";
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return { command, bytes: match ? Number(match[1]) * 1024 : 0 };
  } catch {
    return undefined;
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
    const peakRssByCommand: Record<string, number> = {};
    const sample = () => {
      if (child.pid === undefined) return;
      let total = 0;
      for (const pid of treeOf(child.pid)) {
        const resident = residentOf(pid);
        if (!resident) continue;
        total += resident.bytes;
        peakRssByCommand[resident.command] = Math.max(peakRssByCommand[resident.command] ?? 0, resident.bytes);
      }
      peakRssBytes = Math.max(peakRssBytes, total);
    };
    const timer = setInterval(sample, 100);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, wallMs: performance.now() - started, peakRssBytes, peakRssByCommand, output });
    });
  });
}
