import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../content/yaml.ts";

/** One content file as the bare baselines see it: its language, folder, file name, title and Markdown body. */
export interface ItemBody {
  lang: string;
  folder: string;
  name: string;
  title: string;
  body: string;
}

/** Every item file of a content folder (`<lang>/<folder>/<file>.md`), for the baselines built from the same bodies. */
export function* itemBodies(contentDir: string): Generator<ItemBody> {
  for (const lang of readdirSync(contentDir, { withFileTypes: true })) {
    if (!lang.isDirectory() || lang.name === "strings") continue;
    for (const folder of readdirSync(path.join(contentDir, lang.name), { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const name of readdirSync(path.join(contentDir, lang.name, folder.name))) {
        const { data, body } = readFrontMatter(readFileSync(path.join(contentDir, lang.name, folder.name, name), "utf8"));
        yield { lang: lang.name, folder: folder.name, name, title: String(data.title ?? data.name ?? data.id), body };
      }
    }
  }
}
