import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";

/** One id an item points at, with the place it was written ("roles[0].sources[1]"). */
export interface ReferencedId {
  at: string;
  target: string;
  id: string;
}

/**
 * The ids written in one field of an item's data. A field path names a field of each object of
 * a list with a dot ("roles.campaign"); a list of ids gives one id per entry.
 */
export function idsAt(data: unknown, fieldPath: string): Array<{ at: string; id: string }> {
  const walk = (value: unknown, parts: string[], at: string): Array<{ at: string; id: string }> => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.flatMap((entry, i) => walk(entry, parts, `${at}[${i}]`));
    if (parts.length === 0) return typeof value === "string" ? [{ at, id: value }] : [];
    if (typeof value !== "object") return [];
    const [head, ...rest] = parts as [string, ...string[]];
    return walk((value as Record<string, unknown>)[head], rest, at ? `${at}.${head}` : head);
  };
  return walk(data, fieldPath.split("."), "");
}

/** Every id an item of this type points at, field by field in the order its descriptor lists them. */
export function referencedIds(type: ContentTypeDescriptor, data: unknown): ReferencedId[] {
  return (type.references ?? []).flatMap((ref) => idsAt(data, ref.field).map(({ at, id }) => ({ at, target: ref.target, id })));
}

/** The distinct ids of one target type an item points at, in order. */
export function idsOfTarget(type: ContentTypeDescriptor, data: unknown, target: string): string[] {
  return [...new Set(referencedIds(type, data).filter((r) => r.target === target).map((r) => r.id))];
}
