// Validates the content and prints every problem, without building: `npm run check`.
import { parseArgs } from "node:util";
import { formatProblem } from "../src/content/errors.ts";
import { loadContent } from "../src/content/load.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" } } });
const started = performance.now();
const result = loadContent(values.content);
for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
for (const problem of result.problems) console.error(`error: ${formatProblem(problem)}`);
const ms = Math.round(performance.now() - started);
if (result.problems.length > 0) {
  console.error(`${result.problems.length} problem(s) in ${values.content}/ (${ms} ms).`);
  process.exit(1);
}
const counts = Object.entries(result.content?.items ?? {}).map(([type, items]) => `${items.size} ${type}`).join(", ");
console.log(`${values.content}/ is valid: ${counts} (${ms} ms, ${result.warnings.length} warning(s)).`);
