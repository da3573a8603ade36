import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { assetsPlugin } from "./src/eleventy/assets-plugin.ts";
import { outputsPlugin } from "./src/eleventy/outputs-plugin.ts";
import { sitePlugin } from "./src/eleventy/site-plugin.ts";
import { siteOptionsFromEnv } from "./src/site.ts";

// The table of contents of the build: each concern is a plugin in src/eleventy/.
export default function (config: UserConfig) {
  // The layouts folder: the package's own, or the theme layered over it (src/theme.ts).
  const layouts = process.env.ARCHIVE_LAYOUTS_DIR ?? path.join(import.meta.dirname, "layouts");
  // An installed package's layouts sit under node_modules/, which Eleventy (and the archive's
  // .gitignore) skip by default; the input is only ever a layouts folder.
  config.ignores.delete("**/node_modules/**");
  config.setUseGitIgnore(false);
  // The site plugin publishes the stylesheet, with the settings' campaign colours added.
  config.addPlugin(sitePlugin, {
    ...siteOptionsFromEnv(),
    stylesheet: path.join(layouts, "assets", "site.css"),
    // Set by `campaign-archive dev`, which renders the first site in a process of its own.
    rendered: process.env.ARCHIVE_OUTPUT_RENDERED === "1",
  });
  config.addPlugin(outputsPlugin);
  config.addPlugin(assetsPlugin, {
    sources: { search: path.join(layouts, "assets", "search.js"), icon: path.join(layouts, "assets", "icon.svg") },
  });
  config.setNunjucksEnvironmentOptions({ throwOnUndefined: false, autoescape: true });

  return {
    // The input folder is given by whoever starts Eleventy: the package's layouts, or a layered theme.
    dir: { includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
