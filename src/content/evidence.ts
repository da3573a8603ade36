import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentProblem } from "./errors.ts";
import type { ItemFiles, SourceFile } from "./load.ts";
import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";
import { nestedTranslatableFields, type Evidence } from "./schema.ts";

/** A quotation is a sentence or less: evidence, not borrowed prose. */
export const maxQuoteWords = 40;

/** Where the source documents are looked for when nothing else is said: beside the project, as CI has them. */
export const defaultSeedsDir = "../shared/seeds";

/** One place an item's front matter holds evidence: the item itself, or one entry of a list (an organization's role). */
export interface EvidencePlace {
  /** Field path of the place, "" for the item, "roles[2]" for a role. */
  at: string;
  sources: string[];
  evidence: Evidence[] | undefined;
}

/** One place a file holds evidence. */
interface EvidenceHolder extends EvidencePlace {
  file: SourceFile;
}

type Holder = { sources?: string[]; evidence?: Evidence[] };

/** The places a front matter holds evidence, as its type says: the item, or each object of one of its lists. */
export function evidencePlaces(data: Record<string, unknown>, type: ContentTypeDescriptor): EvidencePlace[] {
  if (!type.evidence) return [];
  const list = type.evidence.in;
  if (list) {
    const entries = (data[list] as Holder[] | undefined) ?? [];
    return entries.map((entry, i) => ({ at: `${list}[${i}]`, sources: entry.sources ?? [], evidence: entry.evidence }));
  }
  const holder = data as Holder;
  return [{ at: "", sources: holder.sources ?? [], evidence: holder.evidence }];
}

function holdersOf(file: SourceFile, type: ContentTypeDescriptor): EvidenceHolder[] {
  return evidencePlaces(file.data, type).map((place) => ({ file, ...place }));
}

const fieldOf = (holder: EvidenceHolder, rest: string) => (holder.at ? `${holder.at}.${rest}` : rest);

/** Every published file that holds evidence, in every language. */
function* publishedHolders(items: ItemFiles, types: ContentTypeDescriptor[]): Generator<EvidenceHolder> {
  for (const type of types) {
    for (const twins of items[type.name]?.values() ?? []) {
      for (const file of twins.values()) if (!file.data.draft) yield* holdersOf(file, type);
    }
  }
}

/**
 * The shape of the evidence, checked when content loads: every published campaign, event, goal and
 * organization role quotes at least one of its own sources, in few enough words to be a quotation;
 * translations carry `quoteTranslation` (missing: a warning, the quote is shown alone), originals do not.
 */
export function checkEvidence(items: ItemFiles, types: ContentTypeDescriptor[], defaultLanguage: string): { problems: ContentProblem[]; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  for (const holder of publishedHolders(items, types)) {
    const { file } = holder;
    if (!holder.evidence?.length) {
      problems.push({
        file: file.file,
        field: fieldOf(holder, "evidence"),
        expected: "at least one quotation backing it: evidence: [{source: <one of its sources>, quote: \"<the document's exact words>\"}]",
        found: "nothing",
      });
      continue;
    }
    holder.evidence.forEach((entry, i) => {
      const field = fieldOf(holder, `evidence[${i}]`);
      if (!holder.sources.includes(entry.source)) {
        problems.push({ file: file.file, field: `${field}.source`, expected: `one of its sources (${holder.sources.join(", ")})`, found: `"${entry.source}"` });
      }
      const words = entry.quote.split(/\s+/).length;
      if (words > maxQuoteWords) {
        problems.push({ file: file.file, field: `${field}.quote`, expected: `a quotation of at most ${maxQuoteWords} words`, found: `${words} words` });
      }
      if (file.lang === defaultLanguage && entry.quoteTranslation !== undefined) {
        problems.push({
          file: file.file,
          field: `${field}.quoteTranslation`,
          expected: `no translation in the default language (${defaultLanguage}); translations belong in the other languages' twins`,
          found: "a translation",
        });
      }
      if (file.lang !== defaultLanguage && entry.quoteTranslation === undefined) {
        warnings.push({ file: file.file, field: `${field}.quoteTranslation`, expected: `the archive's translation of the quote into "${file.lang}"`, found: "none (the quote is shown alone)" });
      }
    });
  }
  return { problems, warnings };
}

/** A language-neutral value without the translations nested in it, for comparing twins. */
export function withoutNestedTranslations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNestedTranslations);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !nestedTranslatableFields.has(key))
      .map(([key, inner]) => [key, withoutNestedTranslations(inner)]),
  );
}

/**
 * Text with its typography made plain, so a quote matches its document whatever quotation marks,
 * dashes, ellipses or spacing either uses. Nothing else is forgiven: words, spelling and case must match.
 */
export function normaliseTypography(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\u2026/g, "...")
    .replace(/\s*[\u2010-\u2015\u2212-]\s*/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

export interface QuoteCheck {
  problems: ContentProblem[];
  /** How many quotes were found in their documents. */
  verified: number;
}

/**
 * Checks every quote of the default language's published items against the text of its
 * source's `seed` document in `seedsDir`. Twins carry the same quotes (the loader checks that),
 * so each quote is read once. Expects content that loaded without problems.
 */
export function verifyQuotes(items: ItemFiles, types: ContentTypeDescriptor[], defaultLanguage: string, seedsDir: string): QuoteCheck {
  const problems: ContentProblem[] = [];
  const documents = new Map<string, string | undefined>();
  const documentOf = (seed: string): string | undefined => {
    if (!documents.has(seed)) {
      const file = path.join(seedsDir, seed);
      documents.set(seed, existsSync(file) ? normaliseTypography(readFileSync(file, "utf8")) : undefined);
    }
    return documents.get(seed);
  };
  let verified = 0;
  for (const holder of publishedHolders(items, types)) {
    if (holder.file.lang !== defaultLanguage) continue;
    (holder.evidence ?? []).forEach((entry, i) => {
      const field = fieldOf(holder, `evidence[${i}].quote`);
      const seed = items.source.get(entry.source)?.get(defaultLanguage)?.data.seed as string | undefined;
      if (seed === undefined) return; // an unknown source is the loader's problem to report
      const document = documentOf(seed);
      if (document === undefined) {
        problems.push({ file: holder.file.file, field, expected: `the document ${seed} of source "${entry.source}" in ${seedsDir}`, found: "no such file" });
      } else if (document.includes(normaliseTypography(entry.quote))) {
        verified++;
      } else {
        problems.push({ file: holder.file.file, field, expected: `words found in ${seed} (source "${entry.source}")`, found: `"${entry.quote}"` });
      }
    });
  }
  return { problems, verified };
}
