import type { Item } from "../archive.ts";
import type { Field, Row, Value } from "../outputs/open-data.ts";
import type { TableSpec } from "./descriptor.ts";

/**
 * One column of an open data table that a content type declares: its Table Schema field and the
 * value a row gives it, side by side, so a field can never lack its value or a value its field.
 */
export interface Column<R> {
  field: Field;
  value: (row: R, url: (item: Item) => string) => Value;
}

export const column = <R>(name: string, description: string, value: Column<R>["value"], type: Field["type"] = "string"): Column<R> => ({
  field: { name, type, description },
  value,
});
/** A list of ids: one CSV cell, joined by ";". */
export const idsColumn = <R>(name: string, description: string, value: (row: R) => string[]): Column<R> =>
  column(name, description, value, "list");
/** The item's page in this archive. */
export const pageColumn: Column<Item> = column("page", "the item's page in this archive", (item, url) => url(item));

/** A table with a row per item of the type. */
export function itemTable<Data>(name: string, columns: Array<Column<Item<Data>>>): TableSpec<Data> {
  return table(name, (items) => items, columns);
}

/** A table whose rows the items give otherwise, as an organization gives a row per role. */
export function table<Data, R>(name: string, rowsOf: (items: Array<Item<Data>>) => R[], columns: Array<Column<R>>): TableSpec<Data> {
  return {
    name,
    fields: columns.map((c) => c.field),
    rows: (items, url) => columnValues(rowsOf(items), columns, url),
  };
}

/** Each row's value in every column, by field name. */
export function columnValues<R>(rows: R[], columns: Array<Column<R>>, url: (item: Item) => string): Row[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.field.name, c.value(row, url)])) as Row);
}

/** A value the item may not have: an empty cell. */
export const optional = (value: string | undefined): Value => value ?? null;
/** An item's title as its file writes it: pages show it with typographic quotes, data keeps the text. */
export const writtenTitle = (item: { data: Record<string, unknown>; title: string }, titleField: string): string => {
  const written = item.data[titleField];
  return typeof written === "string" ? written : item.title;
};
