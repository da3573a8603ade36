import path from "node:path";
import { Command, Option } from "commander";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption, themeOption } from "../options.ts";
import { packageRoot } from "../package-info.ts";

interface DevFlags {
  content: string;
  theme: string;
  out: string;
  port: string;
  host: string;
}

export const devCommand = () =>
  new Command("dev")
    .description("for authors: build into _dev/, serve it and rebuild on every save (no search index)")
    .addOption(contentOption())
    .addOption(themeOption())
    .option("--out <dir>", "the draft site's folder", "_dev")
    .addOption(new Option("--port <number>", "the port").env("PORT").default("8081"))
    // 127.0.0.1: only this computer. `--host 0.0.0.0` shares the draft archive with the network.
    .option("--host <address>", "the address to listen on", "127.0.0.1")
    .action(async (flags: DevFlags) => {
      const [{ Eleventy }, { loadSettings }, { bindDevServer }, { layerTheme }] = await Promise.all([
        import("@11ty/eleventy"),
        import("../../authoring/settings-file.ts"),
        import("../../dev-server-host.ts"),
        import("../../theme.ts"),
      ]);
      const settings = loadSettings(flags.content);
      if ("problems" in settings) {
        for (const problem of settings.problems) console.error(`error: ${problem}`);
        throw new CommandFailed();
      }
      // Theme files are layered once: a new or changed theme file needs a restart of dev.
      const theme = layerTheme({ themeDir: flags.theme, theme: settings.settings.theme });
      process.env.ARCHIVE_CONTENT_DIR = flags.content;
      process.env.ARCHIVE_LAYOUTS_DIR = theme.layoutsDir;
      bindDevServer({
        host: flags.host,
        onListening: (url) =>
          console.log(
            `Serving the draft archive at ${url} (${flags.host === "127.0.0.1" ? "this computer only; --host 0.0.0.0 to share it" : `on ${flags.host}`}). Ctrl+C to stop.`,
          ),
        onPortTaken: (taken) => {
          console.error(`Port ${taken} is taken by another program: stop it, or choose another port with \`--port 8082\`.`);
          theme.dispose();
          process.exit(1);
        },
      });
      const eleventy = new Eleventy(theme.layoutsDir, flags.out, {
        configPath: path.join(packageRoot, "eleventy.config.ts"),
        quietMode: true,
        runMode: "serve",
      });
      await eleventy.init();
      await eleventy.watch();
      await eleventy.serve(Number(flags.port));
      process.on("SIGINT", () => void eleventy.stopWatch().then(() => (theme.dispose(), process.exit(0))));
    });
