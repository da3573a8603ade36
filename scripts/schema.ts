// Writes the JSON Schemas of the content model for editors: `npm run schema`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { builtinTypes } from "../src/content-types/index.ts";
import { contentJsonSchemas, schemaFileName, schemaFileText } from "../src/authoring/json-schema.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: path.join("content", "schemas") } } });
mkdirSync(values.out, { recursive: true });
for (const [name, schema] of contentJsonSchemas(builtinTypes)) {
  const file = path.join(values.out, schemaFileName(name));
  writeFileSync(file, schemaFileText(schema));
  console.log(`wrote ${file}`);
}
