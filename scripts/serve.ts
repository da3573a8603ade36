// Serves the built archive on localhost: `npm start` (PORT=8080, PATH_PREFIX as at build time).
import path from "node:path";
import { parseArgs } from "node:util";
import { recoverIfIdle } from "../src/output-swap.ts";
import { startStaticServer } from "../src/static-server.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string", default: "_site" },
    port: { type: "string", default: process.env.PORT ?? "8080" },
    prefix: { type: "string", default: process.env.PATH_PREFIX ?? "/" },
  },
});
// A build killed in the middle of its swap leaves the previous site beside the folder: put it back.
if (recoverIfIdle(path.resolve(values.dir))) console.log(`Restored ${values.dir}/ from the site a stopped build left behind.`);
const server = await startStaticServer({ root: values.dir, port: Number(values.port), prefix: values.prefix });
console.log(`Serving ${values.dir}/ at ${server.url} (Ctrl+C to stop)`);
