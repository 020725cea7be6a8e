import { describe, expect, it } from "vitest";
import type { Field } from "../api/types.ts";
import { filterFields } from "./filter-fields.ts";

function field(overrides: Partial<Field> & { name: string }): Field {
  return {
    label: null,
    type: "string",
    length: null,
    precision: null,
    scale: null,
    digits: null,
    nillable: true,
    unique: false,
    externalId: false,
    calculated: false,
    custom: false,
    createable: true,
    updateable: true,
    defaultValue: null,
    referenceTo: [],
    relationshipName: null,
    picklistValues: [],
    ...overrides,
  };
}

const fields = [
  field({ name: "Name", label: "Account Name", nillable: false }),
  field({ name: "OwnerId", label: "Owner ID", type: "reference", referenceTo: ["User"] }),
  field({
    name: "Industry",
    label: "Industry",
    type: "picklist",
    picklistValues: [{ value: "Energy", label: "Energy", active: true, defaultValue: false }],
  }),
  field({ name: "Region__c", label: "Region", custom: true }),
  field({
    name: "CreatedDate",
    label: "Created Date",
    type: "datetime",
    createable: false,
    nillable: false,
  }),
];

describe("filterFields", () => {
  it("Should match name, label or type", () => {
    expect(filterFields(fields, "owner", "all").map((f) => f.name)).toEqual(["OwnerId"]);
    expect(filterFields(fields, "account name", "all").map((f) => f.name)).toEqual(["Name"]);
    expect(filterFields(fields, "datetime", "all").map((f) => f.name)).toEqual(["CreatedDate"]);
  });

  it("Should narrow by kind", () => {
    expect(filterFields(fields, "", "required").map((f) => f.name)).toEqual(["Name"]);
    expect(filterFields(fields, "", "custom").map((f) => f.name)).toEqual(["Region__c"]);
    expect(filterFields(fields, "", "reference").map((f) => f.name)).toEqual(["OwnerId"]);
    expect(filterFields(fields, "", "picklist").map((f) => f.name)).toEqual(["Industry"]);
  });
});
