import { Command, Option } from "commander";

export const serveCommand = () =>
  new Command("serve")
    .description("serve the built site on this computer")
    .option("--dir <dir>", "the built site", "_site")
    .addOption(new Option("--port <number>", "the port").env("PORT").default("8080"))
    .addOption(new Option("--prefix <path>", "the path prefix the site was built for").env("PATH_PREFIX").default("/"))
    .action(async (flags: { dir: string; port: string; prefix: string }) => {
      const { startStaticServer } = await import("../../static-server.ts");
      const server = await startStaticServer({ root: flags.dir, port: Number(flags.port), prefix: flags.prefix });
      console.log(`Serving ${flags.dir}/ at ${server.url} (Ctrl+C to stop)`);
    });
