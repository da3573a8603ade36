import { z } from "zod";
import { contentTypeNames, contentTypes, vocabularySchema } from "../content/schema.ts";
import { settingsSchema } from "../content/settings.ts";

/** What each generated schema describes, for the editor's hover text. */
const descriptions: Record<string, string> = {
  settings: "Site settings: content/site.yaml",
  vocabulary: "Vocabulary labels: content/<lang>/vocabulary.yaml",
  ...Object.fromEntries(
    contentTypeNames.map((type) => [type, `Front matter of a ${type}: content/<lang>/${contentTypes[type].folder}/<id>.md`]),
  ),
};

/**
 * JSON Schemas of every file an author writes, generated from the zod content model so the two
 * cannot drift. `io: "input"` describes what is written (a bare year is a number in YAML), not
 * what the loader turns it into. https://zod.dev/json-schema
 */
export function contentJsonSchemas(): Map<string, Record<string, unknown>> {
  const schemas: Array<[string, z.ZodType]> = [
    ...contentTypeNames.map((type): [string, z.ZodType] => [type, contentTypes[type].schema]),
    ["settings", settingsSchema],
    ["vocabulary", vocabularySchema],
  ];
  return new Map(
    schemas.map(([name, schema]) => [
      name,
      { title: name, description: descriptions[name], ...z.toJSONSchema(schema, { io: "input" }) },
    ]),
  );
}

/** The file name a schema is written to, under `content/schemas/`. */
export function schemaFileName(name: string): string {
  return `${name}.schema.json`;
}

/** The text of a schema file: stable, so regenerating an unchanged model changes nothing. */
export function schemaFileText(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
