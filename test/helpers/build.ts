import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildArchiveSite } from "../../src/build.ts";
import { writeSearchIndex } from "../../src/search-index.ts";

/** Builds a content folder into a new temporary site folder, search index included. */
export async function buildFixtureSite(contentDir: string, options: { pathPrefix?: string; search?: boolean } = {}): Promise<string> {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), "archive-site-")), "site");
  await buildArchiveSite({
    contentDir,
    outDir,
    pathPrefix: options.pathPrefix,
    afterRender: options.search === false ? [] : [async (dir) => void (await writeSearchIndex(dir))],
  });
  return outDir;
}
