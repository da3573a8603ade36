// Validates the content and prints every problem the build would reject, without building: `npm run check`.
// When the source documents are at hand (`--seeds`, default ../shared/seeds), every quote is checked against them.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkPublishedUrls } from "../src/archival-outputs.ts";
import { formatProblem, summariseWarnings, type ContentProblem } from "../src/content/errors.ts";
import { defaultSeedsDir, verifyQuotes } from "../src/content/evidence.ts";
import { inspectSite } from "../src/eleventy/archive-plugin.ts";
import { manifestFileName, UrlManifestError } from "../src/url-manifest.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" },
    seeds: { type: "string", default: process.env.ARCHIVE_SEEDS_DIR ?? defaultSeedsDir },
  },
});
const started = performance.now();
const options = { contentDir: values.content };
const { site, content, problems, warnings } = inspectSite(options);
if (site) problems.push(...droppedUrls(() => checkPublishedUrls(options, site)));
let quotes = "";
if (content && existsSync(values.seeds)) {
  const check = verifyQuotes(content.items, content.settings.defaultLanguage, values.seeds);
  problems.push(...check.problems);
  quotes = `${check.verified} quote(s) found in the documents in ${values.seeds}`;
} else if (content) {
  quotes = `quotes NOT checked: no source documents at ${values.seeds} (give --seeds <dir>)`;
}
for (const line of summariseWarnings(warnings)) console.warn(`warning: ${line}`);
for (const problem of problems) console.error(`error: ${formatProblem(problem)}`);
const ms = Math.round(performance.now() - started);
if (problems.length > 0 || !site) {
  console.error(`${problems.length} problem(s) in ${values.content}/ (${ms} ms).`);
  process.exit(1);
}
const counts = Object.entries(content?.items ?? {}).map(([type, items]) => `${items.size} ${type}`).join(", ");
console.log(`${values.content}/ is valid: ${counts}; ${quotes} (${ms} ms, ${warnings.length} warning(s)).`);

/** Published URLs the build would drop, as problems of the manifest file. */
function droppedUrls(check: () => void): ContentProblem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (!(error instanceof UrlManifestError)) throw error;
    return error.missing.map((url) => ({
      file: `${values.content}/${manifestFileName}`,
      field: url,
      expected: "a published URL the build still makes, or an item's alias",
      found: "no page and no alias",
    }));
  }
}
