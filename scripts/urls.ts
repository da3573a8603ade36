// Adds every URL the content now builds to the published-URL manifest (content/published-urls.txt).
import path from "node:path";
import { parseArgs } from "node:util";
import { accessDate } from "../src/outputs/citations.ts";
import { publishedOutputs } from "../src/outputs/published-files.ts";
import { appendToManifestFile, manifestFileName } from "../src/outputs/url-manifest.ts";
import { loadSite } from "../src/site.ts";

const { values } = parseArgs({ options: { content: { type: "string", default: process.env.ARCHIVE_CONTENT_DIR ?? "content" } } });
const { archive, pages } = loadSite({ contentDir: values.content });
const { urls } = publishedOutputs(archive, pages, accessDate(archive.settings));
const file = path.join(values.content, manifestFileName);
const added = appendToManifestFile(file, urls);
console.log(`${file}: ${added} new URL${added === 1 ? "" : "s"} added.`);
