import type { JsonValue } from "./model.ts";

/** A plain JSON object (what `JSON.parse` gives for `{...}`). */
export type JsonObject = { [key: string]: JsonValue };

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
