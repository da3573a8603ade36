import { z } from "zod";
import { seasons } from "../dates.ts";

/** Lowercase words joined by hyphens: the id decides the URL, so it must be URL-safe. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "an id of lowercase letters, digits and single hyphens")
  // The id is a folder name in the site and its zip: Windows cannot create these.
  .refine((id) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(id), "an id that is not a name Windows reserves (con, prn, aux, nul, com1–9, lpt1–9)");

// YAML reads 2015 as a number; dates are text in our model, so a bare year is accepted and turned into text.
export const dateText = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .describe('ISO 8601 date: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"');

/** A web address readers may follow: http(s) only, never `javascript:` or `data:`. */
export const webUrl = z.url({ protocol: /^https?$/, error: "an http:// or https:// address" });

export const season = z.enum(seasons);
export const ids = z.array(idSchema);
export const sourceIds = z.array(idSchema).min(1, "at least one source id");
export const text = z.string().trim().min(1, "non-empty text");
// No "." or ".." segment: an alias names a folder inside the site, never one above it.
const sitePath = z.string().regex(/^\/(?:(?!\.\.?\/)[\w.~-]+\/)*$/, 'a site path inside the archive such as "/en/event/old-id/", without "." or ".." segments');

/** Marks text an author still has to write (`npm run new` writes it into drafts); never published. */
export const placeholderMark = "(to write:";
export const placeholder = (what: string) => `${placeholderMark} ${what})`;

/**
 * The source's own words behind an item's claims: a short, exact excerpt of the document the
 * source's `seed` names (checked by `src/content/evidence.ts`). The quote stays in the
 * document's language in every twin; a translation adds `quoteTranslation`.
 */
export const evidenceSchema = z
  .array(
    z.strictObject({
      source: idSchema.describe("a source id among the item's `sources`"),
      quote: text.describe("the document's exact words, at most about 40 words"),
      quoteTranslation: text.optional().describe("the archive's translation of the quote (translations only)"),
    }),
  )
  .min(1, "at least one quotation");

/** Fields every content item may carry. */
export const commonFields = {
  id: idSchema,
  draft: z.boolean().optional(),
  aliases: z.array(sitePath).optional(),
  note: text.optional(),
};

/** Front matter that is text in the reader's language; every other field must agree between translations. */
export const translatableFields = new Set([
  "title",
  "name",
  "summary",
  "description",
  "dateNote",
  "foundedNote",
  "note",
  "draft",
  "aliases",
]);

/** Translatable fields inside language-neutral ones (an evidence entry's translation). */
export const nestedTranslatableFields = new Set(["quoteTranslation"]);
export type Evidence = z.infer<typeof evidenceSchema>[number];

export const vocabularySchema = z.strictObject({
  themes: z.record(idSchema, text),
  topics: z.record(idSchema, text),
  places: z.record(idSchema, text),
  kinds: z.record(idSchema, text),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;
