import type { ChildRelationship, PlanEntry } from "./plan-types.ts";
import { PlanBuilder, MODELLED, MODELLED_ORDER } from "./plan-builder.ts";
import { baseFieldSpecs } from "./object-fields.ts";
import { Random } from "./random.ts";

/** Average fields per object the generator aims at (3,000 objects ~ 200,000 fields). */
export const TARGET_FIELDS_PER_OBJECT = 66.7;

/** The whole generated org: entries in describeGlobal order plus who points at whom. */
export interface OrgPlan {
  entries: PlanEntry[];
  children: Map<string, ChildRelationship[]>;
  fieldCounts: Map<string, number>;
}

/** Sizes custom objects so the whole org averages TARGET_FIELDS_PER_OBJECT fields. */
function sizeCustoms(builder: PlanBuilder, rng: Random): void {
  const others = builder.entries.filter((e) => e.kind !== "custom");
  const otherFields = others.reduce((sum, e) => sum + baseFieldSpecs(e).length + e.extra, 0);
  const customs = builder.customs;
  if (customs.length === 0) return;
  const budget = Math.round(builder.entries.length * TARGET_FIELDS_PER_OBJECT) - otherFields;
  const mean = Math.max(30, budget / customs.length);
  for (const entry of customs) {
    const target = Math.round(mean * (0.35 + 1.3 * rng.next()));
    entry.extra = Math.max(2, target - baseFieldSpecs(entry).length);
  }
}

/**
 * Decides a generated org: which objects, in which order, how many fields, who looks up whom.
 * Deterministic from `seed`; builds no describe.
 */
export function planOrg(objects: number, seed: number): OrgPlan {
  const rng = new Random(seed);
  const builder = new PlanBuilder(rng, seed);
  for (const name of MODELLED_ORDER.slice(0, objects)) {
    const def = MODELLED.get(name);
    if (def) builder.addModelled(def);
  }
  while (builder.entries.length < objects) {
    const kind = rng.weighted([
      ["custom", 70],
      ["catalog", 12],
      ["derived", 18],
    ] as const);
    const added =
      kind === "catalog" ? builder.addCatalog() : kind === "derived" ? builder.addDerived() : false;
    if (!added) builder.addCustom();
  }
  sizeCustoms(builder, rng);
  return indexPlan(builder.entries);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function indexPlan(entries: PlanEntry[]): OrgPlan {
  const present = new Set(entries.map((e) => e.name));
  const children = new Map<string, ChildRelationship[]>();
  const fieldCounts = new Map<string, number>();
  for (const entry of entries) {
    // Fillers never hold lookups and come exactly `extra` at a time, so the base fields suffice here.
    const specs = baseFieldSpecs(entry);
    fieldCounts.set(entry.name, specs.length + entry.extra);
    for (const spec of specs) {
      if (spec.type !== "reference") continue;
      for (const target of (spec.referenceTo as string[] | undefined) ?? []) {
        if (!present.has(target)) continue;
        const list = children.get(target) ?? [];
        children.set(target, list);
        list.push({
          cascadeDelete: spec.cascadeDelete === true,
          childSObject: entry.name,
          deprecatedAndHidden: false,
          field: spec.name,
          junctionIdListNames: [],
          junctionReferenceTo: [],
          relationshipName: spec.childName ?? null,
          restrictedDelete: spec.restrictedDelete === true,
        });
      }
    }
  }
  for (const list of children.values()) {
    list.sort((a, b) => compare(a.childSObject, b.childSObject) || compare(a.field, b.field));
  }
  return { entries, children, fieldCounts };
}
