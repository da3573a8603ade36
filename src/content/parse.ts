import { existsSync, readFileSync } from "node:fs";
import type { z } from "zod";
import { describeValue, type ContentProblem } from "./errors.ts";
import { readYaml } from "./yaml.ts";

/** Reads a YAML file; a missing or unreadable file is a problem, and gives undefined. */
export function readYamlFile(file: string, problems: ContentProblem[], rel: (f: string) => string): unknown {
  if (!existsSync(file)) {
    problems.push({ file: rel(file), field: "", expected: "this file to exist", found: "no file" });
    return undefined;
  }
  try {
    return readYaml(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push({ file: rel(file), field: "", expected: "valid YAML", found: firstLine(error) });
    return undefined;
  }
}

/** Validates with a schema; every issue becomes a problem. */
export function parseWith<S extends z.ZodType>(schema: S, raw: unknown, file: string, problems: ContentProblem[]): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  problems.push(...zodProblems(result.error, raw, file));
  return undefined;
}

/** Turns schema issues into problems that say where, what was expected and what was found. */
export function zodProblems(error: z.ZodError, raw: unknown, file: string): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        file,
        // An empty field name (": value") still needs a visible name.
        field: field ? `${field}.${key || '""'}` : key || '""',
        expected: "only the fields of the content model (see docs/content-model.md)",
        found: `an unknown field "${key}"`,
      }));
    }
    const found = describeValue(valueAt(raw, issue.path));
    const expected =
      issue.code === "invalid_union" && dateFieldNames.has(String(issue.path[issue.path.length - 1]))
        ? `a date written "YYYY-MM-DD", "YYYY-MM", "YYYY" or "undated"${found === "nothing" ? " (required)" : ""}`
        : issue.code === "invalid_type"
        ? `${issue.expected}${issue.message.includes("received undefined") ? " (required)" : ""}`
        : issue.message.replace(/^Invalid (input|option): expected /, "").replace(/^Too small: expected /, "");
    return [{ file, field, expected, found }];
  });
}

// The date fields of the built-in types: a wrong value there gets the date formats, not zod's union message.
const dateFieldNames = new Set(["date", "endDate", "founded"]);

function valueAt(raw: unknown, at: PropertyKey[]): unknown {
  let value = raw;
  for (const key of at) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "an unreadable file";
}
