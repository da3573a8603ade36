import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";
import { describeValue, type ContentProblem } from "./errors.ts";
import { withoutNestedTranslations } from "./evidence.ts";
import type { ItemFiles, SourceFile } from "./load.ts";
import { idsAt, referencedIds } from "./references.ts";
import { translatableFields, type Vocabulary } from "./schema.ts";

type Problems = ContentProblem[];

/** Twins must exist in the default language and agree on every language-neutral field. */
export function checkTwins(
  items: ItemFiles,
  types: ContentTypeDescriptor[],
  defaultLanguage: string,
  codes: string[],
  invalid: Set<string>,
  problems: Problems,
  warnings: Problems,
): void {
  for (const { name: type } of types) {
    for (const [id, twins] of items[type] ?? []) {
      if (invalid.has(`${type}:${id}`)) continue;
      const original = twins.get(defaultLanguage);
      if (!original) {
        for (const twin of twins.values()) {
          problems.push({
            file: twin.file,
            field: "id",
            expected: `a ${type} "${id}" in the default language (${defaultLanguage}) that this file translates`,
            found: "no such item",
          });
        }
        continue;
      }
      for (const code of codes) {
        const twin = twins.get(code);
        if (!twin) {
          if (original.data.draft) continue;
          warnings.push({ file: original.file, field: "id", expected: `a translation in "${code}"`, found: "none (the page falls back to the original)" });
          continue;
        }
        if (twin !== original) problems.push(...twinDifferences(original, twin));
      }
    }
  }
}

// Nested translations (an evidence entry's quoteTranslation) may differ between twins.
const neutral = (value: unknown) => JSON.stringify(withoutNestedTranslations(value));

// A parsed file is never changed (a changed file is parsed anew): two twins compare the same on every load.
const comparedTwins = new WeakMap<SourceFile, WeakMap<SourceFile, Problems>>();

function twinDifferences(original: SourceFile, twin: SourceFile): Problems {
  const compared = comparedTwins.get(original) ?? new WeakMap<SourceFile, Problems>();
  comparedTwins.set(original, compared);
  let differences = compared.get(twin);
  if (!differences) compared.set(twin, (differences = compareTwins(original, twin)));
  return differences;
}

function compareTwins(original: SourceFile, twin: SourceFile): Problems {
  const keys = new Set([...Object.keys(original.data), ...Object.keys(twin.data)]);
  return [...keys]
    .filter((key) => !translatableFields.has(key) && neutral(original.data[key]) !== neutral(twin.data[key]))
    .map((key) => ({
      file: twin.file,
      field: key,
      expected: `the same value as ${original.file} (${describeValue(original.data[key])})`,
      found: describeValue(twin.data[key]),
    }));
}

/** Every id an item points at names a published item of the right type, or a vocabulary entry. */
export function checkReferences(
  items: ItemFiles,
  types: ContentTypeDescriptor[],
  vocabulary: Vocabulary | undefined,
  defaultLanguage: string,
  invalid: Set<string>,
  problems: Problems,
): void {
  const published = (type: string, id: string) => {
    const item = items[type]?.get(id)?.get(defaultLanguage);
    return (item !== undefined && !item.data.draft) || invalid.has(`${type}:${id}`);
  };
  for (const type of types) {
    for (const twins of items[type.name]?.values() ?? []) {
      for (const file of twins.values()) {
        if (file.data.draft) continue;
        for (const { at, target, id } of referencedIds(type, file.data)) {
          if (published(target, id)) continue;
          const draft = items[target]?.get(id)?.get(defaultLanguage)?.data.draft;
          problems.push({ file: file.file, field: at, expected: `the id of a published ${target}`, found: draft ? `"${id}" (a draft)` : `"${id}", which does not exist` });
        }
        for (const ref of type.vocabulary ?? []) {
          for (const { at, id } of idsAt(file.data, ref.field)) {
            if (vocabulary && Object.hasOwn(vocabulary[ref.list], id)) continue;
            problems.push({ file: file.file, field: at, expected: `an id listed under "${ref.list}" in ${defaultLanguage}/vocabulary.yaml`, found: `"${id}"` });
          }
        }
      }
    }
  }
}

/** A vocabulary entry without a translated label falls back to the default language's, with a warning. */
export function checkVocabularies(
  vocabularies: Map<string, Vocabulary>,
  defaultLanguage: string,
  fileOf: (lang: string) => string,
  warnings: Problems,
): void {
  const reference = vocabularies.get(defaultLanguage);
  if (!reference) return;
  for (const [code, vocabulary] of vocabularies) {
    for (const list of Object.keys(reference) as Array<keyof Vocabulary>) {
      for (const id of Object.keys(reference[list])) {
        if (!Object.hasOwn(vocabulary[list], id)) {
          warnings.push({ file: fileOf(code), field: `${list}.${id}`, expected: "a translated label", found: "none (the default language's label is shown)" });
        }
      }
    }
  }
}
