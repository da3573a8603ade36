import type { ContentProblem } from "./errors.ts";

/** Interface text of one language: navigation, labels, notices, date words. */
export type Strings = Record<string, string>;

/**
 * Every language must define every key the layouts use (`required`: the keys of the package's
 * own strings) and every key any language defines, the default language included: a missing
 * string is an error naming the key and the language, never a silently blank label.
 */
export function checkStrings(
  byLanguage: Map<string, Strings>,
  defaultLanguage: string,
  fileOf: (lang: string) => string,
  required: Iterable<string> = [],
): ContentProblem[] {
  const keys = new Set([...required, ...[...byLanguage.values()].flatMap((strings) => Object.keys(strings))]);
  const problems: ContentProblem[] = [];
  // The default language first: its gaps are the ones every other language falls back on.
  const languages = [...byLanguage].sort(([a], [b]) => Number(b === defaultLanguage) - Number(a === defaultLanguage));
  for (const [lang, strings] of languages) {
    for (const key of keys) {
      if (!Object.hasOwn(strings, key) || typeof strings[key] !== "string" || strings[key] === "") {
        problems.push({
          file: fileOf(lang),
          field: key,
          expected: `the interface string "${key}" in language "${lang}"`,
          found: "nothing",
        });
      }
    }
  }
  return problems;
}

/** Fills "{name}" placeholders in an interface string. */
export function fillString(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
