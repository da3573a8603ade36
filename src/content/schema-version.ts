import { z } from "zod";

/** The version of the content model this package reads; `schemaVersion` in site.yaml. */
export const contentSchemaVersion = 1;

/** What each version of the content model changed, for authors whose content is older. */
export const schemaChanges: Record<number, string> = {
  1: "the first versioned content model; site.yaml may say `schemaVersion: 1` (content without it is read as version 1)",
};

/**
 * Why content written for `found` cannot be read by a package that reads `current`, or
 * undefined when it can: newer content asks for a newer package; older content lists what
 * changed since, so the author knows what to update.
 */
export function schemaVersionProblem(found: number, current = contentSchemaVersion, changes = schemaChanges): string | undefined {
  if (found === current) return undefined;
  if (found > current) {
    return `schemaVersion ${current} or lower: this content was written for content model ${found}, newer than this package reads; upgrade the package (see its CHANGELOG.md)`;
  }
  const since = Object.entries(changes)
    .filter(([version]) => Number(version) > found && Number(version) <= current)
    .map(([version, change]) => `version ${version}: ${change}`);
  return `schemaVersion ${current}: this content was written for content model ${found}; update it for ${since.join("; ")}, then set schemaVersion: ${current}`;
}

export const schemaVersionField = z
  .number()
  .int()
  .superRefine((version, context) => {
    const problem = schemaVersionProblem(version);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
