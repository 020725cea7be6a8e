import { describe, expect, it } from "vitest";
import { fieldFlags, formatFieldType, isRequired } from "./field.ts";

const size = { length: null, precision: null, scale: null, digits: null };

describe("formatFieldType", () => {
  it("Should add the length to text-like types", () => {
    expect(formatFieldType({ ...size, type: "string", length: 255 })).toBe("string(255)");
    expect(formatFieldType({ ...size, type: "picklist", length: 40 })).toBe("picklist(40)");
  });

  it("Should add precision and scale to decimals", () => {
    expect(formatFieldType({ ...size, type: "currency", precision: 18, scale: 2 })).toBe(
      "currency(18, 2)",
    );
    expect(formatFieldType({ ...size, type: "percent", precision: 5, scale: null })).toBe(
      "percent(5, 0)",
    );
  });

  it("Should add digits to integers", () => {
    expect(formatFieldType({ ...size, type: "int", digits: 9 })).toBe("int(9)");
  });

  it("Should leave other types bare, and show a dash when the type is missing", () => {
    expect(formatFieldType({ ...size, type: "reference", length: 18 })).toBe("reference");
    expect(formatFieldType({ ...size, type: "boolean" })).toBe("boolean");
    expect(formatFieldType({ ...size, type: "string", length: 0 })).toBe("string");
    expect(formatFieldType({ ...size, type: null })).toBe("—");
  });
});

describe("isRequired", () => {
  it("Should require only createable fields that cannot be null", () => {
    expect(isRequired({ createable: true, nillable: false })).toBe(true);
    expect(isRequired({ createable: true, nillable: true })).toBe(false);
    expect(isRequired({ createable: false, nillable: false })).toBe(false);
    expect(isRequired({ createable: null, nillable: null })).toBe(false);
  });
});

describe("fieldFlags", () => {
  it("Should list the flags that are set, in a stable order", () => {
    expect(fieldFlags({ unique: true, externalId: true, calculated: false, custom: true })).toEqual(
      ["unique", "external id", "custom"],
    );
    expect(fieldFlags({ unique: null, externalId: null, calculated: null, custom: null })).toEqual(
      [],
    );
  });
});
