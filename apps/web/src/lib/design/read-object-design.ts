import type { ChildRelationship, Field, ObjectDesign, PicklistValue } from "../api/types.ts";

type Raw = Record<string, unknown>;

// Salesforce's describe attributes arrive as they were read; each is checked when taken, and one
// that is missing or of another type is `null` (never invented).

function text(raw: Raw, key: string): string | null {
  const value = raw[key];
  return typeof value === "string" ? value : null;
}

function count(raw: Raw, key: string): number | null {
  const value = raw[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function flag(raw: Raw, key: string): boolean | null {
  const value = raw[key];
  return typeof value === "boolean" ? value : null;
}

function records(value: unknown): Raw[] {
  return Array.isArray(value)
    ? value.filter((item): item is Raw => typeof item === "object" && item !== null)
    : [];
}

function picklistValues(raw: Raw): PicklistValue[] | null {
  if (!Array.isArray(raw.picklistValues)) return null;
  return records(raw.picklistValues)
    .filter((entry) => typeof entry.value === "string")
    .map((entry) => ({
      value: entry.value as string,
      label: text(entry, "label"),
      active: flag(entry, "active"),
      defaultValue: flag(entry, "defaultValue"),
    }));
}

/**
 * One field from a describe, with the attributes the browser shows.
 *
 * @example readField({ name: "Name", type: "string", length: 255 }).length // 255
 */
export function readField(raw: Raw): Field {
  const referenceTo = Array.isArray(raw.referenceTo)
    ? raw.referenceTo.filter((target): target is string => typeof target === "string")
    : null;
  return {
    name: text(raw, "name") ?? "",
    label: text(raw, "label"),
    type: text(raw, "type"),
    length: count(raw, "length"),
    precision: count(raw, "precision"),
    scale: count(raw, "scale"),
    digits: count(raw, "digits"),
    nillable: flag(raw, "nillable"),
    unique: flag(raw, "unique"),
    externalId: flag(raw, "externalId"),
    calculated: flag(raw, "calculated"),
    custom: flag(raw, "custom"),
    createable: flag(raw, "createable"),
    updateable: flag(raw, "updateable"),
    defaultValue: raw.defaultValue ?? null,
    referenceTo,
    relationshipName: text(raw, "relationshipName"),
    picklistValues: picklistValues(raw),
  };
}

/**
 * One object's design from the edge's answer, fields and child relationships included.
 *
 * @example readObjectDesign(await unwrap(rpc...)).fields.length
 */
export function readObjectDesign(raw: Raw): ObjectDesign {
  const fields = records(raw.fields)
    .map(readField)
    .filter((field) => field.name !== "");
  const childRelationships: ChildRelationship[] = records(raw.childRelationships).map((child) => ({
    childSObject: text(child, "childSObject"),
    field: text(child, "field"),
    relationshipName: text(child, "relationshipName"),
  }));
  return {
    name: text(raw, "name") ?? "",
    label: text(raw, "label"),
    labelPlural: text(raw, "labelPlural"),
    keyPrefix: text(raw, "keyPrefix"),
    custom: flag(raw, "custom"),
    queryable: flag(raw, "queryable"),
    createable: flag(raw, "createable"),
    updateable: flag(raw, "updateable"),
    fieldCount: fields.length,
    fields,
    childRelationships,
  };
}
