import { z } from "zod";
import { seasons } from "../dates.ts";

/** Lowercase words joined by hyphens: the id decides the URL, so it must be URL-safe. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "an id of lowercase letters, digits and single hyphens")
  // The id is a folder name in the site and its zip: Windows cannot create these.
  .refine((id) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(id), "an id that is not a name Windows reserves (con, prn, aux, nul, com1–9, lpt1–9)");

// YAML reads 2015 as a number; dates are text in our model, so a bare year is accepted and turned into text.
const dateText = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .describe('ISO 8601 date: "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"');

/** A web address readers may follow: http(s) only, never `javascript:` or `data:`. */
export const webUrl = z.url({ protocol: /^https?$/, error: "an http:// or https:// address" });

const ids = z.array(idSchema);
const sourceIds = z.array(idSchema).min(1, "at least one source id");
const text = z.string().trim().min(1, "non-empty text");
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
const common = {
  id: idSchema,
  draft: z.boolean().optional(),
  aliases: z.array(sitePath).optional(),
  note: text.optional(),
};

export const campaignSchema = z.strictObject({
  ...common,
  name: text,
  shortName: text,
  founded: dateText,
  foundedSeason: z.enum(seasons).optional(),
  foundedApproximate: z.boolean().optional(),
  foundedNote: text.optional(),
  summary: text,
  chairs: ids.optional(),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
});

export const eventSchema = z.strictObject({
  ...common,
  title: text,
  date: dateText,
  season: z.enum(seasons).optional(),
  approximate: z.boolean().optional(),
  dateNote: text.optional(),
  endDate: dateText.optional(),
  campaigns: ids.min(1, "at least one campaign id"),
  places: ids.optional(),
  topics: ids.optional(),
  organizations: ids.optional(),
  people: ids.optional(),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
  highlight: z.boolean().optional(),
  summary: text,
});

export const goalKinds = ["goal", "policy-call", "issue-area"] as const;
export const goalSchema = z.strictObject({
  ...common,
  title: text,
  campaign: idSchema,
  themes: ids.min(1, "at least one theme id"),
  kind: z.enum(goalKinds),
  sources: sourceIds,
  evidence: evidenceSchema.optional(),
  summary: text,
});

export const roleNames = ["anchor", "leader", "convener", "member", "partner", "referenced"] as const;
export const organizationSchema = z.strictObject({
  ...common,
  name: text,
  acronym: text.optional(),
  kind: idSchema.optional(),
  description: text.optional(),
  roles: z
    .array(z.strictObject({ campaign: idSchema, role: z.enum(roleNames), sources: sourceIds, evidence: evidenceSchema.optional() }))
    .min(1, "at least one role in a campaign"),
});

export const personSchema = z.strictObject({
  ...common,
  name: text,
  description: text,
  campaigns: ids.optional(),
  sources: sourceIds,
});

export const sourceKinds = [
  "encyclopedia-article",
  "campaign-statement",
  "organization-page",
  "report",
  "web-page",
] as const;
export const sourceSchema = z.strictObject({
  ...common,
  title: text,
  kind: z.enum(sourceKinds),
  author: text.optional(),
  publisher: text.optional(),
  date: dateText.optional(),
  dateNote: text.optional(),
  url: webUrl.optional(),
  seed: text,
  summary: text,
});

export const pageSchema = z.strictObject({
  ...common,
  title: text,
  summary: text,
});

/** Content types, each with the folder its files live in and the URL segment of its pages. */
export const contentTypes = {
  campaign: { folder: "campaigns", schema: campaignSchema },
  event: { folder: "events", schema: eventSchema },
  goal: { folder: "goals", schema: goalSchema },
  organization: { folder: "organizations", schema: organizationSchema },
  person: { folder: "people", schema: personSchema },
  source: { folder: "sources", schema: sourceSchema },
  page: { folder: "pages", schema: pageSchema },
} as const;

export type ContentType = keyof typeof contentTypes;
export const contentTypeNames = Object.keys(contentTypes) as ContentType[];

export type CampaignData = z.infer<typeof campaignSchema>;
export type EventData = z.infer<typeof eventSchema>;
export type GoalData = z.infer<typeof goalSchema>;
export type OrganizationData = z.infer<typeof organizationSchema>;
export type PersonData = z.infer<typeof personSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type Role = (typeof roleNames)[number];
export type Evidence = z.infer<typeof evidenceSchema>[number];

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

export const vocabularySchema = z.strictObject({
  themes: z.record(idSchema, text),
  topics: z.record(idSchema, text),
  places: z.record(idSchema, text),
  kinds: z.record(idSchema, text),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;
