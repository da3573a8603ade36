import { Command } from "commander";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

interface BundleFlags {
  site: string;
  out: string;
  content: string;
  name?: string;
}

export const bundleCommand = () =>
  new Command("bundle")
    .description("pack the built site into <out>/<archive>-YYYY-MM-DD.zip for offline and USB copies")
    .option("--site <dir>", "the built site", "_site")
    .option("--out <dir>", "where the zip is written", "dist")
    .addOption(contentOption())
    .option("--name <slug>", "the archive's name in the file name (default: the site's name)")
    .action(async (flags: BundleFlags) => {
      const [{ DateTime }, { loadSettings }, { bundleSlug, writeSiteBundle }] = await Promise.all([
        import("luxon"),
        import("../../authoring/settings-file.ts"),
        import("../../bundle.ts"),
      ]);
      const settings = loadSettings(flags.content);
      if ("problems" in settings) {
        for (const problem of settings.problems) console.error(`error: ${problem}`);
        throw new CommandFailed();
      }
      const { defaultLanguage, name } = settings.settings;
      try {
        const { file, files } = await writeSiteBundle({
          siteDir: flags.site,
          outDir: flags.out,
          name: bundleSlug(flags.name ?? name[defaultLanguage] ?? "archive"),
          date: DateTime.now().toISODate(),
        });
        console.log(`Wrote ${file} (${files} files); unzip it and open index.html.`);
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        throw new CommandFailed();
      }
    });
