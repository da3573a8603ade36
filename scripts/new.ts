// Starts a new item as a draft in every language: `npm run new -- event --campaign <id> --date <date> --title '…'`.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { flagOf, newItemFiles } from "../src/authoring/new-item.ts";
import { loadSettings } from "../src/authoring/settings-file.ts";
import { builtinTypes } from "../src/content-types/index.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" },
    id: { type: "string" },
    title: { type: "string" },
    name: { type: "string" },
    "short-name": { type: "string" },
    date: { type: "string" },
    campaign: { type: "string", multiple: true },
    source: { type: "string", multiple: true },
    theme: { type: "string", multiple: true },
    kind: { type: "string" },
    role: { type: "string" },
    seed: { type: "string" },
  },
});

const type = builtinTypes.find((t) => t.name === positionals[0]);
if (!type) {
  console.error("usage: npm run new -- <type> [flags]");
  for (const t of builtinTypes) console.error(`  ${t.name}: ${t.authoring.required.map((f) => `--${flagOf(f)}`).join(" ")}`);
  process.exit(1);
}

const settings = loadSettings(values.content);
if ("problems" in settings) {
  for (const problem of settings.problems) console.error(`error: ${problem}`);
  process.exit(1);
}
const result = newItemFiles(
  type,
  {
    type: type.name,
    id: values.id,
    title: values.title,
    name: values.name,
    shortName: values["short-name"],
    date: values.date,
    campaigns: values.campaign,
    sources: values.source,
    themes: values.theme,
    kind: values.kind,
    role: values.role,
    seed: values.seed,
  },
  settings.settings,
  (file) => existsSync(path.join(values.content, file)),
);
if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(`error: ${problem}`);
  process.exit(1);
}
for (const file of result.files) {
  const target = path.join(values.content, file.path);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, file.text);
  console.log(`wrote ${target}`);
}
console.log("The item is a draft: write its text in every language, then remove `draft: true` to publish it.");
