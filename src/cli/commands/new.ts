import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { flagOf, newItemFiles } from "../../authoring/new-item.ts";
import { builtinTypes } from "../../content-types/index.ts";
import { CommandFailed, exitCode } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

interface NewFlags {
  content: string;
  id?: string;
  title?: string;
  name?: string;
  shortName?: string;
  date?: string;
  campaign?: string[];
  source?: string[];
  theme?: string[];
  kind?: string;
  role?: string;
  seed?: string;
}

const typeFlags = () => builtinTypes.map((t) => `  ${t.name}: ${t.authoring.required.map((f) => `--${flagOf(f)}`).join(" ")}`).join("\n");

export const newCommand = () =>
  new Command("new")
    .description("write a new item as a draft in every configured language")
    .argument("[type]", `the content type: ${builtinTypes.map((t) => t.name).join(", ")}`)
    .addOption(contentOption())
    .option("--id <id>", "the item's id (default: from its title or name)")
    .option("--title <text>", "title (event, goal, source, page)")
    .option("--name <text>", "name (campaign, organization, person)")
    .option("--short-name <text>", "short name (campaign)")
    .option("--date <date>", 'date as precise as the source allows: "2014-03-12", "2014-03", "2014", "undated"')
    .option("--campaign <id...>", "campaign ids")
    .option("--source <id...>", "source ids")
    .option("--theme <id...>", "theme ids (goal)")
    .option("--kind <id>", "kind (goal, source)")
    .option("--role <role>", "role in the campaign (organization)")
    .option("--seed <file>", "the seed document a source describes")
    .addHelpText("after", `\nEach type's required flags:\n${typeFlags()}`)
    .action(async (typeName: string | undefined, flags: NewFlags) => {
      const type = builtinTypes.find((t) => t.name === typeName);
      if (!type) {
        console.error("usage: campaign-archive new <type> [flags]");
        console.error(typeFlags());
        throw new CommandFailed(exitCode.usage);
      }
      const { loadSettings } = await import("../../authoring/settings-file.ts");
      const settings = loadSettings(flags.content);
      if ("problems" in settings) {
        for (const problem of settings.problems) console.error(`error: ${problem}`);
        throw new CommandFailed();
      }
      const { campaign, source, theme, content, ...rest } = flags;
      const result = newItemFiles(
        type,
        { ...rest, type: type.name, campaigns: campaign, sources: source, themes: theme },
        settings.settings,
        (file) => existsSync(path.join(content, file)),
      );
      if (result.problems.length > 0) {
        for (const problem of result.problems) console.error(`error: ${problem}`);
        throw new CommandFailed();
      }
      for (const file of result.files) {
        const target = path.join(flags.content, file.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.text);
        console.log(`wrote ${target}`);
      }
      console.log("The item is a draft: write its text in every language, then remove `draft: true` to publish it.");
    });
