import type { ContentProblem } from "../content/errors.ts";
import { isInsideSitePath } from "../output-guard.ts";
import type { Redirect } from "./redirects.ts";
import type { SitePath } from "../urls.ts";

/** Top-level folders the build fills itself: an alias there would mix with its files. */
const reservedFolders = new Set(["assets", "pagefind"]);

/** The files a redirect writes, relative to its old address. */
const redirectFiles = ["index.html", "cite.bib", "cite.json"];

/**
 * Every alias that cannot become a redirect page, as content problems naming file and field:
 * one that leaves the site, replaces a page the archive builds (the item's own address, the
 * home page, a language's front page, another item's page: a cycle), is declared twice, or
 * lands on or under a file the build writes. All are reported at once.
 */
export function aliasProblems(redirects: Redirect[], pagePaths: Iterable<SitePath>, filePaths: Iterable<string>): ContentProblem[] {
  const pages = new Set(pagePaths);
  const files = new Set(filePaths);
  const declared = new Map<SitePath, Redirect>();
  const problems: ContentProblem[] = [];
  const report = (r: Redirect, expected: string, found: string) => problems.push({ file: r.file, field: r.field, expected, found });
  for (const r of redirects) {
    const shown = `"/${r.from}"`;
    if (!isInsideSitePath(r.from)) {
      report(r, 'a site path inside the archive, without "." or ".." segments', shown);
      continue;
    }
    const conflict = conflictOf(r, pages, files);
    if (conflict) {
      report(r, ...conflict);
      continue;
    }
    const first = declared.get(r.from);
    if (first) report(r, "an alias declared once", `${shown}, also declared in ${first.file} · ${first.field}`);
    else declared.set(r.from, r);
  }
  return problems;
}

/** Why a redirect would replace something the build makes: [expected, found], or undefined. */
function conflictOf(r: Redirect, pages: Set<SitePath>, files: Set<string>): [string, string] | undefined {
  const shown = `"/${r.from}"`;
  if (r.from === r.to) return ["an old address of the item, not its current one", `${shown}, the item's own address`];
  if (r.from === "") return ["an old address, not the home page", shown];
  if (pages.has(r.from)) return ["an old address that no page of the archive uses", `${shown}, a page the archive builds`];
  if (reservedFolders.has(r.from.split("/")[0] as string))
    return [`an address outside the build's own folders (${[...reservedFolders].join(", ")})`, shown];
  const segments = r.from.split("/").filter(Boolean);
  const clash = [...segments.map((_, i) => segments.slice(0, i + 1).join("/")), ...redirectFiles.map((name) => `${r.from}${name}`)].find(
    (file) => files.has(file),
  );
  return clash ? ["an address that does not collide with a file the build writes", `${shown}, which collides with "/${clash}"`] : undefined;
}
