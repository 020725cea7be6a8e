import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "./json-equal.ts";
import { isJsonObject } from "./json.ts";
import type { ObjectDesign } from "./model.ts";
import { normalizeDescribe } from "./normalize.ts";

// Real captures live beside the repository (../shared); a user's clone has none.
const FIXTURES = new URL("../../../../../shared/fixtures/salesforce/", import.meta.url).pathname;
const present = existsSync(FIXTURES);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith(".json") && name !== "typeNames.json" ? [path] : [];
  });
}

/** What the design says about `key`: the normalized value, or the kept raw one. */
function designValue(
  design: object & { attributes: Record<string, unknown> },
  key: string,
): unknown {
  if (key in design.attributes) return design.attributes[key];
  return (design as Record<string, unknown>)[key];
}

/**
 * Lists every attribute of a raw describe that the design does not reproduce: each one must be
 * normalized with the same value or kept in `attributes`, and every normalized attribute the
 * capture lacks must be null (the null rule).
 */
function losses(raw: Record<string, unknown>, design: ObjectDesign): string[] {
  const out: string[] = [];
  const same = jsonEqual;
  for (const [key, value] of Object.entries(raw)) {
    if (key === "fields" || key === "childRelationships") continue;
    if (!same(designValue(design, key), value)) out.push(`${design.name}.${key}`);
  }
  const rawFields = raw.fields as Record<string, unknown>[];
  design.fields.forEach((field, index) => {
    const rawField = rawFields[index] ?? {};
    for (const [key, value] of Object.entries(rawField)) {
      if (!same(designValue(field, key), value)) out.push(`${design.name}.${field.name}.${key}`);
    }
    for (const [key, value] of Object.entries(field)) {
      if (key !== "attributes" && !(key in rawField) && value !== null) {
        out.push(`${design.name}.${field.name}.${key} invented`);
      }
    }
  });
  return out;
}

describe.skipIf(!present)(
  "normalizeDescribe over real captures (runs only when ../shared/fixtures exists)",
  () => {
    for (const org of ["org-lwrfileupload", "org-jira-sf-integration"]) {
      it(`Should parse every REDUCED describe of ${org} without losing anything`, () => {
        const files = jsonFiles(join(FIXTURES, org));
        let objects = 0;
        let fields = 0;
        for (const file of files) {
          const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
          if (!isJsonObject(raw)) continue;
          const design = normalizeDescribe(raw);
          expect(losses(raw, design)).toEqual([]);
          expect(design.labelPlural).toBeNull();
          expect(design.attributes).toEqual({});
          objects += 1;
          fields += design.fields.length;
        }
        const expected = org === "org-lwrfileupload" ? [712, 14_606] : [658, 13_126];
        expect([objects, fields]).toEqual(expected);
      });
    }

    it("Should parse the FULL cumulusci describes with every attribute normalized or kept", () => {
      const files = jsonFiles(join(FIXTURES, "cumulusci/describes"));
      expect(files.length).toBe(8);
      for (const file of files) {
        const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
        const design = normalizeDescribe(raw);
        expect(losses(raw, design)).toEqual([]);
        expect(design.fields.every((field) => !("picklistValues" in field.attributes))).toBe(true);
        expect(design.keyPrefix).not.toBeNull();
        expect(
          design.fields.every((field) => field.length !== null && field.soapType !== null),
        ).toBe(true);
        expect(Object.keys(design.attributes)).toContain("urls");
      }
    });
  },
);
