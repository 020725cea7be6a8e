import { describe, expect, it } from "vitest";
import { readField, readObjectDesign } from "./read-object-design.ts";

describe("readField", () => {
  it("Should take Salesforce's attributes as they are", () => {
    const field = readField({
      name: "AccountId",
      label: "Account ID",
      type: "reference",
      length: 18,
      nillable: true,
      createable: true,
      referenceTo: ["Account"],
      relationshipName: "Account",
      picklistValues: [],
    });
    expect(field).toMatchObject({
      name: "AccountId",
      type: "reference",
      length: 18,
      referenceTo: ["Account"],
      relationshipName: "Account",
      picklistValues: [],
    });
  });

  it("Should make a missing or mistyped attribute null, never a guess", () => {
    const field = readField({ name: "X__c", type: "string", length: "255", unique: "yes" });
    expect(field.length).toBeNull();
    expect(field.unique).toBeNull();
    expect(field.nillable).toBeNull();
    expect(field.referenceTo).toBeNull();
    expect(field.picklistValues).toBeNull();
    expect(field.defaultValue).toBeNull();
  });

  it("Should keep only well-formed picklist values and references", () => {
    const field = readField({
      name: "Stage",
      picklistValues: [
        { value: "Won", label: "Closed Won", active: true },
        { label: "no value" },
        7,
      ],
      referenceTo: ["User", 3],
    });
    expect(field.picklistValues).toEqual([
      { value: "Won", label: "Closed Won", active: true, defaultValue: null },
    ]);
    expect(field.referenceTo).toEqual(["User"]);
  });
});

describe("readObjectDesign", () => {
  it("Should read the object, its fields and child relationships", () => {
    const design = readObjectDesign({
      name: "Account",
      label: "Account",
      custom: false,
      keyPrefix: "001",
      fields: [
        { name: "Id", type: "id" },
        { name: "Name", type: "string", length: 255 },
        { type: "x" },
      ],
      childRelationships: [
        { childSObject: "Contact", field: "AccountId", relationshipName: "Contacts" },
      ],
    });
    expect(design.name).toBe("Account");
    expect(design.keyPrefix).toBe("001");
    expect(design.fields.map((field) => field.name)).toEqual(["Id", "Name"]);
    expect(design.fieldCount).toBe(2);
    expect(design.childRelationships).toEqual([
      { childSObject: "Contact", field: "AccountId", relationshipName: "Contacts" },
    ]);
  });

  it("Should treat absent child relationships as none", () => {
    expect(
      readObjectDesign({ name: "Foo__c", fields: [], childRelationships: null }).childRelationships,
    ).toEqual([]);
  });
});
