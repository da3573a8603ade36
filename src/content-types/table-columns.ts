import type { Field, Value } from "../outputs/open-data.ts";

/** Column helpers for the open data tables that content types declare. */
export const field = (name: string, description: string, type: Field["type"] = "string"): Field => ({ name, type, description });
export const ids = (name: string, description: string): Field => field(name, description, "list");
export const page: Field = field("page", "the item's page in this archive");
/** A value the item may not have: an empty cell. */
export const optional = (value: string | undefined): Value => value ?? null;
/** An item's title as its file writes it: pages show it with typographic quotes, data keeps the text. */
export const writtenTitle = (item: { data: Record<string, unknown>; title: string }, titleField: string): string => {
  const written = item.data[titleField];
  return typeof written === "string" ? written : item.title;
};
