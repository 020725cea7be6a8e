import { UnexpectedResponseError } from "../errors.ts";
import { isJsonObject, type JsonObject } from "./json.ts";
import type { ChildRelationshipDesign, ObjectDesign } from "./model.ts";
import { normalizeField } from "./normalize-field.ts";
import { bool, copyUnknown, knownKeys, str, strings } from "./read-json.ts";

const OBJECT_KEYS = knownKeys<ObjectDesign>()([
  "name",
  "label",
  "labelPlural",
  "keyPrefix",
  "custom",
  "customSetting",
  "queryable",
  "retrieveable",
  "searchable",
  "createable",
  "updateable",
  "deletable",
  "undeletable",
  "mergeable",
  "replicateable",
  "triggerable",
  "layoutable",
  "feedEnabled",
  "activateable",
  "deprecatedAndHidden",
  "fields",
  "childRelationships",
]);

const RELATIONSHIP_KEYS = knownKeys<ChildRelationshipDesign>()([
  "childSObject",
  "field",
  "relationshipName",
  "cascadeDelete",
  "restrictedDelete",
  "deprecatedAndHidden",
  "junctionIdListNames",
  "junctionReferenceTo",
]);

function readChildRelationship(entry: unknown): ChildRelationshipDesign | null {
  if (!isJsonObject(entry) || typeof entry.childSObject !== "string") return null;
  const a: JsonObject = {};
  copyUnknown(entry, RELATIONSHIP_KEYS, a);
  return {
    childSObject: entry.childSObject,
    field: str(entry.field, "field", a),
    relationshipName: str(entry.relationshipName, "relationshipName", a),
    cascadeDelete: bool(entry.cascadeDelete, "cascadeDelete", a),
    restrictedDelete: bool(entry.restrictedDelete, "restrictedDelete", a),
    deprecatedAndHidden: bool(entry.deprecatedAndHidden, "deprecatedAndHidden", a),
    junctionIdListNames: strings(entry.junctionIdListNames, "junctionIdListNames", a),
    junctionReferenceTo: strings(entry.junctionReferenceTo, "junctionReferenceTo", a),
    attributes: a,
  };
}

function readChildRelationships(
  value: JsonObject[string] | undefined,
  attributes: JsonObject,
): ChildRelationshipDesign[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    attributes.childRelationships = value;
    return null;
  }
  const out: ChildRelationshipDesign[] = [];
  for (const entry of value) {
    const relationship = readChildRelationship(entry);
    if (relationship === null) attributes.childRelationships = value;
    else out.push(relationship);
  }
  return out;
}

/**
 * Normalizes a raw sObject describe (a FULL REST describe, or a REDUCED one such as the VS Code
 * SOQL Builder writes) into an {@link ObjectDesign}. Accepts the `sf sobject describe --json`
 * wrapper (`{result: {...}}`) too. Throws `UnexpectedResponseError` when it is not a describe:
 * no `name`, no `fields` array, or a field without `name`/`type`.
 *
 * @example
 * const account = normalizeDescribe(await response.json());
 * account.fields.find((field) => field.name === "Name")?.length; // 255, or null if not sent
 */
export function normalizeDescribe(raw: unknown): ObjectDesign {
  const d = isJsonObject(raw) && isJsonObject(raw.result) && !("name" in raw) ? raw.result : raw;
  if (!isJsonObject(d) || typeof d.name !== "string" || d.name.length === 0) {
    throw new UnexpectedResponseError(200, "not an sObject describe: no name");
  }
  const name = d.name;
  if (!Array.isArray(d.fields)) {
    throw new UnexpectedResponseError(200, `describe of ${name}: no fields array`);
  }
  const fields = d.fields.map((field, index) => {
    if (!isJsonObject(field)) {
      throw new UnexpectedResponseError(
        200,
        `describe of ${name}: field #${index} is not an object`,
      );
    }
    return normalizeField(field, name);
  });
  const a: JsonObject = {};
  copyUnknown(d, OBJECT_KEYS, a);
  return {
    name,
    label: str(d.label, "label", a),
    labelPlural: str(d.labelPlural, "labelPlural", a),
    keyPrefix: str(d.keyPrefix, "keyPrefix", a),
    custom: bool(d.custom, "custom", a),
    customSetting: bool(d.customSetting, "customSetting", a),
    queryable: bool(d.queryable, "queryable", a),
    retrieveable: bool(d.retrieveable, "retrieveable", a),
    searchable: bool(d.searchable, "searchable", a),
    createable: bool(d.createable, "createable", a),
    updateable: bool(d.updateable, "updateable", a),
    deletable: bool(d.deletable, "deletable", a),
    undeletable: bool(d.undeletable, "undeletable", a),
    mergeable: bool(d.mergeable, "mergeable", a),
    replicateable: bool(d.replicateable, "replicateable", a),
    triggerable: bool(d.triggerable, "triggerable", a),
    layoutable: bool(d.layoutable, "layoutable", a),
    feedEnabled: bool(d.feedEnabled, "feedEnabled", a),
    activateable: bool(d.activateable, "activateable", a),
    deprecatedAndHidden: bool(d.deprecatedAndHidden, "deprecatedAndHidden", a),
    fields,
    childRelationships: readChildRelationships(d.childRelationships, a),
    attributes: a,
  };
}
