import { Command, Option } from "commander";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption, themeOption } from "../options.ts";

interface BuildFlags {
  content: string;
  out: string;
  theme: string;
  prefix?: string;
  precompress: boolean;
}

export const buildCommand = () =>
  new Command("build")
    .description("validate the content, render the site, index it for search, then swap it into place")
    .addOption(contentOption())
    .option("--out <dir>", "the output folder; the previous one stays until the new site is complete", "_site")
    .addOption(themeOption())
    .addOption(new Option("--prefix <path>", "the path the site is served under, e.g. /archive/").env("PATH_PREFIX"))
    // For hosts that serve precompressed files (nginx gzip_static, Caddy precompressed).
    .option("--precompress", "write .gz and .br beside each text file", false)
    .action(async (flags: BuildFlags) => {
      const started = performance.now();
      // Loaded on use, so that --help and the other commands start quickly.
      const [{ build }, { ContentError, summariseWarnings }, { explainBuildError, OutputGuardError }, { OutputBusyError }] =
        await Promise.all([
          import("../../build-site.ts"),
          import("../../content/errors.ts"),
          import("../../output-guard.ts"),
          import("../../output-swap.ts"),
        ]);
      try {
        const result = await build({
          contentDir: flags.content,
          outDir: flags.out,
          themeDir: flags.theme,
          pathPrefix: flags.prefix,
          precompress: flags.precompress,
        });
        for (const line of summariseWarnings(result.warnings)) console.warn(`warning: ${line}`);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const searchSeconds = (result.searchMs / 1000).toFixed(1);
        console.log(
          `Built ${flags.out}/ in ${seconds} s (search index ${searchSeconds} s); ${result.pages} pages, ${result.indexed} of them in the search index.`,
        );
      } catch (error) {
        console.error(explainBuildError(error, flags.out));
        const refused = error instanceof ContentError || error instanceof OutputGuardError || error instanceof OutputBusyError;
        console.error(`\n${refused ? "Nothing was built" : "The build failed"}; ${flags.out}/ is unchanged.`);
        throw new CommandFailed();
      }
    });
