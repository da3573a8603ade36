// Adds every URL the content now builds to the published-URL manifest (content/published-urls.txt).
import path from "node:path";
import { parseArgs } from "node:util";
import { archivalOutputs } from "../src/archival-outputs.ts";
import { accessDate } from "../src/citations.ts";
import { loadSite } from "../src/eleventy/archive-plugin.ts";
import { appendToManifestFile, manifestFileName } from "../src/url-manifest.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" } } });
const { archive, pages } = loadSite({ contentDir: values.content });
const { urls } = archivalOutputs(archive, pages, accessDate(archive.settings));
const file = path.join(values.content, manifestFileName);
const added = appendToManifestFile(file, urls);
console.log(`${file}: ${added} new URL${added === 1 ? "" : "s"} added.`);
