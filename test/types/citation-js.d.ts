// The part of citation-js the citation tests call: CSL-JSON in, a formatted bibliography out (citeproc-js underneath).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    format(format: "bibliography", options: { format: "text" | "html"; template: string; lang: string }): string;
  }
}
declare module "@citation-js/plugin-csl";
