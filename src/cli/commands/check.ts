import { Command } from "commander";
import { formatProblem } from "../../content/errors.ts";
import { check } from "../../index.ts";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

export const checkCommand = () =>
  new Command("check")
    .description("validate the content and print every problem, without building")
    .addOption(contentOption())
    .action((flags: { content: string }) => {
      const started = performance.now();
      const result = check({ contentDir: flags.content });
      for (const warning of result.warnings) console.warn(`warning: ${formatProblem(warning)}`);
      for (const problem of result.problems) console.error(`error: ${formatProblem(problem)}`);
      const ms = Math.round(performance.now() - started);
      if (result.problems.length > 0) {
        console.error(`${result.problems.length} problem(s) in ${flags.content}/ (${ms} ms).`);
        throw new CommandFailed();
      }
      const counts = Object.entries(result.counts).map(([type, count]) => `${count} ${type}`).join(", ");
      console.log(`${flags.content}/ is valid: ${counts} (${ms} ms, ${result.warnings.length} warning(s)).`);
    });
