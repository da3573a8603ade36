import path from "node:path";
import { Command } from "commander";
import { manifestFileName } from "../../outputs/url-manifest.ts";
import { CommandFailed } from "../exit-codes.ts";
import { contentOption } from "../options.ts";

export const urlsCommand = () =>
  new Command("urls")
    .description(`add every URL the content now builds to <content>/${manifestFileName}; a build fails if it would drop one`)
    .addOption(contentOption())
    .action(async (flags: { content: string }) => {
      const [{ publishedOutputs }, { accessDate }, { ContentError }, { loadSite }, { appendToManifestFile }] = await Promise.all([
        import("../../outputs/published-files.ts"),
        import("../../outputs/citations.ts"),
        import("../../content/errors.ts"),
        import("../../site.ts"),
        import("../../outputs/url-manifest.ts"),
      ]);
      let site;
      try {
        site = loadSite({ contentDir: flags.content });
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        console.error(error.message);
        throw new CommandFailed();
      }
      const { urls } = publishedOutputs(site.archive, site.pages, accessDate(site.archive.settings), site.publishedUrls);
      const file = path.join(flags.content, manifestFileName);
      const added = appendToManifestFile(file, urls);
      console.log(`${file}: ${added} new URL${added === 1 ? "" : "s"} added.`);
    });
