import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { parse as parseBibtex } from "@retorquere/bibtex-parser";
import { describe, expect, it } from "vitest";
import {
  accessDate,
  escapeBibtex,
  formatBibtex,
  formatCitations,
  formatCslJson,
  type CitationContext,
  type CitedWork,
} from "../src/outputs/citations.ts";
import { fixtureSettings } from "./helpers/fixture.ts";

const strings = {
  en: {
    "cite.accessed": "Accessed {date}",
    "cite.retrieved": "Retrieved {date}, from {url}",
    "cite.chicagoDate": "LLLL d, yyyy",
    "cite.apaDate": "yyyy, LLLL d",
    "cite.mlaMonths": "Jan.,Feb.,Mar.,Apr.,May,June,July,Aug.,Sept.,Oct.,Nov.,Dec.",
  },
  es: {
    "cite.accessed": "Consultado el {date}",
    "cite.retrieved": "Recuperado el {date} de {url}",
    "cite.chicagoDate": "d 'de' LLLL 'de' yyyy",
    "cite.apaDate": "yyyy, d 'de' LLLL",
    "cite.mlaMonths": "ene.,feb.,mar.,abr.,mayo,jun.,jul.,ago.,sept.,oct.,nov.,dic.",
  },
};

const work: CitedWork = {
  key: "event-march-en",
  title: "March on the Capitol",
  url: "https://archive.example.org/en/event/march/",
  lang: "en",
  locale: "en-US",
  abstract: "Women marched.",
  isArchive: false,
};
const context: CitationContext = {
  siteName: "Campaigns Archive",
  publisher: "Archive project",
  published: "2026-11-23",
  accessed: "2027-06-05",
  strings: strings.en,
};

describe("citations", () => {
  it("writes Chicago, APA and MLA references with the archive's name and the access date", () => {
    const [chicago, apa, mla] = formatCitations(work, context);
    expect(chicago?.text).toBe(
      "“March on the Capitol.” Campaigns Archive. Archive project, November 23, 2026. Accessed June 5, 2027. https://archive.example.org/en/event/march/.",
    );
    expect(apa?.text).toBe(
      "Archive project. (2026, November 23). March on the Capitol. Campaigns Archive. Retrieved June 5, 2027, from https://archive.example.org/en/event/march/",
    );
    expect(apa?.parts.find((p) => p.italic)?.text).toBe("March on the Capitol.");
    expect(mla?.text).toBe(
      "“March on the Capitol.” Campaigns Archive, Archive project, 23 Nov. 2026, archive.example.org/en/event/march/. Accessed 5 June 2027.",
    );
    expect(mla?.parts.find((p) => p.italic)?.text).toBe("Campaigns Archive");
  });

  it("writes Spanish references with Spanish dates and words", () => {
    const [chicago, , mla] = formatCitations({ ...work, locale: "es", title: "Marcha al Capitolio" }, { ...context, strings: strings.es });
    expect(chicago?.text).toContain("23 de noviembre de 2026. Consultado el 5 de junio de 2027.");
    expect(mla?.text).toContain("23 nov. 2026");
  });

  it("writes each locale's dates and each context's own, however many pages share them", () => {
    const shared = { ...context, strings: { ...strings.en, "cite.chicagoDate": "d LLLL yyyy" } };
    const [english] = formatCitations(work, shared);
    const [french] = formatCitations({ ...work, locale: "fr" }, shared);
    const [later] = formatCitations(work, { ...shared, accessed: "2028-01-02" });
    expect(english?.text).toContain("23 November 2026. Accessed 5 June 2027.");
    expect(french?.text).toContain("23 novembre 2026. Accessed 5 juin 2027.");
    expect(later?.text).toContain("Accessed 2 January 2028.");
  });

  it("cites the archive as a whole without a container", () => {
    const [chicago] = formatCitations({ ...work, title: "Campaigns Archive", isArchive: true }, context);
    expect(chicago?.text.startsWith("Campaigns Archive. Archive project, November 23, 2026.")).toBe(true);
  });

  it("writes BibTeX that a parser reads back, special characters included", () => {
    const bib = formatBibtex({ ...work, title: "Tom & Jerry: 100% {braces} #1" }, context);
    // Sentence-casing would rewrite the title; we check the characters survive, not a style.
    const library = parseBibtex(bib, { sentenceCase: false });
    expect(library.errors).toEqual([]);
    const entry = library.entries[0];
    expect(entry?.key).toBe("event-march-en");
    expect(entry?.fields.title).toBe("Tom & Jerry: 100% {braces} #1");
    expect(entry?.fields.url).toBe(work.url);
    expect(entry?.fields.urldate).toBe("2027-06-05");
    expect(escapeBibtex("a_b~c")).toBe("a\\_b\\textasciitilde{}c");
  });

  it("writes CSL-JSON with issued and accessed dates as date parts", () => {
    const [item] = formatCslJson(work, context);
    expect(item).toMatchObject({
      id: "event-march-en",
      type: "webpage",
      title: "March on the Capitol",
      "container-title": "Campaigns Archive",
      URL: work.url,
      issued: { "date-parts": [[2026, 11, 23]] },
      accessed: { "date-parts": [[2027, 6, 5]] },
    });
  });

  it("writes a biblatex @online entry with the site and the publisher kept whole, and no author", () => {
    const entry = parseBibtex(formatBibtex(work, context), { sentenceCase: false }).entries[0];
    expect(entry?.type).toBe("online");
    expect(entry?.fields).toMatchObject({
      titleaddon: "Campaigns Archive",
      organization: ["Archive project"],
      language: "en",
      date: "2026-11-23",
    });
    expect(entry?.fields).not.toHaveProperty("author");
  });

  // citeproc-js is the CSL processor of Zotero and Mendeley; these are the styles citation-js bundles.
  it.each(["apa", "harvard1", "vancouver"])("gives citeproc-js (%s) a reference that names the publisher once and the site", (template) => {
    const reference = new Cite(formatCslJson(work, context)).format("bibliography", { format: "text", template, lang: "en-US" }) as string;
    expect(reference).toContain("March on the Capitol");
    expect(reference).toContain("Campaigns Archive");
    expect(reference.split("Archive project").length - 1).toBe(1);
    expect(reference).toContain(work.url);
  });

  it("gives the settings' access date, or else the day of the build", () => {
    expect(accessDate({ ...fixtureSettings, accessed: "2030-01-02" } as never)).toBe("2030-01-02");
    expect(accessDate(fixtureSettings as never, new Date(2031, 2, 4, 12), "")).toBe("2031-03-04");
  });

  it("takes the access date from SOURCE_DATE_EPOCH when the settings give none, so builds are reproducible", () => {
    expect(accessDate(fixtureSettings as never, new Date(2031, 2, 4, 12), "1700000000")).toBe("2023-11-14");
    expect(accessDate({ ...fixtureSettings, accessed: "2030-01-02" } as never, new Date(), "1700000000")).toBe("2030-01-02");
  });
});
