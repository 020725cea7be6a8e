import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrgDir } from "./loader.ts";

let dir: string;
const describeOf = (name: string, fields: number, extra: Record<string, unknown> = {}) => ({
  name,
  fields: Array.from({ length: fields }, (_, i) => ({ name: `F${i}`, type: "string" })),
  ...extra,
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sf-org-"));
  mkdirSync(join(dir, "a"));
  mkdirSync(join(dir, "b"));
  writeFileSync(
    join(dir, "a", "Account.json"),
    JSON.stringify(describeOf("Account", 3, { label: "Account", keyPrefix: "001" })),
  );
  writeFileSync(join(dir, "b", "Account.json"), JSON.stringify(describeOf("Account", 9)));
  writeFileSync(
    join(dir, "b", "Widget.json"),
    JSON.stringify({ status: 0, result: describeOf("Widget__c", 2, { custom: true }) }),
  );
  writeFileSync(join(dir, "typeNames.json"), JSON.stringify([{ name: "Account", custom: false }]));
  writeFileSync(join(dir, "broken.json"), "{not json");
  writeFileSync(join(dir, "notes.txt"), "ignored");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadOrgDir", () => {
  it("Should load plain and sf-CLI ({result}) describes and ignore other JSON", () => {
    const objects = loadOrgDir(dir);
    expect(objects.map((o) => o.name)).toEqual(["Account", "Widget__c"]);
    expect(objects.map((o) => o.fieldCount)).toEqual([3, 2]);
  });

  it("Should keep the first file in path order on duplicate names", () => {
    expect(loadOrgDir(dir)[0]?.fieldCount).toBe(3);
  });

  it("Should keep only the attributes a capture has, in describeGlobal too", () => {
    const [account, widget] = loadOrgDir(dir);
    expect(account?.globalEntry).toEqual({ keyPrefix: "001", label: "Account", name: "Account" });
    expect(widget?.globalEntry).toEqual({ custom: true, name: "Widget__c" });
    expect(JSON.parse(widget?.renderDescribe() ?? "")).toEqual(
      describeOf("Widget__c", 2, { custom: true }),
    );
  });

  it("Should fail clearly for a missing folder or one without describes", () => {
    expect(() => loadOrgDir(join(dir, "nope"))).toThrow(/org folder not found/);
    const empty = mkdtempSync(join(tmpdir(), "sf-empty-"));
    try {
      expect(() => loadOrgDir(empty)).toThrow(/no describes found/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
