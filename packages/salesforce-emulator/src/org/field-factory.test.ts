import { describe, expect, it } from "vitest";
import { FIELD_ATTRIBUTES, buildField, picklistValues } from "./field-factory.ts";

describe("buildField", () => {
  it("Should give all 57 attributes in alphabetical order", () => {
    const field = buildField({ name: "Phone", type: "phone", label: "Account Phone" });
    expect(FIELD_ATTRIBUTES).toHaveLength(57);
    expect(Object.keys(field)).toEqual([...FIELD_ATTRIBUTES].sort());
  });

  it.each([
    [
      "string",
      { length: 80 },
      { soapType: "xsd:string", length: 80, byteLength: 240, groupable: true },
    ],
    [
      "textarea",
      { length: 32000 },
      { byteLength: 96000, filterable: false, sortable: false, extraTypeInfo: "plaintextarea" },
    ],
    [
      "reference",
      { referenceTo: ["User"], relationshipName: "Owner" },
      { soapType: "tns:ID", length: 18, byteLength: 18 },
    ],
    [
      "boolean",
      {},
      {
        soapType: "xsd:boolean",
        nillable: false,
        defaultValue: false,
        aggregatable: false,
        defaultedOnCreate: true,
      },
    ],
    ["currency", {}, { soapType: "xsd:double", precision: 18, scale: 2, groupable: false }],
    [
      "address",
      {},
      {
        soapType: "urn:address",
        createable: false,
        groupable: false,
        sortable: false,
        queryByDistance: true,
      },
    ],
    ["multipicklist", { picklist: ["A"] }, { byteLength: 4099, sortable: false, groupable: false }],
    ["datetime", {}, { soapType: "xsd:dateTime", groupable: false }],
    ["id", {}, { soapType: "tns:ID", idLookup: true, createable: false, nillable: false }],
  ] as const)("Should derive %s attributes like a real describe", (type, extra, expected) => {
    expect(buildField({ name: "F", label: "F", type, ...extra })).toMatchObject(expected);
  });

  it("Should mark reference fields with several targets polymorphic", () => {
    expect(
      buildField({
        name: "WhoId",
        type: "reference",
        label: "Name ID",
        referenceTo: ["Contact", "Lead"],
      }).polymorphicForeignKey,
    ).toBe(true);
  });

  it("Should make formula fields read-only", () => {
    const field = buildField({
      name: "F__c",
      type: "double",
      label: "F",
      calculated: true,
      calculatedFormula: "1",
    });
    expect(field).toMatchObject({
      calculated: true,
      createable: false,
      updateable: false,
      calculatedFormula: "1",
    });
  });

  it("Should keep generator-only hints out of the describe", () => {
    const field = buildField({
      name: "X",
      type: "reference",
      label: "X",
      system: true,
      childName: "Xs",
      referenceTo: ["A"],
    });
    expect(field).not.toHaveProperty("system");
    expect(field).not.toHaveProperty("childName");
    expect(field.createable).toBe(false);
  });
});

describe("picklistValues", () => {
  it("Should shape entries as {active, defaultValue, label, validFor, value}", () => {
    expect(picklistValues(["Hot", "Cold"], "Hot")).toEqual([
      { active: true, defaultValue: true, label: "Hot", validFor: null, value: "Hot" },
      { active: true, defaultValue: false, label: "Cold", validFor: null, value: "Cold" },
    ]);
  });
});
