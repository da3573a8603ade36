import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What of a page's `data-pagefind-body` is not the item's own text: the pager to neighbouring
 * events, the lists of related items (a campaign's events, a source's citing items), the
 * untranslated-text notice. Indexing them would make a page match its neighbours' titles.
 * Fact labels ("Places", "Date") are on every page and no reader searches them; Pagefind 1.5
 * also treats `dt`/`dd` as inline, so a label would run into its value ("placeswashington").
 */
export const excludedFromIndex = ["main > nav", "main > section", "article > section", ".notice", "dt"];

/** Pagefind's target size for one chunk of the word index: a one-word query fetches one chunk. */
export const indexChunkSize = 3000;

/** Pages in the index, over all languages, as its entry file counts them. */
function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

// The package's own command (its `bin`), which runs the Pagefind binary for this platform.
export const pagefindCommand = path.join(path.dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner", "bin.cjs");

/**
 * Writes Pagefind's index into a built site. Pagefind splits the index by each page's
 * <html lang>, so every language gets its own, and reads only `data-pagefind-body` regions,
 * which the layouts put on item pages (see src/search-meta.ts).
 *
 * Pagefind's command reads the pages from disk and writes its files itself: the index never
 * passes through this process (through the Node API it came back as one message of up to
 * 340 MB at 10,000 events), and the command needs no Node memory while it runs.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; indexed: number }> {
  const args = [pagefindCommand, "--site", siteDir, "--quiet", ...excludedFromIndex.flatMap((selector) => ["--exclude-selectors", selector])];
  // Smaller word chunks than Pagefind's default keep a first one-word query under ~100 kB in all;
  // Pagefind reads this from its environment (pagefind is pinned, so the name cannot drift).
  const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(indexChunkSize) };
  const { code, output } = await run(process.execPath, args, env);
  if (code !== 0) throw new Error(`Pagefind could not index ${siteDir} (exit ${code}):\n${output}`);
  const pages = readdirSync(siteDir, { recursive: true }).filter((file) => String(file).endsWith(".html") && !String(file).startsWith(`pagefind${path.sep}`)).length;
  return { pages, indexed: indexedPages(readFileSync(path.join(siteDir, "pagefind", "pagefind-entry.json"), "utf8")) };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
