import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "../content/errors.ts";
import { zodProblems } from "../content/parse.ts";
import { settingsSchema, type Settings } from "../content/settings.ts";
import { readYaml } from "../content/yaml.ts";

/** Reads only `site.yaml`: authoring tools need the languages, not a valid archive. */
export function loadSettings(contentDir: string): { settings: Settings } | { problems: string[] } {
  const file = path.join(contentDir, "site.yaml");
  if (!existsSync(file)) return { problems: [`${file}: expected the site settings, found no file`] };
  const raw = readYaml(readFileSync(file, "utf8"));
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { problems: zodProblems(parsed.error, raw, file).map(formatProblem) };
  return { settings: parsed.data };
}
