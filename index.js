// The programmatic API (src/index.ts), loadable from plain Node: tsx compiles the TypeScript
// source as it loads, and Eleventy's own import of eleventy.config.ts goes through it too.
import { register } from "tsx/esm/api";

register();
const api = await import("./src/index.ts");

export const { build, check, loadSite, ContentError, contentSchemaVersion } = api;
