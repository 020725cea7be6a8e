import { describe, expect, it } from "vitest";
import { AttemptCounter, failureBody, shouldFail } from "./faults.ts";

describe("shouldFail", () => {
  it("Should give the same answer for the same seed, method, path and attempt", () => {
    const first = Array.from({ length: 50 }, (_, i) => shouldFail(0.3, 9, "GET", `/p/${i}`, 1));
    const again = Array.from({ length: 50 }, (_, i) => shouldFail(0.3, 9, "GET", `/p/${i}`, 1));
    expect(again).toEqual(first);
  });

  it("Should fail about the configured share of requests", () => {
    const failures = Array.from({ length: 4000 }, (_, i) =>
      shouldFail(0.25, 1, "GET", `/x/${i}`, 1),
    ).filter(Boolean);
    expect(failures.length / 4000).toBeGreaterThan(0.22);
    expect(failures.length / 4000).toBeLessThan(0.28);
  });

  it("Should depend on the seed and on the attempt number", () => {
    const bySeed = (seed: number) =>
      Array.from({ length: 64 }, (_, i) => shouldFail(0.5, seed, "GET", `/s/${i}`, 1));
    expect(bySeed(1)).not.toEqual(bySeed(2));
    const byAttempt = Array.from({ length: 64 }, (_, a) =>
      shouldFail(0.5, 1, "GET", "/same", a + 1),
    );
    expect(new Set(byAttempt).size).toBe(2);
  });

  it("Should never fail at rate 0 and always at rate 1", () => {
    expect(shouldFail(0, 1, "GET", "/a", 1)).toBe(false);
    expect(shouldFail(1, 1, "GET", "/a", 1)).toBe(true);
  });
});

describe("AttemptCounter", () => {
  it("Should number attempts per path from 1 and forget them on clear", () => {
    const counter = new AttemptCounter();
    expect([counter.next("/a"), counter.next("/a"), counter.next("/b")]).toEqual([1, 2, 1]);
    counter.clear();
    expect(counter.next("/a")).toBe(1);
  });
});

describe("failureBody", () => {
  it("Should answer Salesforce's error array", () => {
    expect(failureBody(503)[0]?.errorCode).toBe("SERVER_UNAVAILABLE");
    expect(failureBody(500)[0]?.errorCode).toBe("UNKNOWN_EXCEPTION");
  });
});
