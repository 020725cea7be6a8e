import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { ConcurrencyGate, waitUntil } from "./latency.ts";

describe("waitUntil", () => {
  it("Should resolve at the target, never before it", async () => {
    for (const ms of [5, 30, 60]) {
      const target = performance.now() + ms;
      await waitUntil(target);
      const late = performance.now() - target;
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(25);
    }
  });

  it("Should resolve at once for a target in the past", async () => {
    const start = performance.now();
    await waitUntil(start - 100);
    expect(performance.now() - start).toBeLessThan(5);
  });
});

describe("ConcurrencyGate", () => {
  it("Should admit up to the limit and queue the rest in arrival order", async () => {
    const gate = new ConcurrencyGate(2);
    const order: number[] = [];
    const a = await gate.acquire();
    const b = await gate.acquire();
    const waiting = [3, 4].map((n) => gate.acquire().then((release) => (order.push(n), release)));
    expect(gate.inService).toBe(2);
    expect(gate.queued).toBe(2);
    a();
    const third = await waiting[0];
    expect(order).toEqual([3]);
    b();
    const fourth = await waiting[1];
    expect(order).toEqual([3, 4]);
    third?.();
    fourth?.();
    expect(gate.inService).toBe(0);
  });

  it("Should admit queued requests at once when the limit is raised", async () => {
    const gate = new ConcurrencyGate(1);
    await gate.acquire();
    const next = gate.acquire();
    expect(gate.queued).toBe(1);
    gate.setLimit(0);
    await next;
    expect(gate.inService).toBe(2);
  });

  it("Should ignore a second release of the same slot", async () => {
    const gate = new ConcurrencyGate(1);
    const release = await gate.acquire();
    release();
    release();
    expect(gate.inService).toBe(0);
  });
});
