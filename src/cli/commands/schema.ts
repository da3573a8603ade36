import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { contentOption } from "../options.ts";

export const schemaCommand = () =>
  new Command("schema")
    .description("write the JSON Schemas of the content model, for editors that validate as you type")
    .addOption(contentOption())
    .option("--out <dir>", "where the schemas are written (default: <content>/schemas)")
    .action(async (flags: { content: string; out?: string }) => {
      const { contentJsonSchemas, schemaFileName, schemaFileText } = await import("../../authoring/json-schema.ts");
      const { builtinTypes } = await import("../../content-types/index.ts");
      const out = flags.out ?? path.join(flags.content, "schemas");
      mkdirSync(out, { recursive: true });
      for (const [name, schema] of contentJsonSchemas(builtinTypes)) {
        const file = path.join(out, schemaFileName(name));
        writeFileSync(file, schemaFileText(schema));
        console.log(`wrote ${file}`);
      }
    });
