import matter from "gray-matter";
import yaml from "js-yaml";

// The core schema leaves "2013-09-12" as text: dates are partial in our model, never JS Dates.
const parseYaml = (source: string): unknown => yaml.load(source, { schema: yaml.CORE_SCHEMA });

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
