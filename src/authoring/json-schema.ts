import { z } from "zod";
import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";
import { vocabularySchema } from "../content/schema.ts";
import { settingsSchema } from "../content/settings.ts";

/**
 * JSON Schemas of every file an author writes, generated from the zod content model so the two
 * cannot drift. `io: "input"` describes what is written (a bare year is a number in YAML), not
 * what the loader turns it into. https://zod.dev/json-schema
 */
export function contentJsonSchemas(types: ContentTypeDescriptor[]): Map<string, Record<string, unknown>> {
  const schemas: Array<[string, z.ZodType, string]> = [
    ...types.map((type): [string, z.ZodType, string] => [
      type.name,
      type.schema,
      `Front matter of a ${type.name}: content/<lang>/${type.folder}/<id>.md`,
    ]),
    ["settings", settingsSchema, "Site settings: content/site.yaml"],
    ["vocabulary", vocabularySchema, "Vocabulary labels: content/<lang>/vocabulary.yaml"],
  ];
  return new Map(
    schemas.map(([name, schema, description]) => [name, { title: name, description, ...z.toJSONSchema(schema, { io: "input" }) }]),
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
