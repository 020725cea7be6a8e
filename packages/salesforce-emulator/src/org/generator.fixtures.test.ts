import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR, HAS_FIXTURES } from "../testing/test-support.ts";
import { shapeMismatches, typesByKey } from "../testing/shapes.ts";
import type { GeneratedOrg } from "./generator.ts";
import { generateOrg } from "./generator.ts";

type Json = Record<string, unknown>;
type Field = Json & { name: string };

describe.runIf(HAS_FIXTURES)(
  "generated org vs captured FULL describes (cumulusci; runs only when ../shared/fixtures exists)",
  () => {
    let captured: Json[];
    let org: GeneratedOrg;
    beforeAll(() => {
      const dir = join(FIXTURES_DIR, "cumulusci", "describes");
      captured = readdirSync(dir).map(
        (file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Json,
      );
      org = generateOrg({ objects: 400, seed: 42 });
    });

    it("Should give every describe the captured top-level keys with the same JSON types", () => {
      const reference = typesByKey(captured);
      // The captures hold no History/Share/Feed objects, where Salesforce sends these as strings.
      for (const key of ["associateEntityType", "associateParentEntity"])
        reference.get(key)?.add("string");
      // Objects without a key prefix (custom Share objects) have null, as describeGlobal captures show.
      reference.get("keyPrefix")?.add("null");
      for (const object of org.objects.slice(0, 200)) {
        const describe = org.describe(object.name) as Json;
        expect(shapeMismatches(describe, reference), object.name).toEqual([]);
        expect(Object.keys(describe).sort()).toEqual([...reference.keys()].sort());
      }
    });

    it("Should give every field the 57 captured attributes with the same JSON types", () => {
      const reference = typesByKey(captured.flatMap((d) => d.fields as Json[]));
      expect(reference.size).toBe(57);
      // The captures hold no encrypted fields, whose mask settings are strings.
      for (const key of ["mask", "maskType"]) reference.get(key)?.add("string");
      // Nor master-detail fields, whose relationshipOrder is 0 or 1.
      reference.get("relationshipOrder")?.add("number");
      for (const object of org.objects) {
        for (const field of org.describe(object.name)?.fields ?? []) {
          expect(shapeMismatches(field, reference), `${object.name}.${String(field.name)}`).toEqual(
            [],
          );
        }
      }
    });

    it("Should shape child relationships, record types and picklist values like the captures", () => {
      const pick = (key: string) => captured.flatMap((d) => d[key] as Json[]);
      const children = typesByKey(pick("childRelationships"));
      const recordTypes = typesByKey(pick("recordTypeInfos"));
      const values = typesByKey(
        captured.flatMap((d) => (d.fields as Json[]).flatMap((f) => f.picklistValues as Json[])),
      );
      const account = org.describe("Account") as Json;
      for (const child of account.childRelationships as Json[])
        expect(shapeMismatches(child, children)).toEqual([]);
      for (const info of account.recordTypeInfos as Json[])
        expect(shapeMismatches(info, recordTypes)).toEqual([]);
      for (const field of account.fields as Field[]) {
        for (const value of field.picklistValues as Json[])
          expect(shapeMismatches(value, values)).toEqual([]);
      }
    });

    it("Should agree with the captured standard fields on at least 98% of their attributes", () => {
      const attributes = [
        "type",
        "soapType",
        "length",
        "byteLength",
        "nillable",
        "createable",
        "updateable",
        "filterable",
        "sortable",
        "groupable",
        "aggregatable",
        "defaultedOnCreate",
        "precision",
        "scale",
        "compoundFieldName",
        "extraTypeInfo",
        "nameField",
        "idLookup",
        "relationshipName",
        "referenceTo",
        "calculated",
        "restrictedPicklist",
        "queryByDistance",
        "cascadeDelete",
      ];
      let compared = 0;
      let equal = 0;
      let fields = 0;
      for (const real of captured.filter(
        (d) => d.name !== "Account" || (d.fields as Json[]).length < 100,
      )) {
        const ours = new Map(
          (org.describe(String(real.name))?.fields as Field[]).map((f) => [f.name, f]),
        );
        for (const field of real.fields as Field[]) {
          const mine = ours.get(field.name);
          if (!mine) continue;
          fields++;
          expect(mine.type, `${String(real.name)}.${field.name}`).toBe(field.type);
          for (const attribute of attributes) {
            compared++;
            if (JSON.stringify(mine[attribute]) === JSON.stringify(field[attribute])) equal++;
          }
        }
      }
      expect(fields).toBeGreaterThan(250);
      expect(equal / compared).toBeGreaterThan(0.98);
    });

    it("Should give describeGlobal entries the captured keys (plus the two newer ones) with the same JSON types", () => {
      const global = JSON.parse(
        readFileSync(join(FIXTURES_DIR, "cumulusci", "describe-global.v48.json"), "utf8"),
      ) as { sobjects: Json[] };
      const reference = typesByKey(global.sobjects);
      for (const object of org.objects) {
        expect(shapeMismatches(object.globalEntry, reference), object.name).toEqual([]);
        const extra = Object.keys(object.globalEntry).filter((key) => !reference.has(key));
        expect(extra).toEqual(["associateEntityType", "associateParentEntity"]);
      }
    });
  },
);
