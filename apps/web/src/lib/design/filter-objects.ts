import type { ObjectSummary } from "../api/types.ts";

export type ObjectKind = "all" | "custom" | "standard";

export type ObjectCounts = { all: number; custom: number; standard: number };

/**
 * Objects whose name or label contains `query` (ignoring case) and that are of `kind`.
 * Order is kept (the edge sorts by name).
 *
 * @example filterObjects(objects, "acc", "standard")
 */
export function filterObjects(
  objects: readonly ObjectSummary[],
  query: string,
  kind: ObjectKind,
): ObjectSummary[] {
  const needle = query.trim().toLowerCase();
  return objects.filter((object) => {
    if (kind === "custom" && object.custom !== true) return false;
    if (kind === "standard" && object.custom === true) return false;
    if (!needle) return true;
    return (
      object.name.toLowerCase().includes(needle) ||
      (object.label ?? "").toLowerCase().includes(needle)
    );
  });
}

/**
 * How many objects there are of each kind.
 *
 * @example countObjects(objects) // { all: 1500, custom: 320, standard: 1180 }
 */
export function countObjects(objects: readonly ObjectSummary[]): ObjectCounts {
  let custom = 0;
  for (const object of objects) if (object.custom === true) custom += 1;
  return { all: objects.length, custom, standard: objects.length - custom };
}
