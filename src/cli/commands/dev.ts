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
      const [{ Eleventy }, { loadSettings }, { bindDevServer }, { layerTheme }, { renderInChildProcess }] = await Promise.all([
        import("@11ty/eleventy"),
        import("../../authoring/settings-file.ts"),
        import("../../dev-server-host.ts"),
        import("../../theme.ts"),
        import("../../render-process.ts"),
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
      // The first site is rendered as `build` renders it, in a process of its own and in batches:
      // the watching process then holds the content but no rendered pages, and each save's
      // rebuild collects less garbage. If that render fails, Eleventy's own first build runs
      // and reports the problem as it would.
      const rendered = await renderInChildProcess({ contentDir: flags.content, outDir: flags.out, layoutsDir: theme.layoutsDir }).then(
        () => true,
        () => false,
      );
      if (rendered) process.env.ARCHIVE_OUTPUT_RENDERED = "1";
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
