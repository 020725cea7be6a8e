import { jsonEqual } from "./json-equal.ts";
import type {
  DesignChanges,
  DesignSnapshot,
  FieldChange,
  FieldDesign,
  ObjectChange,
  ObjectDesign,
} from "./model.ts";

type WithAttributes = { attributes: Record<string, unknown> };

function collectChanged(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
  skip: ReadonlySet<string>,
  out: Set<string>,
): void {
  for (const key in left) {
    if (!skip.has(key) && !jsonEqual(left[key], right[key])) out.add(key);
  }
  for (const key in right) {
    if (!skip.has(key) && !(key in left)) out.add(key);
  }
}

/**
 * Names of the attributes that differ between two records that share the design shape: the
 * normalized keys (minus `skip`) and the keys of `attributes`, compared as JSON.
 */
function changedAttributes<T extends WithAttributes>(
  before: T,
  after: T,
  skip: ReadonlySet<string>,
): string[] {
  if (before === after) return [];
  const out = new Set<string>();
  collectChanged(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
    skip,
    out,
  );
  collectChanged(before.attributes, after.attributes, NOTHING, out);
  return [...out].sort();
}

const NOTHING: ReadonlySet<string> = new Set();
const FIELD_SKIP = new Set(["name", "attributes"]);
const OBJECT_SKIP = new Set(["name", "fields", "attributes"]);

function byName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.name, item]));
}

/**
 * What changed in one object between two reads, or `null` when nothing did. Child relationships
 * count as one attribute (`childRelationships`).
 *
 * @example
 * diffObject(previousAccount, account)?.fields.added // ["Region__c"]
 */
export function diffObject(before: ObjectDesign, after: ObjectDesign): ObjectChange | null {
  if (before === after) return null;
  const attributesChanged = changedAttributes(before, after, OBJECT_SKIP);
  const oldFields = byName<FieldDesign>(before.fields);
  const newFields = byName<FieldDesign>(after.fields);
  const added = [...newFields.keys()].filter((name) => !oldFields.has(name)).sort();
  const removed = [...oldFields.keys()].filter((name) => !newFields.has(name)).sort();
  const changed: FieldChange[] = [];
  for (const [name, field] of newFields) {
    const old = oldFields.get(name);
    if (!old) continue;
    const attributes = changedAttributes(old, field, FIELD_SKIP);
    if (attributes.length > 0) changed.push({ name, attributes });
  }
  changed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (attributesChanged.length + added.length + removed.length + changed.length === 0) return null;
  return { name: after.name, attributesChanged, fields: { added, removed, changed } };
}

/**
 * The changes between two reads in the edge API's `Changes` shape; with no previous read,
 * every object is added.
 *
 * @example
 * diffDesigns({ readAt: "2026-01-01T00:00:00Z", objects: before }, { readAt: "2026-01-02T00:00:00Z", objects: after })
 */
export function diffDesigns(
  previous: { readAt: string | null; objects: readonly ObjectDesign[] } | null,
  next: DesignSnapshot,
): DesignChanges {
  const before = byName<ObjectDesign>(previous?.objects ?? []);
  const after = byName<ObjectDesign>(next.objects);
  const added = [...after.keys()].filter((name) => !before.has(name)).sort();
  const removed = [...before.keys()].filter((name) => !after.has(name)).sort();
  const changed: ObjectChange[] = [];
  for (const name of [...after.keys()].sort()) {
    const old = before.get(name);
    const current = after.get(name);
    if (!old || !current) continue;
    const change = diffObject(old, current);
    if (change) changed.push(change);
  }
  return { from: previous?.readAt ?? null, to: next.readAt, objects: { added, removed, changed } };
}
