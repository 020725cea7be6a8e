import { describe, expect, it } from "vitest";
import { createReadState, tokenRefreshed } from "./engine/lifecycle.ts";
import { readAll } from "./test-support/read-all.ts";
import { FakeSalesforce, makeDescribe, objectNames } from "./test-support/fake-salesforce.ts";

describe("drive: incremental", () => {
  const T0 = Date.parse("2026-01-10T00:00:00Z");

  async function firstRead(org: FakeSalesforce) {
    const readAt = new Date(T0 + 60_000).toISOString();
    const { design } = await readAll(org, createReadState({ now: T0 + 60_000 }));
    return { readAt, design };
  }

  it("Should be done in one call when describeGlobal answers 304", async () => {
    const org = new FakeSalesforce(objectNames(300), T0);
    const before = await firstRead(org);
    const usage = org.apiUsage;
    const state = createReadState({
      options: { mode: "incremental" },
      previous: { readAt: before.readAt, objects: [...before.design.keys()] },
    });
    const result = await readAll(org, state, 6, before.design);
    expect(org.apiUsage - usage).toBe(1);
    expect(result.state).toMatchObject({ phase: "saving", unchanged: 300, read: 0 });
    expect(result.design).toEqual(before.design);
  });

  it("Should re-read only changed and new objects, keep the rest and detect removed ones", async () => {
    const org = new FakeSalesforce(objectNames(100), T0);
    const before = await firstRead(org);
    const later = T0 + 3_600_000;
    org.put(makeDescribe("Account", 5), later);
    org.put(makeDescribe("Brand_New__c"), later);
    org.remove("Lead", later);
    const state = createReadState({
      options: { mode: "incremental" },
      previous: { readAt: before.readAt, objects: [...before.design.keys()] },
    });
    const result = await readAll(org, state, 6, before.design);
    expect(result.state).toMatchObject({ read: 2, unchanged: 98, removed: 1, total: 100 });
    expect(result.design.get("Account")?.fields).toHaveLength(5);
    expect(result.design.has("Brand_New__c")).toBe(true);
    expect(result.design.has("Lead")).toBe(false);
    expect(result.design.get("Contact")).toEqual(before.design.get("Contact"));
  });

  it("Should treat tokenRefreshed as a new token generation", () => {
    expect(tokenRefreshed(createReadState()).auth).toEqual({
      epoch: 1,
      refreshPending: false,
      verified: false,
    });
  });
});
