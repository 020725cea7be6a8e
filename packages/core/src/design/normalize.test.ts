import { describe, expect, it } from "vitest";
import { UnexpectedResponseError } from "../errors.ts";
import { normalizeDescribe } from "./normalize.ts";

const reduced = {
  name: "AIApplication",
  label: "AI Application",
  custom: false,
  queryable: true,
  childRelationships: [
    {
      cascadeDelete: false,
      childSObject: "AIRecordInsight",
      deprecatedAndHidden: false,
      field: "AiApplicationId",
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: "AiApplications",
      restrictedDelete: false,
    },
  ],
  fields: [
    {
      aggregatable: true,
      custom: false,
      defaultValue: null,
      extraTypeInfo: null,
      filterable: true,
      groupable: true,
      inlineHelpText: null,
      label: "AI Application ID",
      name: "Id",
      nillable: false,
      picklistValues: [],
      referenceTo: [],
      relationshipName: null,
      sortable: true,
      type: "id",
    },
    {
      name: "Status",
      type: "picklist",
      defaultValue: false,
      picklistValues: [
        { active: true, defaultValue: false, label: "New", validFor: null, value: "New" },
      ],
    },
  ],
};

describe("normalizeDescribe", () => {
  it("Should keep what a reduced describe sends and null everything else", () => {
    const design = normalizeDescribe(reduced);
    expect(design.name).toBe("AIApplication");
    expect(design.label).toBe("AI Application");
    expect(design.queryable).toBe(true);
    expect(design.labelPlural).toBeNull();
    expect(design.keyPrefix).toBeNull();
    expect(design.createable).toBeNull();
    expect(design.attributes).toEqual({});
    const id = design.fields[0];
    expect(id).toMatchObject({
      name: "Id",
      type: "id",
      label: "AI Application ID",
      nillable: false,
    });
    expect(id?.length).toBeNull();
    expect(id?.createable).toBeNull();
    expect(id?.referenceTo).toEqual([]);
    expect(id?.attributes).toEqual({});
    expect(design.childRelationships?.[0]).toMatchObject({
      childSObject: "AIRecordInsight",
      field: "AiApplicationId",
      relationshipName: "AiApplications",
    });
  });

  it("Should keep absent lists null, not empty", () => {
    const status = normalizeDescribe(reduced).fields[1];
    expect(status?.referenceTo).toBeNull();
    expect(status?.label).toBeNull();
    expect(status?.defaultValue).toBe(false);
    expect(status?.picklistValues).toEqual([
      { value: "New", label: "New", active: true, defaultValue: false, validFor: null },
    ]);
    expect(normalizeDescribe({ name: "X", fields: [] }).childRelationships).toBeNull();
  });

  it("Should keep unknown attributes and wrongly typed ones in attributes", () => {
    const design = normalizeDescribe({
      name: "Thing__c",
      urls: { describe: "/x" },
      custom: "yes",
      fields: [{ name: "A__c", type: "futureType", length: "12", shinyNewFlag: true }],
    });
    expect(design.custom).toBeNull();
    expect(design.attributes).toEqual({ urls: { describe: "/x" }, custom: "yes" });
    expect(design.fields[0]?.type).toBe("futureType");
    expect(design.fields[0]?.length).toBeNull();
    expect(design.fields[0]?.attributes).toEqual({ length: "12", shinyNewFlag: true });
  });

  it("Should keep the raw picklist array when an entry has keys we do not model", () => {
    const values = [{ value: "A", label: "A", colour: "red" }];
    const field = normalizeDescribe({
      name: "O",
      fields: [{ name: "P", type: "picklist", picklistValues: values }],
    }).fields[0];
    expect(field?.picklistValues).toEqual([]);
    expect(field?.attributes.picklistValues).toEqual(values);
  });

  it("Should unwrap the sf CLI result wrapper", () => {
    expect(normalizeDescribe({ status: 0, result: { name: "Case", fields: [] } }).name).toBe(
      "Case",
    );
  });

  it("Should refuse what is not a describe with a clear error", () => {
    expect(() => normalizeDescribe(null)).toThrow(UnexpectedResponseError);
    expect(() => normalizeDescribe({ name: "Account" })).toThrow(/Account: no fields array/);
    expect(() => normalizeDescribe({ name: "Account", fields: [{ type: "id" }] })).toThrow(
      /has no name/,
    );
    expect(() => normalizeDescribe({ name: "Account", fields: [{ name: "Id" }] })).toThrow(
      /Id has no type/,
    );
    expect(() => normalizeDescribe({ name: "Account", fields: [7] })).toThrow(
      /#0 is not an object/,
    );
  });
});
