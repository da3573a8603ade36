import type { Field, Value } from "../outputs/open-data.ts";

/** Column helpers for the open data tables that content types declare. */
export const field = (name: string, description: string, type: Field["type"] = "string"): Field => ({ name, type, description });
export const ids = (name: string, description: string): Field => field(name, description, "list");
export const page: Field = field("page", "the item's page in this archive");
/** A value the item may not have: an empty cell. */
export const optional = (value: string | undefined): Value => value ?? null;
