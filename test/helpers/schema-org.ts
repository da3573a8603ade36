import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./fixture.ts";

/** The schema.org vocabulary, trimmed to what a check needs: each class's parents and each property's domain. */
interface Vocabulary {
  classes: Record<string, string[]>;
  properties: Record<string, string[]>;
}

const vocabulary = JSON.parse(
  readFileSync(path.join(projectRoot, "test/fixtures/vocabularies/schemaorg-30.0-domains.json"), "utf8"),
) as Vocabulary;

function ancestors(type: string): Set<string> {
  const seen = new Set<string>();
  const queue = [type];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(vocabulary.classes[next] ?? []));
  }
  return seen;
}

/**
 * Every way a JSON-LD value breaks the schema.org vocabulary: an unknown type, a property that
 * neither the type nor its parents have, an empty list. A Role node may also carry the property
 * it qualifies (schema.org's role pattern: `member: { "@type": "OrganizationRole", member: … }`).
 */
export function schemaOrgProblems(value: unknown, at = "$"): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${at}: an empty list`];
    return value.flatMap((v, i) => schemaOrgProblems(v, `${at}[${i}]`));
  }
  if (value === null || typeof value !== "object") return [];
  const node = value as Record<string, unknown>;
  const problems: string[] = [];
  const type = node["@type"];
  if (typeof type === "string") {
    if (!vocabulary.classes[type]) problems.push(`${at}: unknown type ${type}`);
    const lineage = ancestors(type);
    for (const key of Object.keys(node).filter((k) => !k.startsWith("@"))) {
      const domain = vocabulary.properties[key];
      if (!domain) problems.push(`${at}.${key}: not a schema.org property`);
      else if (!domain.some((d) => lineage.has(d)) && !lineage.has("Role")) problems.push(`${at}.${key}: not a property of ${type}`);
    }
  }
  for (const [key, child] of Object.entries(node)) if (key !== "@context") problems.push(...schemaOrgProblems(child, `${at}.${key}`));
  return problems;
}
