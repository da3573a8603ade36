import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/temp-root.ts"],
    pool: "forks",
    // Eleventy imports eleventy.config.ts at run time: tsx lets the worker load TypeScript.
    execArgv: ["--import", "tsx"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
