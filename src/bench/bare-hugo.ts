import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { itemBodies } from "./item-bodies.ts";

/** The `hugo` command's version line, or undefined when it is not installed (it is optional: a reference row). */
export function hugoVersion(): string | undefined {
  const run = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * A reference: the same Markdown bodies as a Hugo site, one page per item and language with a
 * layout like bare Eleventy's, and nothing else (no lists, taxonomies, feeds or sitemap).
 */
export function writeHugoSite(contentDir: string, dir: string): { pages: number } {
  const layouts = path.join(dir, "layouts", "_default");
  mkdirSync(layouts, { recursive: true });
  writeFileSync(
    path.join(layouts, "single.html"),
    '<!doctype html>\n<html lang="{{ .Params.lang }}">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><main>\n<h1>{{ .Title }}</h1>\n{{ .Content }}\n</main></body>\n</html>\n',
  );
  writeFileSync(
    path.join(dir, "hugo.yaml"),
    yaml.dump({
      disableKinds: ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"],
      markup: { goldmark: { renderer: { unsafe: true } } },
    }),
  );
  let pages = 0;
  for (const item of itemBodies(contentDir)) {
    const target = path.join(dir, "content", item.lang, item.folder);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, item.name), `---\n${yaml.dump({ lang: item.lang, title: item.title })}---\n${item.body}`);
    pages++;
  }
  return { pages };
}
