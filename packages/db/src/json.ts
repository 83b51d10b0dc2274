import type { ColumnType } from "kysely";

declare const jsonShape: unique symbol;

/**
 * JSON text for a `jsonb` column, made by {@link jsonb}. It remembers the shape it encodes, so
 * `phones: jsonb(phones)` type-checks against the column and a stray string does not.
 */
export type JsonText<T> = string & { readonly [jsonShape]: T };

/**
 * Encodes a value for a `jsonb` column. Values go to the database as JSON text on both drivers:
 * node-postgres would turn a bare JavaScript array into a PostgreSQL array literal, not JSON.
 */
export function jsonb<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}

/** A `jsonb` column: read as the parsed value, written with {@link jsonb}. */
export type JsonColumn<T> = ColumnType<T, JsonText<T>, JsonText<T>>;

/** A `jsonb` column with a database default: optional on insert. */
export type JsonColumnWithDefault<T> = ColumnType<T, JsonText<T> | undefined, JsonText<T>>;
