import matter from "gray-matter";
import yaml from "js-yaml";

/**
 * The most values a YAML document may expand to. Aliases (`*name`) repeat a value without
 * copying it, so 600 bytes of nested aliases expand to billions of values, which everything
 * after the parser walks; a content file has a few hundred.
 */
export const maxYamlValues = 100_000;

// The core schema leaves "2013-09-12" as text: dates are partial in our model, never JS Dates.
const parseYaml = (source: string): unknown => capExpansion(yaml.load(source, { schema: yaml.CORE_SCHEMA }));

/** Throws when a parsed document expands to more than maxYamlValues values. */
function capExpansion(value: unknown): unknown {
  // Shared subtrees (aliases) are sized once and counted at each use.
  const sizes = new Map<object, number>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let total = 1;
    for (const child of Object.values(node)) {
      total += size(child);
      if (total > maxYamlValues) break;
    }
    sizes.set(node, total);
    return total;
  };
  if (size(value) > maxYamlValues) {
    throw new Error(`YAML that expands to more than ${maxYamlValues.toLocaleString("en")} values through aliases (*name): write the values out`);
  }
  return value;
}

export function readYaml(source: string): unknown {
  return parseYaml(source);
}

/** Splits a Markdown file into its front matter and body. */
export function readFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const parsed = matter(source, {
    engines: { yaml: (s: string) => (parseYaml(s) ?? {}) as object },
  });
  return { data: parsed.data as Record<string, unknown>, body: parsed.content };
}
