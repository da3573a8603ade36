import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { itemBodies } from "./item-bodies.ts";

/**
 * The baseline: the same Markdown bodies as a content folder, as a plain Eleventy site with one
 * minimal layout and no plugins. What our build costs beyond this is the price of the archive.
 */
export function writeBareSite(contentDir: string, dir: string): { input: string; config: string; pages: number } {
  const input = path.join(dir, "input");
  mkdirSync(path.join(input, "_includes"), { recursive: true });
  writeFileSync(
    path.join(input, "_includes", "page.njk"),
    '<!doctype html>\n<html lang="{{ lang }}">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body><main>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n</main></body>\n</html>\n',
  );
  let pages = 0;
  for (const item of itemBodies(contentDir)) {
    const target = path.join(input, item.lang, item.folder);
    mkdirSync(target, { recursive: true });
    const front = yaml.dump({ layout: "page.njk", lang: item.lang, title: item.title });
    writeFileSync(path.join(target, item.name), `---\n${front}---\n${item.body}`);
    pages++;
  }
  const config = path.join(dir, "eleventy.config.mjs");
  // Markdown is not run through a template engine first: only Markdown and the layout, as in our build.
  writeFileSync(
    config,
    `export default function () {\n  return { dir: { input: ${JSON.stringify(input)}, includes: "_includes" }, templateFormats: ["md"], markdownTemplateEngine: false };\n}\n`,
  );
  return { input, config, pages };
}
