import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./fixture.ts";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's scripts as `npm run` would (from the project, or from `cwd`), and returns its exit code and output. */
export async function runScript(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [path.join(projectRoot, "scripts", `${script}.ts`), ...args], {
      cwd: options.cwd ?? projectRoot,
      env: { ...process.env, ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
