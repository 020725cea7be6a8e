import { UnexpectedResponseError } from "../errors.ts";
import { type AttributeTable, kindMap, readAttributes } from "./attribute-table.ts";
import type { JsonObject } from "./json.ts";
import { isJsonObject } from "./json.ts";
import type { FieldDesign, PicklistValue } from "./model.ts";

const FIELD_KINDS = kindMap(
  {
    label: "string",
    soapType: "string",
    length: "number",
    byteLength: "number",
    precision: "number",
    scale: "number",
    digits: "number",
    nillable: "boolean",
    unique: "boolean",
    externalId: "boolean",
    idLookup: "boolean",
    nameField: "boolean",
    autoNumber: "boolean",
    calculated: "boolean",
    calculatedFormula: "string",
    custom: "boolean",
    createable: "boolean",
    updateable: "boolean",
    defaultedOnCreate: "boolean",
    defaultValue: "scalar",
    defaultValueFormula: "string",
    filterable: "boolean",
    sortable: "boolean",
    groupable: "boolean",
    aggregatable: "boolean",
    referenceTo: "strings",
    relationshipName: "string",
    relationshipOrder: "number",
    cascadeDelete: "boolean",
    restrictedDelete: "boolean",
    polymorphicForeignKey: "boolean",
    restrictedPicklist: "boolean",
    dependentPicklist: "boolean",
    controllerName: "string",
    htmlFormatted: "boolean",
    inlineHelpText: "string",
    extraTypeInfo: "string",
    compoundFieldName: "string",
    deprecatedAndHidden: "boolean",
    encrypted: "boolean",
    caseSensitive: "boolean",
  } satisfies AttributeTable<FieldDesign, "name" | "type" | "picklistValues" | "attributes">,
  ["name", "type", "picklistValues"],
);

/** A field with every normalized attribute null: one hidden class for all fields. */
function emptyField(name: string, type: string): FieldDesign {
  return {
    name,
    type,
    label: null,
    soapType: null,
    length: null,
    byteLength: null,
    precision: null,
    scale: null,
    digits: null,
    nillable: null,
    unique: null,
    externalId: null,
    idLookup: null,
    nameField: null,
    autoNumber: null,
    calculated: null,
    calculatedFormula: null,
    custom: null,
    createable: null,
    updateable: null,
    defaultedOnCreate: null,
    defaultValue: null,
    defaultValueFormula: null,
    filterable: null,
    sortable: null,
    groupable: null,
    aggregatable: null,
    referenceTo: null,
    relationshipName: null,
    relationshipOrder: null,
    cascadeDelete: null,
    restrictedDelete: null,
    polymorphicForeignKey: null,
    picklistValues: null,
    restrictedPicklist: null,
    dependentPicklist: null,
    controllerName: null,
    htmlFormatted: null,
    inlineHelpText: null,
    extraTypeInfo: null,
    compoundFieldName: null,
    deprecatedAndHidden: null,
    encrypted: null,
    caseSensitive: null,
    attributes: {},
  };
}

const PICKLIST_KEYS = new Set(["value", "label", "active", "defaultValue", "validFor"]);

function stringOrNull(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === "string";
}

function booleanOrNull(value: unknown): value is boolean | null | undefined {
  return value === undefined || value === null || typeof value === "boolean";
}

/** One picklist entry, or null when it has a shape we do not model (the raw array is then kept). */
function readPicklistValue(entry: unknown): PicklistValue | null {
  if (!isJsonObject(entry) || typeof entry.value !== "string") return null;
  for (const key in entry) if (!PICKLIST_KEYS.has(key)) return null;
  const { label, active, defaultValue, validFor } = entry;
  if (
    !stringOrNull(label) ||
    !booleanOrNull(active) ||
    !booleanOrNull(defaultValue) ||
    !stringOrNull(validFor)
  ) {
    return null;
  }
  return {
    value: entry.value,
    label: label ?? null,
    active: active ?? null,
    defaultValue: defaultValue ?? null,
    validFor: validFor ?? null,
  };
}

function readPicklist(field: FieldDesign, raw: JsonObject): void {
  const values = raw.picklistValues;
  if (values === undefined || values === null) return;
  if (!Array.isArray(values)) {
    field.attributes.picklistValues = values;
    return;
  }
  const out: PicklistValue[] = [];
  let complete = true;
  for (const entry of values) {
    const value = readPicklistValue(entry);
    if (value === null) complete = false;
    else out.push(value);
  }
  field.picklistValues = out;
  if (!complete) field.attributes.picklistValues = values;
}

/**
 * Normalizes one raw describe field. `name` and `type` are required (a reader can do nothing
 * without them); every other attribute is optional and `null` when not sent.
 *
 * @example
 * normalizeField({ name: "Id", type: "id", label: "Account ID" }, "Account").length // null
 */
export function normalizeField(raw: JsonObject, objectName: string): FieldDesign {
  const name = raw.name;
  const type = raw.type;
  if (typeof name !== "string" || name.length === 0) {
    throw new UnexpectedResponseError(200, `describe of ${objectName}: a field has no name`);
  }
  if (typeof type !== "string" || type.length === 0) {
    throw new UnexpectedResponseError(200, `describe of ${objectName}: field ${name} has no type`);
  }
  const field = emptyField(name, type);
  readAttributes(raw, FIELD_KINDS, field as unknown as Record<string, unknown>, field.attributes);
  readPicklist(field, raw);
  return field;
}
