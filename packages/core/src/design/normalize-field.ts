import { UnexpectedResponseError } from "../errors.ts";
import { isJsonObject, type JsonObject } from "./json.ts";
import type { FieldDesign, PicklistValue } from "./model.ts";
import { bool, copyUnknown, knownKeys, num, scalar, str, strings } from "./read-json.ts";

const FIELD_KEYS = knownKeys<FieldDesign>()([
  "name",
  "type",
  "label",
  "soapType",
  "length",
  "byteLength",
  "precision",
  "scale",
  "digits",
  "nillable",
  "unique",
  "externalId",
  "idLookup",
  "nameField",
  "autoNumber",
  "calculated",
  "calculatedFormula",
  "custom",
  "createable",
  "updateable",
  "defaultedOnCreate",
  "defaultValue",
  "defaultValueFormula",
  "filterable",
  "sortable",
  "groupable",
  "aggregatable",
  "referenceTo",
  "relationshipName",
  "relationshipOrder",
  "cascadeDelete",
  "restrictedDelete",
  "polymorphicForeignKey",
  "picklistValues",
  "restrictedPicklist",
  "dependentPicklist",
  "controllerName",
  "htmlFormatted",
  "inlineHelpText",
  "extraTypeInfo",
  "compoundFieldName",
  "deprecatedAndHidden",
  "encrypted",
  "caseSensitive",
]);

const PICKLIST_KEYS = new Set(["value", "label", "active", "defaultValue", "validFor"]);

/** One picklist entry, or null when it has a shape we do not model (the raw array is then kept). */
function readPicklistValue(entry: unknown): PicklistValue | null {
  if (!isJsonObject(entry) || typeof entry.value !== "string") return null;
  for (const key in entry) if (!PICKLIST_KEYS.has(key)) return null;
  const misfits: JsonObject = {};
  const value: PicklistValue = {
    value: entry.value,
    label: str(entry.label, "label", misfits),
    active: bool(entry.active, "active", misfits),
    defaultValue: bool(entry.defaultValue, "defaultValue", misfits),
    validFor: str(entry.validFor, "validFor", misfits),
  };
  for (const _ in misfits) return null;
  return value;
}

function readPicklist(
  values: JsonObject[string] | undefined,
  attributes: JsonObject,
): PicklistValue[] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values)) {
    attributes.picklistValues = values;
    return null;
  }
  const out: PicklistValue[] = [];
  for (const entry of values) {
    const value = readPicklistValue(entry);
    if (value === null) attributes.picklistValues = values;
    else out.push(value);
  }
  return out;
}

/**
 * Normalizes one raw describe field. `name` and `type` are required (a reader can do nothing
 * without them); every other attribute is optional and `null` when not sent.
 *
 * @example
 * normalizeField({ name: "Id", type: "id", label: "Account ID" }, "Account").length // null
 */
export function normalizeField(r: JsonObject, objectName: string): FieldDesign {
  const name = r.name;
  const type = r.type;
  if (typeof name !== "string" || name.length === 0) {
    throw new UnexpectedResponseError(200, `describe of ${objectName}: a field has no name`);
  }
  if (typeof type !== "string" || type.length === 0) {
    throw new UnexpectedResponseError(200, `describe of ${objectName}: field ${name} has no type`);
  }
  const a: JsonObject = {};
  copyUnknown(r, FIELD_KEYS, a);
  // One literal, read with named property loads: the hot path of a 100,000-field read.
  return {
    name,
    type,
    label: str(r.label, "label", a),
    soapType: str(r.soapType, "soapType", a),
    length: num(r.length, "length", a),
    byteLength: num(r.byteLength, "byteLength", a),
    precision: num(r.precision, "precision", a),
    scale: num(r.scale, "scale", a),
    digits: num(r.digits, "digits", a),
    nillable: bool(r.nillable, "nillable", a),
    unique: bool(r.unique, "unique", a),
    externalId: bool(r.externalId, "externalId", a),
    idLookup: bool(r.idLookup, "idLookup", a),
    nameField: bool(r.nameField, "nameField", a),
    autoNumber: bool(r.autoNumber, "autoNumber", a),
    calculated: bool(r.calculated, "calculated", a),
    calculatedFormula: str(r.calculatedFormula, "calculatedFormula", a),
    custom: bool(r.custom, "custom", a),
    createable: bool(r.createable, "createable", a),
    updateable: bool(r.updateable, "updateable", a),
    defaultedOnCreate: bool(r.defaultedOnCreate, "defaultedOnCreate", a),
    defaultValue: scalar(r.defaultValue, "defaultValue", a),
    defaultValueFormula: str(r.defaultValueFormula, "defaultValueFormula", a),
    filterable: bool(r.filterable, "filterable", a),
    sortable: bool(r.sortable, "sortable", a),
    groupable: bool(r.groupable, "groupable", a),
    aggregatable: bool(r.aggregatable, "aggregatable", a),
    referenceTo: strings(r.referenceTo, "referenceTo", a),
    relationshipName: str(r.relationshipName, "relationshipName", a),
    relationshipOrder: num(r.relationshipOrder, "relationshipOrder", a),
    cascadeDelete: bool(r.cascadeDelete, "cascadeDelete", a),
    restrictedDelete: bool(r.restrictedDelete, "restrictedDelete", a),
    polymorphicForeignKey: bool(r.polymorphicForeignKey, "polymorphicForeignKey", a),
    picklistValues: readPicklist(r.picklistValues, a),
    restrictedPicklist: bool(r.restrictedPicklist, "restrictedPicklist", a),
    dependentPicklist: bool(r.dependentPicklist, "dependentPicklist", a),
    controllerName: str(r.controllerName, "controllerName", a),
    htmlFormatted: bool(r.htmlFormatted, "htmlFormatted", a),
    inlineHelpText: str(r.inlineHelpText, "inlineHelpText", a),
    extraTypeInfo: str(r.extraTypeInfo, "extraTypeInfo", a),
    compoundFieldName: str(r.compoundFieldName, "compoundFieldName", a),
    deprecatedAndHidden: bool(r.deprecatedAndHidden, "deprecatedAndHidden", a),
    encrypted: bool(r.encrypted, "encrypted", a),
    caseSensitive: bool(r.caseSensitive, "caseSensitive", a),
    attributes: a,
  };
}
