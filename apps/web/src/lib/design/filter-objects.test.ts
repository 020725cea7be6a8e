import { describe, expect, it } from "vitest";
import type { ObjectSummary } from "../api/types.ts";
import { countObjects, filterObjects } from "./filter-objects.ts";

function object(name: string, label: string | null, custom: boolean | null): ObjectSummary {
  return {
    name,
    label,
    labelPlural: null,
    keyPrefix: null,
    custom,
    queryable: true,
    createable: true,
    updateable: true,
    fieldCount: 10,
  };
}

const objects = [
  object("Account", "Account", false),
  object("AccountContactRelation", "Account Contact Relationship", false),
  object("Contact", "Contact", false),
  object("Invoice__c", "Invoice", true),
  object("Legacy", null, null),
];

describe("filterObjects", () => {
  it("Should match the name or the label, ignoring case", () => {
    expect(filterObjects(objects, "ACCOUNT", "all").map((o) => o.name)).toEqual([
      "Account",
      "AccountContactRelation",
    ]);
    expect(filterObjects(objects, "relationship", "all").map((o) => o.name)).toEqual([
      "AccountContactRelation",
    ]);
  });

  it("Should narrow to custom or standard objects", () => {
    expect(filterObjects(objects, "", "custom").map((o) => o.name)).toEqual(["Invoice__c"]);
    expect(filterObjects(objects, "", "standard")).toHaveLength(4);
  });

  it("Should combine both and ignore surrounding spaces", () => {
    expect(filterObjects(objects, "  inv ", "standard")).toEqual([]);
    expect(filterObjects(objects, "  inv ", "custom").map((o) => o.name)).toEqual(["Invoice__c"]);
  });
});

describe("countObjects", () => {
  it("Should count every kind, objects without the flag as standard", () => {
    expect(countObjects(objects)).toEqual({ all: 5, custom: 1, standard: 4 });
  });
});
