import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./fixture.ts";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command of the package's CLI as `npm run` would (from the project, or from `cwd`), and returns its exit code and output. */
export async function runScript(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(projectRoot, "bin", "campaign-archive.js"), command, ...args],
      {
        cwd: options.cwd ?? projectRoot,
        env: { ...process.env, ...options.env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
