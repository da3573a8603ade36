// Builds the archive: validate content, render with Eleventy, index with Pagefind, swap into place.
import { parseArgs } from "node:util";
import { buildArchiveSite } from "../src/build.ts";
import { ContentError, summariseWarnings } from "../src/content/errors.ts";
import { explainBuildError, OutputGuardError } from "../src/output-guard.ts";
import { OutputBusyError } from "../src/output-swap.ts";
import { precompressSite } from "../src/precompress.ts";
import { writeSearchIndex } from "../src/search-index.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" },
    out: { type: "string", default: "_site" },
    prefix: { type: "string", default: process.env.PATH_PREFIX },
    // Writes .gz and .br beside each text file, for hosts that serve precompressed files.
    precompress: { type: "boolean", default: false },
  },
});

const started = performance.now();
try {
  let search = { pages: 0, indexed: 0 };
  const site = await buildArchiveSite({
    contentDir: values.content,
    outDir: values.out,
    pathPrefix: values.prefix,
    afterRender: [
      async (dir) => void (search = await writeSearchIndex(dir)),
      // Last, so the search index's own files are compressed too.
      ...(values.precompress ? [async (dir: string) => void precompressSite(dir)] : []),
    ],
  });
  for (const line of summariseWarnings(site.warnings)) console.warn(`warning: ${line}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${values.out}/ in ${seconds} s; ${search.pages} pages, ${search.indexed} of them in the search index.`);
} catch (error) {
  console.error(explainBuildError(error, values.out));
  const refused = error instanceof ContentError || error instanceof OutputGuardError || error instanceof OutputBusyError;
  const nothing = refused ? "Nothing was built" : "The build failed";
  console.error(`\n${nothing}; ${values.out}/ is unchanged.`);
  process.exit(1);
}
