import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { objectFromDescribe } from "./from-describe.ts";
import { OrgStore, UnknownObjectsError } from "./org-store.ts";

const START = Date.UTC(2026, 0, 1, 12, 0, 0, 500);
const object = (name: string, extra: Record<string, unknown> = {}) =>
  objectFromDescribe({
    name,
    fields: [{ name: "Id", type: "id" }],
    urls: {
      describe: `/services/data/v48.0/sobjects/${name}/describe`,
      uiDetailTemplate: "https://x/{ID}",
    },
    ...extra,
  });

function store() {
  const org = new OrgStore([object("Account"), object("Contact")], START);
  org.setBaseUrl("http://127.0.0.1:1");
  return org;
}

describe("OrgStore", () => {
  it("Should serve describes case-insensitively with the requested version in URLs", () => {
    const doc = store().describe("account", "61.0");
    expect(JSON.parse(doc?.body.toString() ?? "").urls.describe).toBe(
      "/services/data/v61.0/sobjects/Account/describe",
    );
    expect(store().describe("Nope", "61.0")).toBeUndefined();
  });

  it("Should splice each version into a describe once and serve the same bytes after", () => {
    const org = store();
    const first = org.describe("Account", "62.0")?.body;
    expect(org.describe("account", "62.0")?.body).toBe(first);
    expect(org.describe("Account", "61.0")?.body).not.toBe(first);
  });

  it("Should build describeGlobal sorted by name, without UI URLs", () => {
    const global = JSON.parse(store().describeGlobal("62.0").body.toString());
    expect(global).toEqual({
      encoding: "UTF-8",
      maxBatchSize: 200,
      sobjects: [
        { name: "Account", urls: { describe: "/services/data/v62.0/sobjects/Account/describe" } },
        { name: "Contact", urls: { describe: "/services/data/v62.0/sobjects/Contact/describe" } },
      ],
    });
  });

  it("Should date the org an hour before the start, in whole seconds", () => {
    expect(store().describe("Account", "62.0")?.modifiedAt).toBe(START - 500 - 3_600_000);
  });

  it("Should move modification times on touch, add and remove, and undo all on reset", () => {
    const org = store();
    org.touch(["Contact"], START + 10);
    expect(org.describe("Contact", "62.0")?.modifiedAt).toBe(START + 10);
    expect(org.describeGlobal("62.0").modifiedAt).toBe(START + 10);
    org.add([object("New__c")], START + 20);
    org.remove(["Account"], START + 30);
    expect(org.names()).toEqual(["Contact", "New__c"]);
    expect(org.describeGlobal("62.0").modifiedAt).toBe(START + 30);
    expect(org.counts).toEqual({ objects: 2, fields: 2 });
    org.reset();
    expect(org.names()).toEqual(["Account", "Contact"]);
    expect(org.describeGlobal("62.0").modifiedAt).toBe(START - 500 - 3_600_000);
  });

  it("Should change nothing when a touch or remove names an unknown object", () => {
    const org = store();
    expect(() => org.touch(["Account", "Ghost"], START + 1)).toThrow(UnknownObjectsError);
    expect(() => org.remove(["Ghost"], START + 1)).toThrow(/Ghost/);
    expect(org.describe("Account", "62.0")?.modifiedAt).toBe(START - 500 - 3_600_000);
    expect(org.counts.objects).toBe(2);
  });

  it("Should gzip a describe once per version and keep the bytes identical", async () => {
    const doc = store().describe("Account", "62.0");
    const zipped = await doc?.gzip();
    expect(gunzipSync(zipped ?? Buffer.alloc(0)).equals(doc?.body ?? Buffer.alloc(1))).toBe(true);
    expect(await doc?.gzip()).toBe(zipped);
  });

  it("Should pre-render every describe when warmed", async () => {
    let renders = 0;
    const counted = {
      ...object("Counted"),
      renderDescribe: () => (renders++, '{"name":"Counted","fields":[]}'),
    };
    const org = new OrgStore([counted], START);
    await org.warm("62.0");
    org.describe("Counted", "62.0");
    expect(renders).toBe(1);
  });
});
