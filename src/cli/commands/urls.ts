import path from "node:path";
import { Command } from "commander";
import { archivalOutputs } from "../../archival-outputs.ts";
import { accessDate } from "../../citations.ts";
import { ContentError } from "../../content/errors.ts";
import { loadSite } from "../../eleventy/archive-plugin.ts";
import { appendToManifestFile, manifestFileName } from "../../url-manifest.ts";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

export const urlsCommand = () =>
  new Command("urls")
    .description(`add every URL the content now builds to <content>/${manifestFileName}; a build fails if it would drop one`)
    .addOption(contentOption())
    .action((flags: { content: string }) => {
      let site;
      try {
        site = loadSite({ contentDir: flags.content });
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        console.error(error.message);
        throw new CommandFailed();
      }
      const { urls } = archivalOutputs(site.archive, site.pages, accessDate(site.archive.settings));
      const file = path.join(flags.content, manifestFileName);
      const added = appendToManifestFile(file, urls);
      console.log(`${file}: ${added} new URL${added === 1 ? "" : "s"} added.`);
    });
