import { UnexpectedResponseError } from "../errors.ts";
import { type AttributeTable, kindMap, readAttributes } from "./attribute-table.ts";
import { isJsonObject, type JsonObject } from "./json.ts";
import type { ChildRelationshipDesign, ObjectDesign } from "./model.ts";
import { normalizeField } from "./normalize-field.ts";

const OBJECT_KINDS = kindMap(
  {
    label: "string",
    labelPlural: "string",
    keyPrefix: "string",
    custom: "boolean",
    customSetting: "boolean",
    queryable: "boolean",
    retrieveable: "boolean",
    searchable: "boolean",
    createable: "boolean",
    updateable: "boolean",
    deletable: "boolean",
    undeletable: "boolean",
    mergeable: "boolean",
    replicateable: "boolean",
    triggerable: "boolean",
    layoutable: "boolean",
    feedEnabled: "boolean",
    activateable: "boolean",
    deprecatedAndHidden: "boolean",
  } satisfies AttributeTable<ObjectDesign, "name" | "fields" | "childRelationships" | "attributes">,
  ["name", "fields", "childRelationships"],
);

const RELATIONSHIP_KINDS = kindMap(
  {
    field: "string",
    relationshipName: "string",
    cascadeDelete: "boolean",
    restrictedDelete: "boolean",
    deprecatedAndHidden: "boolean",
    junctionIdListNames: "strings",
    junctionReferenceTo: "strings",
  } satisfies AttributeTable<ChildRelationshipDesign, "childSObject" | "attributes">,
  ["childSObject"],
);

function readChildRelationship(entry: unknown): ChildRelationshipDesign | null {
  if (!isJsonObject(entry) || typeof entry.childSObject !== "string") return null;
  const relationship: ChildRelationshipDesign = {
    childSObject: entry.childSObject,
    field: null,
    relationshipName: null,
    cascadeDelete: null,
    restrictedDelete: null,
    deprecatedAndHidden: null,
    junctionIdListNames: null,
    junctionReferenceTo: null,
    attributes: {},
  };
  readAttributes(
    entry,
    RELATIONSHIP_KINDS,
    relationship as unknown as Record<string, unknown>,
    relationship.attributes,
  );
  return relationship;
}

function readChildRelationships(object: ObjectDesign, raw: JsonObject): void {
  const value = raw.childRelationships;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    object.attributes.childRelationships = value;
    return;
  }
  const out: ChildRelationshipDesign[] = [];
  for (const entry of value) {
    const relationship = readChildRelationship(entry);
    if (relationship === null) object.attributes.childRelationships = value;
    else out.push(relationship);
  }
  object.childRelationships = out;
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
  const describe =
    isJsonObject(raw) && isJsonObject(raw.result) && !("name" in raw) ? raw.result : raw;
  if (!isJsonObject(describe) || typeof describe.name !== "string" || describe.name.length === 0) {
    throw new UnexpectedResponseError(200, "not an sObject describe: no name");
  }
  const name = describe.name;
  if (!Array.isArray(describe.fields)) {
    throw new UnexpectedResponseError(200, `describe of ${name}: no fields array`);
  }
  const fields = describe.fields.map((field, index) => {
    if (!isJsonObject(field)) {
      throw new UnexpectedResponseError(
        200,
        `describe of ${name}: field #${index} is not an object`,
      );
    }
    return normalizeField(field, name);
  });
  const object: ObjectDesign = {
    name,
    label: null,
    labelPlural: null,
    keyPrefix: null,
    custom: null,
    customSetting: null,
    queryable: null,
    retrieveable: null,
    searchable: null,
    createable: null,
    updateable: null,
    deletable: null,
    undeletable: null,
    mergeable: null,
    replicateable: null,
    triggerable: null,
    layoutable: null,
    feedEnabled: null,
    activateable: null,
    deprecatedAndHidden: null,
    fields,
    childRelationships: null,
    attributes: {},
  };
  readAttributes(
    describe,
    OBJECT_KINDS,
    object as unknown as Record<string, unknown>,
    object.attributes,
  );
  readChildRelationships(object, describe);
  return object;
}
