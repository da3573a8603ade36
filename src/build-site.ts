// The whole build, as `campaign-archive build` and the API's build() run it. Kept apart from
// src/index.ts so that the build's own process loads no content loader and no Eleventy: it
// waits beside Pagefind while the index is made, and every megabyte it holds adds to the peak.
import { loadSettings } from "./authoring/settings-file.ts";
import { buildArchiveSite } from "./build.ts";
import type { ContentProblem } from "./content/errors.ts";
import { precompressSite } from "./precompress.ts";
import { writeSearchIndex } from "./search-index.ts";
import { layerTheme } from "./theme.ts";

export interface BuildOptions {
  /** The content folder (site.yaml, strings/, one folder per language). Default "content". */
  contentDir?: string;
  /** Where the site is written; replaced only when the whole build succeeded. Default "_site". */
  outDir?: string;
  /** Layouts, includes and the stylesheet that replace the package's (see docs/themes.md). Default "theme". */
  themeDir?: string;
  /** Overrides site.yaml's pathPrefix, e.g. "/archive/". */
  pathPrefix?: string;
  /** Overrides site.yaml's baseUrl. */
  baseUrl?: string;
  /** Build the Pagefind search index. Default true. */
  search?: boolean;
  /** Write .gz and .br beside each text file. Default false. */
  precompress?: boolean;
}

export interface BuildResult {
  outDir: string;
  /** HTML pages Pagefind read, and how many of them are in the search index (0 without search). */
  pages: number;
  indexed: number;
  /** Milliseconds the search index took (0 without search). */
  searchMs: number;
  /** Valid but incomplete content, such as a missing translation. */
  warnings: ContentProblem[];
}

/** Validates the content and builds the site; throws a ContentError listing every problem, and leaves the old site in place on any failure. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const contentDir = options.contentDir ?? "content";
  const outDir = options.outDir ?? "_site";
  const settings = loadSettings(contentDir);
  // Broken settings are reported with every other problem by the content loader.
  const theme = layerTheme({ themeDir: options.themeDir ?? "theme", theme: "settings" in settings ? settings.settings.theme : undefined });
  let search = { pages: 0, indexed: 0, searchMs: 0 };
  try {
    const site = await buildArchiveSite({
      contentDir,
      outDir,
      pathPrefix: options.pathPrefix,
      baseUrl: options.baseUrl,
      layoutsDir: theme.layoutsDir,
      // The render's memory is freed before Pagefind starts, so their peaks do not add up.
      renderApart: true,
      afterRender: [
        ...(options.search === false
          ? []
          : [
              async (dir: string) => {
                const started = performance.now();
                search = { ...(await writeSearchIndex(dir)), searchMs: performance.now() - started };
              },
            ]),
        // Last, so the search index's own files are compressed too.
        ...(options.precompress ? [async (dir: string) => void precompressSite(dir)] : []),
      ],
    });
    return { outDir, ...search, warnings: site.warnings };
  } finally {
    theme.dispose();
  }
}
