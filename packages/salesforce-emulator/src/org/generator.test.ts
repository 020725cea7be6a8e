import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { generateOrg } from "./generator.ts";

type Field = Record<string, unknown> & { name: string; type: string };
type ChildRel = { childSObject: string; field: string; relationshipName: string | null };

describe("generateOrg", () => {
  it("Should be deterministic for a seed and differ between seeds", () => {
    const a = generateOrg({ objects: 120, seed: 1 });
    const b = generateOrg({ objects: 120, seed: 1 });
    const c = generateOrg({ objects: 120, seed: 2 });
    expect(a.objects.map((o) => o.name)).toEqual(b.objects.map((o) => o.name));
    expect(a.describe("Account")).toEqual(b.describe("Account"));
    expect(c.objects.map((o) => o.name)).not.toEqual(a.objects.map((o) => o.name));
  });

  it("Should default to about 150 objects of about 65 fields, standard ones first", () => {
    const org = generateOrg();
    expect(org.objects).toHaveLength(150);
    expect(org.fieldCount / 150).toBeGreaterThan(55);
    expect(org.fieldCount / 150).toBeLessThan(75);
    expect(org.objects.slice(0, 8).map((o) => o.name)).toEqual([
      "Account",
      "Contact",
      "Lead",
      "Opportunity",
      "Case",
      "User",
      "Task",
      "Campaign",
    ]);
    expect(org.objects.some((o) => o.name.endsWith("__c"))).toBe(true);
    expect(new Set(org.objects.map((o) => o.name.toLowerCase())).size).toBe(150);
  });

  it("Should plan 3,000 objects (about 200,000 fields) in seconds and describe any of them", () => {
    const start = performance.now();
    const org = generateOrg({ objects: 3000, seed: 42 });
    expect(performance.now() - start).toBeLessThan(5000);
    expect(org.objects).toHaveLength(3000);
    expect(org.fieldCount).toBeGreaterThan(185_000);
    expect(org.fieldCount).toBeLessThan(215_000);
    const last = org.objects.at(-1);
    expect(org.describe(last?.name ?? "")?.fields).toHaveLength(last?.fieldCount ?? -1);
  });

  it("Should count exactly the fields each describe has", () => {
    const org = generateOrg({ objects: 80, seed: 5 });
    for (const object of org.objects)
      expect(org.describe(object.name)?.fields).toHaveLength(object.fieldCount);
  });

  it("Should model compound addresses, person names and picklists on standard objects", () => {
    const account = generateOrg({ objects: 10 }).describe("Account");
    const fields = (account?.fields ?? []) as Field[];
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get("BillingAddress")?.type).toBe("address");
    expect(byName.get("BillingCity")?.compoundFieldName).toBe("BillingAddress");
    expect((byName.get("Industry")?.picklistValues as unknown[]).length).toBeGreaterThan(20);
    expect(byName.get("OwnerId")).toMatchObject({
      type: "reference",
      referenceTo: ["User"],
      relationshipName: "Owner",
    });
    const contact = generateOrg({ objects: 10 }).describe("Contact");
    expect(
      (contact?.fields as Field[]).find((f) => f.name === "FirstName")?.compoundFieldName,
    ).toBe("Name");
  });

  it("Should give custom objects __c fields and __r relationships that their parents list", () => {
    const org = generateOrg({ objects: 150, seed: 42 });
    const lookups: { child: string; field: Field }[] = [];
    for (const object of org.objects.filter((o) => o.name.endsWith("__c"))) {
      for (const field of org.describe(object.name)?.fields as Field[]) {
        if (field.type === "reference" && field.custom === true)
          lookups.push({ child: object.name, field });
      }
    }
    expect(lookups.length).toBeGreaterThan(20);
    for (const { child, field } of lookups) {
      expect(field.name).toMatch(/__c$/);
      expect(field.relationshipName).toMatch(/__r$/);
      const parent = org.describe((field.referenceTo as string[])[0] ?? "");
      const listed = (parent?.childRelationships as ChildRel[]).find(
        (r) => r.childSObject === child && r.field === field.name,
      );
      expect(listed?.relationshipName).toMatch(/__r$/);
    }
  });

  it("Should serve the 45 top-level keys of a FULL describe with API-version URLs", () => {
    const account = generateOrg({ objects: 5 }).describe("Account", {
      version: "58.0",
      baseUrl: "http://x",
    });
    expect(Object.keys(account ?? {})).toHaveLength(45);
    expect((account?.urls as Record<string, string>).describe).toBe(
      "/services/data/v58.0/sobjects/Account/describe",
    );
    expect((account?.urls as Record<string, string>).uiDetailTemplate).toBe("http://x/{ID}");
  });

  it("Should refuse a non-positive object count", () => {
    expect(() => generateOrg({ objects: 0 })).toThrow(/positive integer/);
  });
});
