import { Option } from "commander";

/** `--content <dir>`, shared by every command that reads the archive's content. */
export const contentOption = () =>
  new Option("--content <dir>", "the content folder: site.yaml, strings/, one folder per language")
    .env("ARCHIVE_CONTENT_DIR")
    .default("content");

/** `--theme <dir>`: layouts, includes and assets that replace the package's (docs/themes.md). */
export const themeOption = () =>
  new Option("--theme <dir>", "theme folder whose files replace the package's layouts, includes and stylesheet").default("theme");
