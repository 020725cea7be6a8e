import { describe, expect, it } from "vitest";
import { type LanePlanInput, planBatchSizes } from "./scheduler.ts";

const bench: LanePlanInput = {
  remaining: 1500,
  freeLanes: 25,
  busyFreeIn: [],
  maxBatch: 25,
  requestsLeft: 62,
  requestMs: 150,
  perObjectMs: 20,
};

/** Plays the plan out with the timing model: each freed lane asks the scheduler again. */
function simulate(input: LanePlanInput) {
  let clock = 0;
  let remaining = input.remaining;
  let requestsLeft = input.requestsLeft;
  let requests = 0;
  const lanes: { freeAt: number }[] = Array.from({ length: input.freeLanes }, () => ({
    freeAt: 0,
  }));
  let guard = 0;
  while (remaining > 0 && guard++ < 10_000) {
    const free = lanes.filter((lane) => lane.freeAt <= clock);
    const busy = lanes.filter((lane) => lane.freeAt > clock).map((lane) => lane.freeAt - clock);
    const sizes = planBatchSizes({
      ...input,
      remaining,
      freeLanes: free.length,
      busyFreeIn: busy,
      requestsLeft,
    });
    sizes.forEach((size, index) => {
      const lane = free[index];
      if (size === 0 || !lane) return;
      lane.freeAt = clock + input.requestMs + size * input.perObjectMs;
      remaining -= size;
      requestsLeft -= 1;
      requests += 1;
    });
    const next = Math.min(...lanes.map((lane) => lane.freeAt).filter((t) => t > clock));
    clock = Number.isFinite(next) ? next : clock + 1;
  }
  return { makespan: Math.max(...lanes.map((lane) => lane.freeAt)), requests };
}

describe("planBatchSizes", () => {
  it("Should fill every free lane on the first wave and never exceed the batch size", () => {
    const sizes = planBatchSizes(bench);
    expect(sizes).toHaveLength(25);
    expect(sizes.every((size) => size >= 20 && size <= 25)).toBe(true);
  });

  it("Should beat naive full batches within the request budget (1,500 objects, 25 lanes)", () => {
    const planned = simulate(bench);
    // Naive: 60 full composites in waves of 25, 25, 10 = 3 x (150 + 25 x 20) = 1,950 ms.
    expect(planned.requests).toBeLessThanOrEqual(62);
    expect(planned.makespan).toBeLessThan(1_950);
    expect(planned.makespan).toBeLessThanOrEqual(1_900);
  });

  it("Should reach the floor when requests are not limited", () => {
    const planned = simulate({ ...bench, requestsLeft: 1_500 });
    // Every lane: 3 requests for 60 objects = 3 x 150 + 60 x 20 = 1,650 ms (plus rounding).
    expect(planned.makespan).toBeLessThanOrEqual(1_650 + 2 * 20);
  });

  it("Should use few requests for few objects", () => {
    const planned = simulate({ ...bench, remaining: 30, requestsLeft: 4 });
    expect(planned.requests).toBeLessThanOrEqual(4);
    expect(planned.makespan).toBeLessThan(150 + 30 * 20);
  });

  it("Should keep lanes balanced with six lanes as in a Worker", () => {
    const planned = simulate({ ...bench, freeLanes: 6, requestsLeft: 62 });
    // 1,500 objects / 6 lanes = 250 objects = 10 requests per lane: 10 x 150 + 250 x 20.
    expect(planned.makespan).toBeLessThanOrEqual(6_500 + 150);
  });

  it("Should give single objects per lane when the batch size is 1", () => {
    expect(planBatchSizes({ ...bench, maxBatch: 1, remaining: 3, freeLanes: 5 })).toEqual([
      1, 1, 1, 0, 0,
    ]);
  });

  it("Should leave free lanes idle when busy lanes finish the rest sooner within the budget", () => {
    const sizes = planBatchSizes({
      ...bench,
      remaining: 10,
      freeLanes: 3,
      busyFreeIn: [5],
      requestsLeft: 1,
    });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(sizes.filter((size) => size > 0)).toHaveLength(1);
  });

  it("Should plan nothing without work or lanes", () => {
    expect(planBatchSizes({ ...bench, remaining: 0 })).toEqual(Array.from({ length: 25 }, () => 0));
    expect(planBatchSizes({ ...bench, freeLanes: 0 })).toEqual([]);
  });

  it("Should give a lane that starts later (a request sent ahead) fewer objects", () => {
    const sizes = planBatchSizes({
      ...bench,
      remaining: 30,
      freeLanes: 2,
      freeIn: [0, 400],
      busyFreeIn: [],
      requestsLeft: 2,
    });
    // Both end together: 150 + 20 x 25 = 400 + 150 + 20 x 5.
    expect(sizes).toEqual([25, 5]);
  });
});
