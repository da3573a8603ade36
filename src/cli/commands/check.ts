import { Command, Option } from "commander";
import { defaultSeedsDir } from "../../content/evidence.ts";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

export const checkCommand = () =>
  new Command("check")
    .description("validate the content and print every problem a build would reject, without building")
    .addOption(contentOption())
    .addOption(
      new Option("--seeds <dir>", "the source documents; every quote is looked for in its document")
        .env("ARCHIVE_SEEDS_DIR")
        .default(defaultSeedsDir),
    )
    .action(async (flags: { content: string; seeds: string }) => {
      const started = performance.now();
      const [{ check }, { formatProblem, summariseWarnings }] = await Promise.all([
        import("../../index.ts"),
        import("../../content/errors.ts"),
      ]);
      const result = check({ contentDir: flags.content, seedsDir: flags.seeds });
      for (const line of summariseWarnings(result.warnings)) console.warn(`warning: ${line}`);
      for (const problem of result.problems) console.error(`error: ${formatProblem(problem)}`);
      const ms = Math.round(performance.now() - started);
      if (result.problems.length > 0 || Object.keys(result.counts).length === 0) {
        console.error(`${result.problems.length} problem(s) in ${flags.content}/ (${ms} ms).`);
        throw new CommandFailed();
      }
      const counts = Object.entries(result.counts)
        .map(([type, count]) => `${count} ${type}`)
        .join(", ");
      const quotes =
        result.quotesVerified === undefined
          ? `quotes NOT checked: no source documents at ${flags.seeds} (give --seeds <dir>)`
          : `${result.quotesVerified} quote(s) found in the documents in ${flags.seeds}`;
      console.log(`${flags.content}/ is valid: ${counts}; ${quotes} (${ms} ms, ${result.warnings.length} warning(s)).`);
    });
