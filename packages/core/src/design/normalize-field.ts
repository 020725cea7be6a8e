import { UnexpectedResponseError } from "../errors.ts";
import { type JsonObject, JsonReader } from "./json-reader.ts";
import type { FieldDesign, PicklistValue } from "./model.ts";

const PICKLIST_KEYS = new Set(["value", "label", "active", "defaultValue", "validFor"]);

function readPicklistValue(entry: JsonObject): PicklistValue | null {
  if (typeof entry.value !== "string") return null;
  // An entry with keys we do not model is "rejected" so the raw array is kept whole.
  if (Object.keys(entry).some((key) => !PICKLIST_KEYS.has(key))) return null;
  const reader = new JsonReader(entry);
  reader.skip("value");
  const label = reader.string("label");
  const active = reader.boolean("active");
  const defaultValue = reader.boolean("defaultValue");
  const validFor = reader.string("validFor");
  if (Object.keys(reader.extras()).length > 0) return null;
  return { value: entry.value, label, active, defaultValue, validFor };
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
  const r = new JsonReader(raw);
  r.skip("name");
  r.skip("type");
  const field: Omit<FieldDesign, "attributes"> = {
    name,
    type,
    label: r.string("label"),
    soapType: r.string("soapType"),
    length: r.number("length"),
    byteLength: r.number("byteLength"),
    precision: r.number("precision"),
    scale: r.number("scale"),
    digits: r.number("digits"),
    nillable: r.boolean("nillable"),
    unique: r.boolean("unique"),
    externalId: r.boolean("externalId"),
    idLookup: r.boolean("idLookup"),
    nameField: r.boolean("nameField"),
    autoNumber: r.boolean("autoNumber"),
    calculated: r.boolean("calculated"),
    calculatedFormula: r.string("calculatedFormula"),
    custom: r.boolean("custom"),
    createable: r.boolean("createable"),
    updateable: r.boolean("updateable"),
    defaultedOnCreate: r.boolean("defaultedOnCreate"),
    defaultValue: r.scalar("defaultValue"),
    defaultValueFormula: r.string("defaultValueFormula"),
    filterable: r.boolean("filterable"),
    sortable: r.boolean("sortable"),
    groupable: r.boolean("groupable"),
    aggregatable: r.boolean("aggregatable"),
    referenceTo: r.strings("referenceTo"),
    relationshipName: r.string("relationshipName"),
    relationshipOrder: r.number("relationshipOrder"),
    cascadeDelete: r.boolean("cascadeDelete"),
    restrictedDelete: r.boolean("restrictedDelete"),
    polymorphicForeignKey: r.boolean("polymorphicForeignKey"),
    picklistValues: r.objects("picklistValues", readPicklistValue),
    restrictedPicklist: r.boolean("restrictedPicklist"),
    dependentPicklist: r.boolean("dependentPicklist"),
    controllerName: r.string("controllerName"),
    htmlFormatted: r.boolean("htmlFormatted"),
    inlineHelpText: r.string("inlineHelpText"),
    extraTypeInfo: r.string("extraTypeInfo"),
    compoundFieldName: r.string("compoundFieldName"),
    deprecatedAndHidden: r.boolean("deprecatedAndHidden"),
    encrypted: r.boolean("encrypted"),
    caseSensitive: r.boolean("caseSensitive"),
  };
  return { ...field, attributes: r.extras() };
}
