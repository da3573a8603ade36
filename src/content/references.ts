import type { ContentTypeDescriptor } from "../content-types/descriptor.ts";

/** One id an item points at, with the place it was written ("roles[0].sources[1]"). */
export interface ReferencedId {
  at: string;
  target: string;
  id: string;
}

// An item's data is parsed once and never changed afterwards (a changed file is parsed anew), and
// its references are asked for by the checks, the archive and the outputs alike: found once.
const idsAtOf = new WeakMap<object, Map<string, ReadonlyArray<{ at: string; id: string }>>>();
const referencedIdsOf = new WeakMap<object, Map<ContentTypeDescriptor, readonly ReferencedId[]>>();
const referencedKeysOf = new WeakMap<readonly ReferencedId[], readonly string[]>();

/**
 * The ids written in one field of an item's data. A field path names a field of each object of
 * a list with a dot ("roles.campaign"); a list of ids gives one id per entry.
 */
export function idsAt(data: unknown, fieldPath: string): ReadonlyArray<{ at: string; id: string }> {
  if (typeof data !== "object" || data === null) return findIdsAt(data, fieldPath);
  const byField = idsAtOf.get(data) ?? new Map<string, ReadonlyArray<{ at: string; id: string }>>();
  idsAtOf.set(data, byField);
  let ids = byField.get(fieldPath);
  if (!ids) byField.set(fieldPath, (ids = Object.freeze(findIdsAt(data, fieldPath))));
  return ids;
}

function findIdsAt(data: unknown, fieldPath: string): Array<{ at: string; id: string }> {
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
export function referencedIds(type: ContentTypeDescriptor, data: unknown): readonly ReferencedId[] {
  if (typeof data !== "object" || data === null) return findReferencedIds(type, data);
  const byType = referencedIdsOf.get(data) ?? new Map<ContentTypeDescriptor, readonly ReferencedId[]>();
  referencedIdsOf.set(data, byType);
  let ids = byType.get(type);
  if (!ids) byType.set(type, (ids = Object.freeze(findReferencedIds(type, data))));
  return ids;
}

/** The distinct items an item points at, as keys ("campaign:some-id"), in order. */
export function referencedKeys(type: ContentTypeDescriptor, data: unknown): readonly string[] {
  const ids = referencedIds(type, data);
  let keys = referencedKeysOf.get(ids);
  if (!keys) referencedKeysOf.set(ids, (keys = Object.freeze([...new Set(ids.map((r) => `${r.target}:${r.id}`))])));
  return keys;
}

function findReferencedIds(type: ContentTypeDescriptor, data: unknown): ReferencedId[] {
  return (type.references ?? []).flatMap((ref) => idsAt(data, ref.field).map(({ at, id }) => ({ at, target: ref.target, id })));
}

/** The distinct ids of one target type an item points at, in order. */
export function idsOfTarget(type: ContentTypeDescriptor, data: unknown, target: string): string[] {
  return [...new Set(referencedIds(type, data).filter((r) => r.target === target).map((r) => r.id))];
}
