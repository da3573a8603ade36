import type { UserConfig } from "@11ty/eleventy";
import { archiveOptionsFromEnv, archivePlugin } from "./src/eleventy/archive-plugin.ts";
import { archivalPlugin } from "./src/eleventy/archival-plugin.ts";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { searchMetaPlugin } from "./src/search-meta.ts";

// The table of contents of the build: each concern is a plugin in src/.
export default function (config: UserConfig) {
  config.addPlugin(archivePlugin, archiveOptionsFromEnv());
  config.addPlugin(archivalPlugin);
  config.addPlugin(assetsPlugin, { sources: { css: "layouts/assets/site.css", search: "layouts/assets/search.js", icon: "layouts/assets/icon.svg" } });
  config.addPlugin(searchMetaPlugin);
  config.setNunjucksEnvironmentOptions({ throwOnUndefined: false, autoescape: true });

  return {
    dir: { input: "layouts", includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
