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
