import { describe, expect, it } from "vitest";
import type { ObjectSummary } from "../api/types.ts";
import { OBJECTS_PAGE_LIMIT, loadAllObjects } from "./load-all-objects.ts";

function objects(count: number, from = 0): ObjectSummary[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Object${from + index}__c`,
    label: null,
    labelPlural: null,
    keyPrefix: null,
    custom: true,
    queryable: true,
    createable: true,
    updateable: true,
    fieldCount: 1,
  }));
}

describe("loadAllObjects", () => {
  it("Should page through until it has the total", async () => {
    const total = OBJECTS_PAGE_LIMIT + 500;
    const offsets: number[] = [];
    const all = await loadAllObjects(async (offset, limit) => {
      offsets.push(offset);
      return { objects: objects(Math.min(limit, total - offset), offset), total };
    });
    expect(all).toHaveLength(total);
    expect(offsets).toEqual([0, OBJECTS_PAGE_LIMIT]);
    expect(all.at(-1)?.name).toBe(`Object${total - 1}__c`);
  });

  it("Should stop on an empty page even if the total said more", async () => {
    let calls = 0;
    const all = await loadAllObjects(async () => {
      calls += 1;
      return calls === 1 ? { objects: objects(3), total: 10 } : { objects: [], total: 10 };
    });
    expect(all).toHaveLength(3);
    expect(calls).toBe(2);
  });

  it("Should return nothing for a design never read", async () => {
    expect(await loadAllObjects(async () => ({ objects: [], total: 0 }))).toEqual([]);
  });
});
