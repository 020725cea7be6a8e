import type { FieldSpec } from "./field-factory.ts";
import type { CatalogEntry } from "./standard/catalog.ts";
import type { StandardObjectDef } from "./standard/kit.ts";

export type PlanKind = "modelled" | "catalog" | "custom" | "derived";
export type DerivedSuffix = "History" | "Share" | "Feed";

/** One object of a generated org, decided up front so describes can be built lazily. */
export interface PlanEntry {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  custom: boolean;
  kind: PlanKind;
  /** Seed of this object's own PRNG: its describe does not depend on generation order. */
  seed: number;
  /** Filler fields added after the object's own fields. */
  extra: number;
  /** Field-name prefix of managed-package objects ("acme__"), else "". */
  namespace: string;
  def?: StandardObjectDef;
  catalog?: CatalogEntry;
  /** Lookups chosen by the plan (custom objects). */
  lookups: FieldSpec[];
  /** Whether the first lookup is master-detail (no OwnerId then). */
  masterDetail: boolean;
  derived?: { parent: string; parentLabel: string; parentCustom: boolean; suffix: DerivedSuffix };
  /** Object-level attributes that differ from a typical data object. */
  flags: Record<string, unknown>;
}

/** A parent's view of one lookup pointing at it. */
export interface ChildRelationship {
  cascadeDelete: boolean;
  childSObject: string;
  deprecatedAndHidden: boolean;
  field: string;
  junctionIdListNames: string[];
  junctionReferenceTo: string[];
  relationshipName: string | null;
  restrictedDelete: boolean;
}
