import { z } from "zod";
import { lowestContrast, minimumContrast } from "../campaign-colours.ts";
import type { ContentProblem } from "./errors.ts";
import { schemaVersionField } from "./schema-version.ts";
import { themeSettingsSchema } from "./theme-settings.ts";
import { webUrl } from "./schema.ts";

/** Whether Intl knows the locale: an unknown or malformed one ("en_US") would format dates in another, silently or with a crash. */
function isKnownLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

const languageSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, "a BCP 47 language code such as \"es\""),
  name: z.string().min(1).describe("the language's name in its own script"),
  locale: z
    .string()
    .refine(isKnownLocale, 'a locale this Node.js can format dates in, such as "en-US" or "es"')
    .describe("the locale dates are formatted in, e.g. \"en-US\""),
  dir: z.enum(["ltr", "rtl"]),
});

const hexColour = /^#[0-9a-fA-F]{6}$/;

const colourSchema = z.string().regex(hexColour, 'a colour written "#rrggbb"');

/** Site settings (`content/site.yaml`): everything about the archive that is not an item. */
export const settingsSchema = z.strictObject({
  /** The content model this folder was written for (src/content/schema-version.ts); absent means 1. */
  schemaVersion: schemaVersionField.optional(),
  defaultLanguage: z.string(),
  languages: z.array(languageSchema).min(1),
  baseUrl: webUrl.describe("the public address the archive is served from, without the path prefix"),
  pathPrefix: z
    .string()
    .regex(/^\/(?:(?!\.\.?\/)[\w.~-]+\/)*$/, 'a path such as "/" or "/archive/", without "." or ".." segments')
    .default("/"),
  name: z.record(z.string(), z.string().min(1)),
  description: z.record(z.string(), z.string().min(1)),
  /** Who publishes the archive: one name, or a name per language. */
  publisher: z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]),
  licence: z.strictObject({
    name: z.string().min(1),
    url: webUrl,
    /** The licence's SPDX / Open Definition id ("CC-BY-4.0"), which data tools match on. */
    id: z.string().regex(/^[-a-zA-Z0-9._]+$/, 'an SPDX id such as "CC-BY-4.0"').optional(),
  }),
  /** First publication of the archive, for citations ("YYYY-MM-DD"). */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The access date citations give ("YYYY-MM-DD"); left out, it is the day of the build. */
  accessed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Each campaign's colour in lanes, labels and badges, by campaign id; a campaign left out is drawn in the accent colour. */
  campaignColours: z
    .record(z.string(), z.strictObject({ light: colourSchema, dark: colourSchema }))
    .default({})
    .describe("each campaign's colour by campaign id, for light and for dark pages"),
  /** Colours and font as CSS custom properties; layouts and the stylesheet are overridden in theme/. */
  theme: themeSettingsSchema.optional(),
})
  // Each campaign colour is text on the pages of its scheme: it must read there (4.5:1), on the
  // theme's own page background when the theme gives one as "#rrggbb".
  .superRefine((settings, context) => {
    for (const [id, colour] of Object.entries(settings.campaignColours)) {
      for (const scheme of ["light", "dark"] as const) {
        // A colour that is not "#rrggbb" has been reported already: its contrast cannot be measured.
        if (!hexColour.test(colour[scheme])) continue;
        const themeBackground = settings.theme?.[scheme]?.bg;
        const ratio = lowestContrast(colour[scheme], scheme, themeBackground && hexColour.test(themeBackground) ? themeBackground : undefined);
        if (ratio >= minimumContrast) continue;
        context.addIssue({
          code: "custom",
          path: ["campaignColours", id, scheme],
          message: `a colour with at least ${minimumContrast}:1 contrast on ${scheme} pages (${colour[scheme]} has ${ratio.toFixed(2)}:1)`,
        });
      }
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

/** A colour given to a campaign the archive does not have is a typo: reported, not ignored. */
export function campaignColourProblems(settings: Settings, campaignIds: Set<string>, file: string): ContentProblem[] {
  return Object.keys(settings.campaignColours)
    .filter((id) => !campaignIds.has(id))
    .map((id) => ({ file, field: `campaignColours.${id}`, expected: "the id of a campaign", found: JSON.stringify(id) }));
}

/** The publisher's name in a language: its own entry, else the default language's. */
export function publisherIn(settings: Settings, lang: string): string {
  const { publisher } = settings;
  if (typeof publisher === "string") return publisher;
  return publisher[lang] ?? publisher[settings.defaultLanguage] ?? Object.values(publisher)[0] ?? "";
}
export type Language = z.infer<typeof languageSchema>;
