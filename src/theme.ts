import { cpSync, existsSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { themeCss, type ThemeSettings } from "./content/theme-settings.ts";

/** The package's own layouts, includes and assets: the theme every archive starts from. */
export const packageLayouts = path.resolve(import.meta.dirname, "..", "layouts");

export interface LayeredTheme {
  /** The folder Eleventy reads layouts, includes and assets from. */
  layoutsDir: string;
  /** Removes the layered copy, if one was made. */
  dispose(): void;
}

/**
 * The archive's theme folder laid over the package's layouts: a file at the same path
 * (`pages.njk`, `_includes/base.njk`, `_includes/kinds/event.njk`, `assets/site.css`) replaces
 * the package's, and new files are added. The settings' colours and font are appended to the
 * stylesheet as custom properties. With neither, the package's folder is used as it is.
 */
export function layerTheme(options: { themeDir?: string; theme?: ThemeSettings; baseDir?: string }): LayeredTheme {
  const base = options.baseDir ?? packageLayouts;
  const overrides = options.themeDir && existsSync(options.themeDir) ? path.resolve(options.themeDir) : undefined;
  const css = options.theme ? themeCss(options.theme) : "";
  if (!overrides && !css) return { layoutsDir: base, dispose: () => {} };
  // Outside the archive and the output: a build never writes into either before the swap.
  const layered = mkdtempSync(path.join(os.tmpdir(), "campaign-archive-theme-"));
  cpSync(base, layered, { recursive: true });
  if (overrides) cpSync(overrides, layered, { recursive: true, force: true });
  if (css) appendFileSync(path.join(layered, "assets", "site.css"), `\n/* theme from site.yaml */\n${css}\n`);
  return { layoutsDir: layered, dispose: () => rmSync(layered, { recursive: true, force: true }) };
}
