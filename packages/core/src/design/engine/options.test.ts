import { describe, expect, it } from "vitest";
import { DEFAULT_READ_OPTIONS, resolveReadOptions } from "./options.ts";

describe("resolveReadOptions", () => {
  it("Should apply defaults", () => {
    expect(resolveReadOptions()).toEqual(DEFAULT_READ_OPTIONS);
    expect(resolveReadOptions({ strategy: "batch", costModel: { requestMs: 80 } })).toMatchObject({
      strategy: "batch",
      batchSize: 25,
      requestMs: 80,
      perObjectMs: DEFAULT_READ_OPTIONS.perObjectMs,
    });
  });

  it("Should force one object per request for single describes", () => {
    expect(resolveReadOptions({ strategy: "single", batchSize: 25 }).batchSize).toBe(1);
  });

  it("Should refuse bad values with a clear message", () => {
    expect(() => resolveReadOptions({ batchSize: 26 })).toThrow(
      "batchSize must be an integer from 1 to 25, got 26",
    );
    expect(() => resolveReadOptions({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => resolveReadOptions({ budgetPercent: 150 })).toThrow(/budgetPercent/);
    expect(() => resolveReadOptions({ retryBaseMs: 100, retryMaxMs: 10 })).toThrow(/retryMaxMs/);
    expect(() => resolveReadOptions({ costModel: { perObjectMs: -1 } })).toThrow(/perObjectMs/);
    expect(() => resolveReadOptions({ strategy: "soap" as never })).toThrow(
      "Unknown strategy: soap",
    );
    expect(() => resolveReadOptions({ mode: "partial" as never })).toThrow("Unknown mode: partial");
  });
});
