import type { JsonValue } from "./model.ts";

/** A plain JSON object (what `JSON.parse` gives for `{...}`). */
export type JsonObject = { [key: string]: JsonValue };

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checked, typed reads of one raw JSON object. Every key it reads is marked handled; a handled key
 * whose value has an unexpected type reads as `null` and keeps its raw value in `extras()`, so
 * nothing the org sent is lost. Absent and `null` both read as `null` (the null rule).
 */
export class JsonReader {
  private readonly handled = new Set<string>();
  private readonly misfits: JsonObject = {};

  constructor(private readonly raw: JsonObject) {}

  private take(key: string): JsonValue | undefined {
    this.handled.add(key);
    return this.raw[key];
  }

  private misfit(key: string, value: JsonValue): null {
    this.misfits[key] = value;
    return null;
  }

  /** A string attribute. */
  string(key: string): string | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    return typeof value === "string" ? value : this.misfit(key, value);
  }

  /** A boolean attribute. */
  boolean(key: string): boolean | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    return typeof value === "boolean" ? value : this.misfit(key, value);
  }

  /** A finite number attribute. */
  number(key: string): number | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    return typeof value === "number" && Number.isFinite(value) ? value : this.misfit(key, value);
  }

  /** A string, number or boolean attribute (e.g. `defaultValue`). */
  scalar(key: string): string | number | boolean | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? value
      : this.misfit(key, value);
  }

  /** An array of strings; any non-string entry makes it a misfit. */
  strings(key: string): string[] | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return this.misfit(key, value);
    const out: string[] = [];
    for (const entry of value) {
      if (typeof entry !== "string") return this.misfit(key, value);
      out.push(entry);
    }
    return out;
  }

  /**
   * An array of objects mapped by `read`; entries `read` rejects (returns `null` for) are left
   * out, and then the whole raw array is kept in `extras()`.
   */
  objects<T>(key: string, read: (entry: JsonObject) => T | null): T[] | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) return this.misfit(key, value);
    const out: T[] = [];
    let complete = true;
    for (const entry of value) {
      const mapped = isJsonObject(entry) ? read(entry) : null;
      if (mapped === null) complete = false;
      else out.push(mapped);
    }
    if (!complete) this.misfits[key] = value;
    return out;
  }

  /** Marks a key handled without reading it (the caller reads it otherwise). */
  skip(key: string): void {
    this.handled.add(key);
  }

  /** Everything not handled, plus handled keys whose values were misfits. */
  extras(): JsonObject {
    const out: JsonObject = {};
    for (const key of Object.keys(this.raw)) {
      const value = this.raw[key];
      if (!this.handled.has(key) && value !== undefined) out[key] = value;
    }
    return Object.assign(out, this.misfits);
  }
}
