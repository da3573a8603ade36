import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ContentError, type ContentProblem } from "./content/errors.ts";
import { OutputGuardError } from "./output-guard.ts";
import type { BuildOptions } from "./build.ts";

/** What the render step sends back: the content's warnings, or why it failed. */
type Outcome = Rendered | { problems: ContentProblem[] } | { error: FailedRender };

/** Every batch rendered: the content's warnings. */
interface Rendered {
  warnings: ContentProblem[];
}

/** An error as it crosses the process boundary: what the build's report reads of it. */
interface FailedRender {
  name: string;
  message: string;
  code?: string;
  path?: string;
}

/** The options a render needs; the rest (steps after it) stay with the parent. */
export type RenderRequest = Pick<
  BuildOptions,
  "contentDir" | "outDir" | "pathPrefix" | "baseUrl" | "quiet" | "pagesPerBatch" | "layoutsDir" | "layoutDirs"
>;

const thisFile = fileURLToPath(import.meta.url);
// Absolute, so the child finds TypeScript support whatever folder the build runs from.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * The render process's V8 flags: `gc()` between batches, and a young generation of 32 MB per
 * semi-space instead of 16. Each page leaves garbage that dies young; with the larger nursery
 * less of it is promoted and collected again. At 10,000 events the render took 36.3 / 38.0 s
 * against 38.2 / 38.9 s, for 14–41 MB more at its peak (docs/performance.md).
 */
const renderFlags = ["--expose-gc", "--max-semi-space-size=32"];

/**
 * Loads, checks and renders the site in a Node process of its own, which renders the pages one
 * batch after another (src/render-batches.ts) and ends when they are written: the render's
 * memory (archive, page list, Eleventy's templates, ~100 kB per page of a batch) is given back
 * before the search index is made, so the render's and Pagefind's peaks do not add up.
 */
export function renderInChildProcess(request: RenderRequest): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const child = fork(thisFile, [], { execArgv: ["--import", tsx, ...renderFlags], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let outcome: Outcome | undefined;
    child.on("message", (message: Outcome) => void (outcome = message));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (outcome && "warnings" in outcome && code === 0) resolve(outcome);
      else if (outcome && "problems" in outcome) reject(new ContentError(outcome.problems));
      else if (outcome && "error" in outcome) reject(rebuilt(outcome.error));
      else reject(new Error(`The render process ended without a result (${signal ?? `exit ${code}`}).`));
    });
    child.send(request);
  });
}

/** The error again on this side, as the class the build's report tells apart. */
function rebuilt(failed: FailedRender): Error {
  const error = failed.name === "OutputGuardError" ? new OutputGuardError(failed.message) : new Error(failed.message);
  return Object.assign(error, failed.code ? { code: failed.code } : {}, failed.path ? { path: failed.path } : {});
}

/** The child's side: one request, one answer, then exit. */
async function serve(request: RenderRequest): Promise<Outcome> {
  const { loadAndRender } = await import("./render.ts");
  try {
    const site = await loadAndRender(request);
    return { warnings: site.warnings };
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems };
    const e = error as NodeJS.ErrnoException;
    return { error: { name: e.name ?? "Error", message: e instanceof Error ? e.message : String(error), code: e.code, path: e.path } };
  }
}

if (process.argv[1] === thisFile && process.send) {
  // A build killed mid-render must not leave its render writing on: the channel closes with it.
  process.once("disconnect", () => process.exit(1));
  process.once("message", (request: RenderRequest) => {
    void serve(request).then((outcome) => process.send?.(outcome, () => process.exit(0)));
  });
}
