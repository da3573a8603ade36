import type { Item } from "../archive.ts";

// State and federal bill prefixes: a reader may type "SB 1070" where the source wrote "SB1070".
const billNumber = /\b(SB|HB|AB|HR|SF|HF|LB)[\s-]?(\d{1,5})\b/g;

/** Both spellings of every bill number in a text: "SB1070" gives "SB1070" and "SB 1070". */
export function billSpellings(text: string): string[] {
  return [...new Set([...text.matchAll(billNumber)].flatMap(([, prefix, number]) => [`${prefix}${number}`, `${prefix} ${number}`]))];
}

/**
 * The initials of a name's capitalized words ("National Domestic Workers Alliance" → "NDWA"):
 * a fact of the name, indexed so the short form finds the organization. Under three letters
 * initials are too ambiguous to help.
 */
export function nameInitials(name: string): string | undefined {
  const initials = name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.charAt(0))
    .join("");
  return initials.length >= 3 ? initials : undefined;
}

/** An organization's short forms: its stated acronym and the initials of its name. */
export function shortFormsOf(organization: Item<{ name: string; acronym?: string }>): string[] {
  const { acronym, name } = organization.data;
  return [acronym, nameInitials(name)].filter((s): s is string => Boolean(s));
}
