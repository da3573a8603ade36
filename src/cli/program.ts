import { Command } from "commander";
import { buildCommand } from "./commands/build.ts";
import { bundleCommand } from "./commands/bundle.ts";
import { checkCommand } from "./commands/check.ts";
import { devCommand } from "./commands/dev.ts";
import { initCommand } from "./commands/init.ts";
import { newCommand } from "./commands/new.ts";
import { schemaCommand } from "./commands/schema.ts";
import { serveCommand } from "./commands/serve.ts";
import { urlsCommand } from "./commands/urls.ts";
import { packageVersion } from "./package-info.ts";

/** The `campaign-archive` command: one subcommand per task, each with its own --help. */
export function createProgram(): Command {
  const program = new Command("campaign-archive")
    .description("Build a permanent, searchable, multilingual archive of campaigns from content files.")
    .version(packageVersion(), "-v, --version")
    .showHelpAfterError("(add --help for usage)")
    // Errors go to main, which maps them to exit codes; subcommands inherit this.
    .exitOverride();
  for (const command of [
    initCommand,
    checkCommand,
    buildCommand,
    newCommand,
    devCommand,
    serveCommand,
    bundleCommand,
    urlsCommand,
    schemaCommand,
  ]) {
    program.addCommand(command().exitOverride());
  }
  return program;
}
