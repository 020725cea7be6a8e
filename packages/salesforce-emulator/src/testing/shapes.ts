/** The JSON type of a value: "null", "array", "object", "string", "number" or "boolean". */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** For each key of any of `objects`, the set of JSON types it takes. */
export function typesByKey(objects: Record<string, unknown>[]): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      const set = types.get(key) ?? new Set<string>();
      set.add(jsonType(value));
      types.set(key, set);
    }
  }
  return types;
}

/**
 * Keys of `object` whose JSON type was never seen for that key in `reference` (a missing key counts
 * as a mismatch); empty when the shapes agree.
 */
export function shapeMismatches(
  object: Record<string, unknown>,
  reference: Map<string, Set<string>>,
): string[] {
  const problems: string[] = [];
  for (const [key, types] of reference) {
    if (!(key in object)) problems.push(`${key}: missing`);
    else if (!types.has(jsonType(object[key])))
      problems.push(`${key}: ${jsonType(object[key])} not in ${[...types].join("|")}`);
  }
  return problems;
}
