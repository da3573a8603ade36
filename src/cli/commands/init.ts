import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { packageRoot } from "../package-info.ts";

interface InitFlags {
  name: string;
  languages: string[];
  baseUrl: string;
}

function languageList(value: string): string[] {
  const codes = value
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);
  for (const code of codes)
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(code))
      throw new InvalidArgumentError(`"${code}" is not a language code such as "en" or "es".`);
  if (codes.length === 0) throw new InvalidArgumentError("give at least one language code.");
  return codes;
}

export const initCommand = () =>
  new Command("init")
    .description(
      "start a new archive in <dir>: settings, strings, vocabulary, one example item of each type, README, .gitignore, CI; never overwrites a file",
    )
    .argument("[dir]", "the new archive's folder", ".")
    .option("--name <name>", "the archive's name", "My Campaigns Archive")
    .option("--languages <codes>", "comma-separated language codes, the default language first", languageList, ["en"])
    .option("--base-url <url>", "the public address the archive will be served from", "https://archive.example.org")
    .action(async (dir: string, flags: InitFlags) => {
      const [{ DateTime }, { starterFiles }] = await Promise.all([import("luxon"), import("../../starter/starter-files.ts")]);
      const files = starterFiles({
        name: flags.name,
        languages: flags.languages,
        baseUrl: flags.baseUrl,
        today: DateTime.now().toISODate(),
        stringsDir: path.join(packageRoot, "content", "strings"),
      });
      let written = 0;
      for (const file of files) {
        const target = path.join(dir, file.path);
        if (existsSync(target)) {
          console.log(`kept ${target} (it exists)`);
          continue;
        }
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.text, { flag: "wx" });
        console.log(`wrote ${target}`);
        written += 1;
      }
      console.log(`\n${written} file(s) written. Next: npx campaign-archive build, then npx campaign-archive serve.`);
    });
