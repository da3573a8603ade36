import { readFileSync } from "node:fs";
import path from "node:path";

/** The package's own folder: layouts, eleventy.config.ts and package.json sit here. */
export const packageRoot = path.resolve(import.meta.dirname, "..", "..");

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}
