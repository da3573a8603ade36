// Packs the built site into dist/<archive>-YYYY-MM-DD.zip for offline and USB copies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import yaml from "js-yaml";
import { DateTime } from "luxon";
import { bundleSlug, writeSiteBundle } from "../src/bundle.ts";
import { settingsSchema } from "../src/content/settings.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    out: { type: "string", default: "dist" },
    content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" },
    // The archive's name in the file name; by default the site's name in its default language.
    name: { type: "string" },
  },
});

const settings = settingsSchema.parse(yaml.load(readFileSync(path.join(values.content, "site.yaml"), "utf8")));
const name = bundleSlug(values.name ?? settings.name[settings.defaultLanguage] ?? "archive");
try {
  const { file, files } = await writeSiteBundle({ siteDir: values.site, outDir: values.out, name, date: DateTime.now().toISODate() });
  console.log(`Wrote ${file} (${files} files); unzip it and open index.html.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
