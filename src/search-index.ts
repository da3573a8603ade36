import { spawn } from "node:child_process";
import { existsSync, mkdirSync, opendirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileInside } from "./output-guard.ts";
import { canonicalisePagefindFiles, type PagefindFile } from "./pagefind-canonical.ts";

/**
 * What of a page's `data-pagefind-body` is not the item's own text: the pager to neighbouring
 * events, the lists of related items (a campaign's events, a source's citing items), the
 * untranslated-text notice. Indexing them would make a page match its neighbours' titles.
 * `article section` at any depth: the reading column wraps an item's sections in a `div`.
 * Fact labels ("Places", "Date") are on every page and no reader searches them; Pagefind 1.5
 * also treats `dt`/`dd` as inline, so a label would run into its value ("placeswashington").
 */
export const excludedFromIndex = ["main > nav", "main > section", "article section", ".notice", "dt"];

/** Pagefind's target size for one chunk of the word index: a one-word query fetches one chunk. */
export const indexChunkSize = 3000;

/** Pages in the index, over all languages, as its entry file counts them. */
function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Pagefind's program for this system, found as its package's own command finds it (the
 * `PAGEFIND_EXTENDED_BINARY_PATH` or `PAGEFIND_BINARY_PATH` given, else the platform package's
 * binary). It is run directly, not through that Node command, which would stay in memory beside
 * it for the whole index. When it is missing, the message says what to do; Pagefind itself
 * blames "not yet a supported architecture" or prints a stack from its service.
 */
export function pagefindBinary(): string {
  const given = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  const system = `${process.platform === "win32" ? "windows" : process.platform}-${process.env.npm_config_arch ?? process.arch}`;
  if (given !== undefined) {
    if (!existsSync(given))
      throw new Error(`Pagefind's program is not at ${given} (PAGEFIND_BINARY_PATH): point it at the pagefind binary, or unset it.`);
    return given;
  }
  const require = createRequire(import.meta.resolve("pagefind"));
  const ext = process.platform === "win32" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${system}/bin/${name}${ext}`);
    } catch {
      // Not this one: try the next name.
    }
  }
  throw new Error(
    `Pagefind's program for this system (${system}) is not installed, so the search index cannot be built. ` +
      `Run \`npm ci\` again (it installs @pagefind/${system} as an optional dependency; --omit=optional leaves it out), ` +
      `or set PAGEFIND_BINARY_PATH to a downloaded pagefind${ext}.`,
  );
}

/**
 * Writes Pagefind's index into a built site. Pagefind splits the index by each page's
 * <html lang>, so every language gets its own, and reads only `data-pagefind-body` regions,
 * which the layouts put on item pages (see src/outputs/search-record.ts).
 *
 * Pagefind's program reads the pages from disk and writes its files itself: the index does not
 * come back to this process in one message (through the Node API, up to 340 MB at 10,000
 * events), and no Node memory is held while Pagefind runs. It runs once per top-level folder
 * (one per language): Pagefind holds every page's words while it builds an index, about
 * 150 kB per page at its peak, so two languages in one run need twice the memory of one.
 */
export async function writeSearchIndex(siteDir: string): Promise<{ pages: number; indexed: number }> {
  const binary = pagefindBinary();
  const bundleDir = path.join(siteDir, "pagefind");
  const runs = indexedGroups(siteDir);
  const languages: Record<string, unknown> = {};
  let entry: Record<string, unknown> = {};
  for (const glob of runs) {
    await runPagefind(binary, siteDir, glob);
    entry = JSON.parse(readFileSync(path.join(bundleDir, "pagefind-entry.json"), "utf8")) as Record<string, unknown>;
    const written = entry.languages as Record<string, unknown>;
    if (Object.keys(written).some((language) => Object.hasOwn(languages, language))) {
      // A language split over two folders: its runs would overwrite each other, so index everything at once.
      rmSync(bundleDir, { recursive: true, force: true });
      return writeSearchIndexAtOnce(binary, siteDir);
    }
    Object.assign(languages, written);
  }
  if (runs.length > 1) writeFileSync(path.join(bundleDir, "pagefind-entry.json"), JSON.stringify({ ...entry, languages }));
  return finish(siteDir);
}

/** The whole site in one Pagefind run. */
async function writeSearchIndexAtOnce(binary: string, siteDir: string): Promise<{ pages: number; indexed: number }> {
  await runPagefind(binary, siteDir, undefined);
  return finish(siteDir);
}

function finish(siteDir: string): { pages: number; indexed: number } {
  canonicaliseOnDisk(path.join(siteDir, "pagefind"));
  return {
    pages: htmlPagesIn(siteDir, ["pagefind"]),
    indexed: indexedPages(readFileSync(path.join(siteDir, "pagefind", "pagefind-entry.json"), "utf8")),
  };
}

/** How many HTML files a folder holds at any depth, leaving out the top-level folders named in `skipped`. */
function htmlPagesIn(dir: string, skipped: string[] = []): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += skipped.includes(entry.name) ? 0 : htmlPagesIn(path.join(dir, entry.name));
    else if (entry.name.endsWith(".html")) count++;
  }
  return count;
}

/**
 * Pagefind globs, one per top-level folder holding a page marked `data-pagefind-body` (and one
 * for such pages at the top level). A folder without one is left out: alone in a run, its pages
 * would be indexed whole, which Pagefind does only when no page of the run is marked.
 */
export function indexedGroups(siteDir: string): string[] {
  const groups: string[] = [];
  const top = sortedEntries(siteDir);
  if (top.some((entry) => entry.isFile() && entry.name.endsWith(".html") && isMarked(path.join(siteDir, entry.name))))
    groups.push("*.{html}");
  for (const entry of top) {
    if (!entry.isDirectory() || entry.name === "pagefind") continue;
    const glob = folderGlob(siteDir, entry.name);
    if (glob) groups.push(glob);
  }
  return groups;
}

/**
 * The glob of a top-level folder's marked pages, or undefined when it holds none: its own HTML
 * files if one is marked, and every subfolder holding a marked page, as alternatives in braces.
 * Pagefind reads every file its glob matches, marked or not, so folders of listings only
 * (places, topics, the timeline) are left out: at 10,000 events a language's run took
 * 12.2–12.5 s instead of 13.1–13.2 s.
 */
function folderGlob(siteDir: string, name: string): string | undefined {
  const folder = path.join(siteDir, name);
  const entries = sortedEntries(folder);
  const parts = [
    ...(entries.some((e) => e.isFile() && e.name.endsWith(".html") && isMarked(path.join(folder, e.name))) ? ["*.{html}"] : []),
    ...entries.filter((e) => e.isDirectory() && holdsMarkedPage(path.join(folder, e.name))).map((e) => `${e.name}/**/*.{html}`),
  ];
  if (parts.length === 0) return undefined;
  // A subfolder whose name a glob would read as a pattern: the whole folder, as one glob.
  if (!entries.every((e) => /^[\w.-]+$/.test(e.name))) return `${name}/**/*.{html}`;
  return parts.length === 1 ? `${name}/${parts[0]}` : `${name}/{${parts.join(",")}}`;
}

const sortedEntries = (dir: string) =>
  readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const isMarked = (file: string) => readFileSync(file, "utf8").includes("data-pagefind-body");

/**
 * Whether a folder holds a marked page at any depth. It stops at the first one and never lists a
 * whole language folder at once: the build's process keeps whatever its heap grew to while
 * Pagefind runs beside it (a recursive listing of 50,000 paths cost it 40 MB).
 */
function holdsMarkedPage(folder: string): boolean {
  const dir = opendirSync(folder);
  try {
    for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory() ? holdsMarkedPage(file) : entry.name.endsWith(".html") && isMarked(file)) return true;
    }
    return false;
  } finally {
    dir.closeSync();
  }
}

async function runPagefind(binary: string, siteDir: string, glob: string | undefined): Promise<void> {
  const args = [
    "--site",
    siteDir,
    "--quiet",
    ...(glob === undefined ? [] : ["--glob", glob]),
    ...excludedFromIndex.flatMap((selector) => ["--exclude-selectors", selector]),
  ];
  // Smaller word chunks than Pagefind's default keep a first one-word query under ~100 kB in all;
  // Pagefind reads this from its environment (pagefind is pinned, so the name cannot drift).
  const env = {
    ...process.env,
    PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(indexChunkSize),
  };
  const { code, output } = await run(binary, args, env);
  if (code !== 0) throw new Error(`Pagefind could not index ${siteDir} (exit ${code}):\n${output}`);
}

/**
 * Sorts and renames Pagefind's files by content where they were written (see
 * pagefind-canonical.ts): only what changes is rewritten. Only the entry, meta and filter files
 * can change, so the fragments and word chunks (25,000 files at 10,000 events) are not read.
 */
function canonicaliseOnDisk(bundleDir: string): void {
  const written: PagefindFile[] = [
    ...readdirSync(bundleDir, { withFileTypes: true }),
    // A site without filter values has no filter folder.
    ...(existsSync(path.join(bundleDir, "filter")) ? readdirSync(path.join(bundleDir, "filter"), { withFileTypes: true }) : []),
  ]
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { path: path.relative(bundleDir, file).split(path.sep).join("/"), content: readFileSync(file) };
    });
  const before = new Map(written.map((file) => [file.path, file.content]));
  const after = canonicalisePagefindFiles(written);
  const kept = new Set(after.map((file) => file.path));
  for (const file of written) if (!kept.has(file.path)) rmSync(path.join(bundleDir, file.path));
  for (const file of after) {
    const old = before.get(file.path);
    if (old && Buffer.from(old).equals(Buffer.from(file.content))) continue;
    const target = fileInside(bundleDir, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
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
