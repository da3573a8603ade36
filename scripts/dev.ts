// For authors: builds into _dev/, serves it on 127.0.0.1 and rebuilds on every save: `npm run dev`.
import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy } from "@11ty/eleventy";
import { bindDevServer } from "../src/dev-server-host.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "8081" },
    // 127.0.0.1: only this computer. `--host 0.0.0.0` shares the draft archive with the network.
    host: { type: "string", default: "127.0.0.1" },
    out: { type: "string", default: "_dev" },
  },
});
const port = Number(values.port);
bindDevServer({
  host: values.host,
  onListening: (url) => console.log(`Serving the draft archive at ${url} (${values.host === "127.0.0.1" ? "this computer only; --host 0.0.0.0 to share it" : `on ${values.host}`}). Ctrl+C to stop.`),
  onPortTaken: (taken) => {
    console.error(`Port ${taken} is taken by another program: stop it, or choose another port with \`npm run dev -- --port 8082\`.`);
    process.exit(1);
  },
});
const projectRoot = path.resolve(import.meta.dirname, "..");
const eleventy = new Eleventy(path.join(projectRoot, "layouts"), values.out, {
  configPath: path.join(projectRoot, "eleventy.config.ts"),
  quietMode: true,
  runMode: "serve",
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
process.on("SIGINT", () => void eleventy.stopWatch().then(() => process.exit(0)));
