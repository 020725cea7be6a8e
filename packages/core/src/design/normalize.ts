import { UnexpectedResponseError } from "../errors.ts";
import { isJsonObject, type JsonObject, JsonReader } from "./json-reader.ts";
import type { ChildRelationshipDesign, ObjectDesign } from "./model.ts";
import { normalizeField } from "./normalize-field.ts";

function readChildRelationship(entry: JsonObject): ChildRelationshipDesign | null {
  if (typeof entry.childSObject !== "string") return null;
  const r = new JsonReader(entry);
  r.skip("childSObject");
  return {
    childSObject: entry.childSObject,
    field: r.string("field"),
    relationshipName: r.string("relationshipName"),
    cascadeDelete: r.boolean("cascadeDelete"),
    restrictedDelete: r.boolean("restrictedDelete"),
    deprecatedAndHidden: r.boolean("deprecatedAndHidden"),
    junctionIdListNames: r.strings("junctionIdListNames"),
    junctionReferenceTo: r.strings("junctionReferenceTo"),
    attributes: r.extras(),
  };
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
  const r = new JsonReader(describe);
  r.skip("name");
  r.skip("fields");
  const object: Omit<ObjectDesign, "attributes"> = {
    name,
    label: r.string("label"),
    labelPlural: r.string("labelPlural"),
    keyPrefix: r.string("keyPrefix"),
    custom: r.boolean("custom"),
    customSetting: r.boolean("customSetting"),
    queryable: r.boolean("queryable"),
    retrieveable: r.boolean("retrieveable"),
    searchable: r.boolean("searchable"),
    createable: r.boolean("createable"),
    updateable: r.boolean("updateable"),
    deletable: r.boolean("deletable"),
    undeletable: r.boolean("undeletable"),
    mergeable: r.boolean("mergeable"),
    replicateable: r.boolean("replicateable"),
    triggerable: r.boolean("triggerable"),
    layoutable: r.boolean("layoutable"),
    feedEnabled: r.boolean("feedEnabled"),
    activateable: r.boolean("activateable"),
    deprecatedAndHidden: r.boolean("deprecatedAndHidden"),
    fields,
    childRelationships: r.objects("childRelationships", readChildRelationship),
  };
  return { ...object, attributes: r.extras() };
}
