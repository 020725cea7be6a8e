import { describe, expect, it } from "vitest";
import { diffDesigns, diffObject } from "./diff.ts";
import type { ObjectDesign } from "./model.ts";
import { normalizeDescribe } from "./normalize.ts";

function object(
  name: string,
  extra: Record<string, unknown> = {},
  fields: Record<string, unknown>[] = [],
) {
  return normalizeDescribe({
    name,
    label: name,
    fields: [{ name: "Id", type: "id", label: "ID" }, ...fields],
    ...extra,
  });
}

describe("diffObject", () => {
  it("Should give null for identical objects, whatever the key order", () => {
    const a = object("Account", { urls: { a: 1, b: 2 } });
    const b = object("Account", { urls: { b: 2, a: 1 } });
    expect(diffObject(a, b)).toBeNull();
  });

  it("Should list changed object attributes, normalized and raw", () => {
    const before = object("Account", { createable: true, urls: { a: 1 } });
    const after = object("Account", { createable: false, urls: { a: 2 }, newThing: 1 });
    expect(diffObject(before, after)?.attributesChanged).toEqual([
      "createable",
      "newThing",
      "urls",
    ]);
  });

  it("Should list fields added, removed and changed with their attributes", () => {
    const before = object("Account", {}, [
      { name: "Old__c", type: "string" },
      { name: "Amount__c", type: "currency", precision: 18, scale: 2, shiny: 1 },
    ]);
    const after = object("Account", {}, [
      { name: "Amount__c", type: "currency", precision: 16, scale: 2, shiny: 2 },
      { name: "New__c", type: "string" },
    ]);
    expect(diffObject(before, after)).toEqual({
      name: "Account",
      attributesChanged: [],
      fields: {
        added: ["New__c"],
        removed: ["Old__c"],
        changed: [{ name: "Amount__c", attributes: ["precision", "shiny"] }],
      },
    });
  });

  it("Should report changed child relationships as one attribute", () => {
    const rel = { childSObject: "Contact", field: "AccountId", relationshipName: "Contacts" };
    const before = object("Account", { childRelationships: [rel] });
    const after = object("Account", {
      childRelationships: [{ ...rel, relationshipName: "People" }],
    });
    expect(diffObject(before, after)?.attributesChanged).toEqual(["childRelationships"]);
  });

  it("Should see an attribute that became null", () => {
    const before = object("Account", {}, [{ name: "X", type: "string", label: "X" }]);
    const after = object("Account", {}, [{ name: "X", type: "string" }]);
    expect(diffObject(before, after)?.fields.changed).toEqual([
      { name: "X", attributes: ["label"] },
    ]);
  });
});

describe("diffDesigns", () => {
  const account = object("Account");
  const contact = object("Contact");
  const lead = object("Lead");

  it("Should mark everything added on the first read", () => {
    expect(diffDesigns(null, { readAt: "t1", objects: [contact, account] })).toEqual({
      from: null,
      to: "t1",
      objects: { added: ["Account", "Contact"], removed: [], changed: [] },
    });
  });

  it("Should give objects added, removed and changed in the contract's shape", () => {
    const changedContact: ObjectDesign = { ...contact, label: "Person" };
    const changes = diffDesigns(
      { readAt: "t1", objects: [account, contact] },
      { readAt: "t2", objects: [changedContact, lead] },
    );
    expect(changes).toEqual({
      from: "t1",
      to: "t2",
      objects: {
        added: ["Lead"],
        removed: ["Account"],
        changed: [
          {
            name: "Contact",
            attributesChanged: ["label"],
            fields: { added: [], removed: [], changed: [] },
          },
        ],
      },
    });
  });

  it("Should give empty lists when nothing changed", () => {
    const changes = diffDesigns(
      { readAt: "t1", objects: [account] },
      { readAt: "t2", objects: [object("Account")] },
    );
    expect(changes.objects).toEqual({ added: [], removed: [], changed: [] });
  });
});
