import type { JsonObject } from "./json.ts";
import type { JsonValue } from "./model.ts";

/** How a normalized attribute is read from raw JSON. */
export type AttributeKind = "string" | "boolean" | "number" | "scalar" | "strings";

type KindOf<T> = [T] extends [string | null]
  ? "string"
  : [T] extends [boolean | null]
    ? "boolean"
    : [T] extends [number | null]
      ? "number"
      : [T] extends [string | number | boolean | null]
        ? "scalar"
        : [T] extends [string[] | null]
          ? "strings"
          : never;

/** A table of the normalized attributes of `T` (minus `Skip`), each with the kind its type needs. */
export type AttributeTable<T, Skip extends keyof T> = {
  readonly [K in Exclude<keyof T, Skip>]: KindOf<T[K]>;
};

function fits(kind: AttributeKind, value: JsonValue): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "scalar":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
    case "strings":
      return Array.isArray(value) && value.every((entry) => typeof entry === "string");
  }
}

/**
 * One pass over a raw object: attributes in `kinds` with the expected type are written to
 * `target` (which starts with every one of them `null`); everything else, including a known
 * attribute of an unexpected type, lands in `attributes`. Keys of kind `skip` are left to the
 * caller.
 */
export function readAttributes(
  raw: JsonObject,
  kinds: ReadonlyMap<string, AttributeKind | "skip">,
  target: Record<string, unknown>,
  attributes: JsonObject,
): void {
  for (const key in raw) {
    const value = raw[key];
    if (value === undefined) continue;
    const kind = kinds.get(key);
    if (kind === "skip" || (value === null && kind !== undefined)) continue;
    if (kind !== undefined && fits(kind, value)) target[key] = value;
    else attributes[key] = value;
  }
}

/** The lookup map of a table, with the keys the caller reads itself marked `skip`. */
export function kindMap(
  table: Record<string, AttributeKind>,
  skip: readonly string[],
): ReadonlyMap<string, AttributeKind | "skip"> {
  const kinds = new Map<string, AttributeKind | "skip">(Object.entries(table));
  for (const key of skip) kinds.set(key, "skip");
  return kinds;
}
