// Serves the built archive on localhost: `npm start` (PORT=8080, PATH_PREFIX as at build time).
import { parseArgs } from "node:util";
import { startStaticServer } from "../src/static-server.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "_site" },
    port: { type: "string", default: process.env.PORT ?? "8080" },
    prefix: { type: "string", default: process.env.PATH_PREFIX ?? "/" },
  },
});
const server = await startStaticServer({ root: values.dir, port: Number(values.port), prefix: values.prefix });
console.log(`Serving ${values.dir}/ at ${server.url} (Ctrl+C to stop)`);
