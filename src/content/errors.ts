/** A problem found in the content, with its place, so an author can fix it without guessing. */
export interface ContentProblem {
  file: string;
  field: string;
  expected: string;
  found: string;
}

export function formatProblem(problem: ContentProblem): string {
  const field = problem.field ? ` · ${problem.field}` : "";
  return `${problem.file}${field}: expected ${problem.expected}, found ${problem.found}`;
}

/** Short, printable description of a value found where something else was expected. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Thrown once, with every problem, when content cannot be built. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `The content has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ContentError";
  }
}

/**
 * Warnings as lines to print: a kind of warning repeated in one file (10,000 untranslated
 * labels) is shown `perKind` times, then counted, so real problems are not drowned.
 */
export function summariseWarnings(warnings: ContentProblem[], perKind = 3): string[] {
  const groups = new Map<string, ContentProblem[]>();
  for (const warning of warnings) {
    const key = `${warning.file}\n${warning.expected}`;
    const group = groups.get(key) ?? [];
    group.push(warning);
    groups.set(key, group);
  }
  return [...groups.values()].flatMap((group) => [
    ...group.slice(0, perKind).map(formatProblem),
    ...(group.length > perKind ? [`${group[0]?.file}: ${group.length - perKind} more like these (expected ${group[0]?.expected})`] : []),
  ]);
}
