import type { JsonObject } from "./json.ts";
import type { JsonValue } from "./model.ts";

/*
 * Typed reads of one raw attribute. Absent and `null` read as `null` (the null rule); a value of
 * an unexpected type also reads as `null` and is kept, as sent, in `misfits` (a record's
 * `attributes`), so nothing the org sent is lost. Callers pass `raw.key` (a fast named load).
 */

function misfit(misfits: JsonObject, key: string, value: JsonValue): null {
  misfits[key] = value;
  return null;
}

/** A string attribute. */
export function str(value: JsonValue | undefined, key: string, misfits: JsonObject): string | null {
  if (typeof value === "string") return value;
  return value === undefined || value === null ? null : misfit(misfits, key, value);
}

/** A boolean attribute. */
export function bool(
  value: JsonValue | undefined,
  key: string,
  misfits: JsonObject,
): boolean | null {
  if (typeof value === "boolean") return value;
  return value === undefined || value === null ? null : misfit(misfits, key, value);
}

/** A finite number attribute. */
export function num(value: JsonValue | undefined, key: string, misfits: JsonObject): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return value === undefined || value === null ? null : misfit(misfits, key, value);
}

/** A string, number or boolean attribute (e.g. `defaultValue`). */
export function scalar(
  value: JsonValue | undefined,
  key: string,
  misfits: JsonObject,
): string | number | boolean | null {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return value === undefined || value === null ? null : misfit(misfits, key, value);
}

/** An array of strings. */
export function strings(
  value: JsonValue | undefined,
  key: string,
  misfits: JsonObject,
): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) return misfit(misfits, key, value);
  for (const entry of value) if (typeof entry !== "string") return misfit(misfits, key, value);
  return value as string[];
}

/** Copies every attribute of `raw` whose key is not in `known` into `into`. */
export function copyUnknown(raw: JsonObject, known: ReadonlySet<string>, into: JsonObject): void {
  for (const key in raw) {
    const value = raw[key];
    if (value !== undefined && !known.has(key)) into[key] = value;
  }
}

/**
 * The keys a normalizer reads, checked against its record type: listing one too few or too many
 * is a compile error, so the "unknown attributes" set can never drift from the literal.
 */
export function knownKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & (Exclude<keyof T, K[number] | "attributes"> extends never ? unknown : never),
  ): ReadonlySet<string> => new Set(keys);
}
