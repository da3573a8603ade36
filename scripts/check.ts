// Validates the content and prints every problem, without building: `npm run check`.
// When the source documents are at hand (`--seeds`, default ../shared/seeds), every quote is checked against them.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatProblem } from "../src/content/errors.ts";
import { defaultSeedsDir, verifyQuotes } from "../src/content/evidence.ts";
import { loadContent } from "../src/content/load.ts";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" },
    seeds: { type: "string", default: process.env.ARCHIVE_SEEDS_DIR ?? defaultSeedsDir },
  },
});
const started = performance.now();
const result = loadContent(values.content);
let quotes = "";
if (result.content && existsSync(values.seeds)) {
  const check = verifyQuotes(result.content.items, result.content.settings.defaultLanguage, values.seeds);
  result.problems.push(...check.problems);
  quotes = `${check.verified} quote(s) found in the documents in ${values.seeds}`;
} else if (result.content) {
  quotes = `quotes NOT checked: no source documents at ${values.seeds} (give --seeds <dir>)`;
}
for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
for (const problem of result.problems) console.error(`error: ${formatProblem(problem)}`);
const ms = Math.round(performance.now() - started);
if (result.problems.length > 0) {
  console.error(`${result.problems.length} problem(s) in ${values.content}/ (${ms} ms).`);
  process.exit(1);
}
const counts = Object.entries(result.content?.items ?? {}).map(([type, items]) => `${items.size} ${type}`).join(", ");
console.log(`${values.content}/ is valid: ${counts}; ${quotes} (${ms} ms, ${result.warnings.length} warning(s)).`);
