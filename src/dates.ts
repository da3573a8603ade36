import { DateTime } from "luxon";

/** How much of a date the sources actually give. */
export type Precision = "day" | "month" | "year" | "season" | "undated";
export const seasons = ["spring", "summer", "autumn", "winter"] as const;
export type Season = (typeof seasons)[number];

/** A date as precise as the sources allow, never more. */
export interface PartialDate {
  precision: Precision;
  year?: number;
  month?: number;
  day?: number;
  season?: Season;
  approximate: boolean;
  /** ISO text as written in the content file ("2013-09", "undated"). */
  iso: string;
}

const isoPattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads a content date ("2013-09-12", "2013-09", "2015", "undated").
 * Returns an error message instead of throwing, so the caller can report every bad file at once.
 */
export function parsePartialDate(text: string, options: { season?: Season; approximate?: boolean } = {}): PartialDate | { error: string } {
  const approximate = options.approximate ?? false;
  if (text === "undated") {
    if (options.season) return { error: 'a season needs a year, not "undated"' };
    return { precision: "undated", approximate, iso: text };
  }
  const match = isoPattern.exec(text);
  if (!match) return { error: 'a date written "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"' };
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m === undefined ? undefined : Number(m);
  const day = d === undefined ? undefined : Number(d);
  // Year 0 does not exist in the calendar the archive shows (1 BC is followed by AD 1).
  if (year < 1) return { error: "a year from 0001 on" };
  const check = DateTime.fromObject({ year, month: month ?? 1, day: day ?? 1 });
  if (!check.isValid) return { error: `a real calendar date (${check.invalidExplanation ?? "invalid"})` };
  if (options.season) {
    if (month !== undefined) return { error: 'a season only with a year-only date such as "2018"' };
    return { precision: "season", year, season: options.season, approximate, iso: text };
  }
  const precision: Precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  return { precision, year, month, day, approximate, iso: text };
}

export function isPartialDate(value: PartialDate | { error: string }): value is PartialDate {
  return !("error" in value);
}

// Seasons sort at their northern-hemisphere middle month, so "summer 2018" follows June 2018.
const seasonMonth: Record<Season, number> = { spring: 4, summer: 7, autumn: 10, winter: 12 };

/**
 * A sortable key: earlier dates sort first, a less precise date sorts after the precise dates
 * of the period it covers would start, undated items sort last.
 */
export function dateSortKey(date: PartialDate): string {
  if (date.precision === "undated" || date.year === undefined) return "9999-99-99";
  const year = String(date.year).padStart(4, "0");
  if (date.precision === "season" && date.season) {
    return `${year}-${String(seasonMonth[date.season]).padStart(2, "0")}-00`;
  }
  const month = date.month === undefined ? "00" : String(date.month).padStart(2, "0");
  const day = date.day === undefined ? "00" : String(date.day).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

/** Words the date formatter needs from the interface strings of a language. */
export interface DateWords {
  undated: string;
  approximately: string;
  /** e.g. "{season} {year}" or "{season} de {year}" */
  seasonPattern: string;
  seasons: Record<Season, string>;
}

/** Formats a partial date for readers of `locale`, e.g. "12 de septiembre de 2013", "summer 2018". */
export function formatPartialDate(date: PartialDate, locale: string, words: DateWords): string {
  const text = formatExact(date, locale, words);
  return date.approximate && date.precision !== "undated" ? `${words.approximately} ${text}` : text;
}

function formatExact(date: PartialDate, locale: string, words: DateWords): string {
  if (date.precision === "undated" || date.year === undefined) return words.undated;
  const when = DateTime.fromObject({ year: date.year, month: date.month ?? 1, day: date.day ?? 1 }, { locale, zone: "utc" });
  switch (date.precision) {
    case "day":
      return when.toLocaleString({ year: "numeric", month: "long", day: "numeric" });
    case "month":
      return when.toLocaleString({ year: "numeric", month: "long" });
    case "season":
      return words.seasonPattern
        .replace("{season}", date.season ? words.seasons[date.season] : "")
        .replace("{year}", when.toLocaleString({ year: "numeric" }));
    case "year":
      return when.toLocaleString({ year: "numeric" });
  }
}

/** The calendar year a date belongs to, for grouping; undefined when undated. */
export function dateYear(date: PartialDate): number | undefined {
  return date.precision === "undated" ? undefined : date.year;
}

/** The earliest ISO day a date may denote, for machine-readable metadata (feeds, JSON-LD). */
export function earliestIsoDay(date: PartialDate): string | undefined {
  if (date.precision === "undated" || date.year === undefined) return undefined;
  const month = date.precision === "season" && date.season ? seasonMonth[date.season] - 1 : (date.month ?? 1);
  return DateTime.fromObject({ year: date.year, month, day: date.day ?? 1 }, { zone: "utc" }).toISODate() ?? undefined;
}
