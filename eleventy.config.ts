import type { UserConfig } from "@11ty/eleventy";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { outputsPlugin } from "./src/eleventy/outputs-plugin.ts";
import { sitePlugin } from "./src/eleventy/site-plugin.ts";
import { siteOptionsFromEnv } from "./src/site.ts";

// The table of contents of the build: each concern is a plugin in src/eleventy/.
export default function (config: UserConfig) {
  config.addPlugin(sitePlugin, siteOptionsFromEnv());
  config.addPlugin(outputsPlugin);
  config.addPlugin(assetsPlugin, { sources: { css: "layouts/assets/site.css", search: "layouts/assets/search.js" } });
  config.setNunjucksEnvironmentOptions({ throwOnUndefined: false, autoescape: true });

  return {
    dir: { input: "layouts", includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
