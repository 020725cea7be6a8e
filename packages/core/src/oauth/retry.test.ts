import { describe, expect, it } from "vitest";
import { failure, type OAuthFailure } from "./failures.ts";
import { REFRESH_RETRY } from "./refresh-policy.ts";
import { retryOAuthCall } from "./retry.ts";

type Success = { ok: true; value: string };

function script(...results: Array<Success | OAuthFailure>) {
  const attempts: number[] = [];
  const call = async (attempt: number) => {
    attempts.push(attempt);
    const next = results.shift();
    if (!next) throw new Error("no result left");
    return next;
  };
  return { call, attempts };
}

const sleeps: number[] = [];
const options = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0 };
const concurrent = () => failure("concurrent_refresh", { status: 400, error: "invalid_grant" });

describe("retryOAuthCall", () => {
  it("Should return a first-try success without sleeping", async () => {
    sleeps.length = 0;
    const { call } = script({ ok: true, value: "a" });
    await expect(retryOAuthCall(call, options)).resolves.toEqual({
      ok: true,
      value: "a",
      attempts: 1,
    });
    expect(sleeps).toEqual([]);
  });

  it("Should retry a concurrent refresh with growing delays until it succeeds", async () => {
    sleeps.length = 0;
    const { call, attempts } = script(concurrent(), failure("network"), { ok: true, value: "b" });
    await expect(retryOAuthCall(call, options)).resolves.toEqual({
      ok: true,
      value: "b",
      attempts: 3,
    });
    expect(attempts).toEqual([1, 2, 3]);
    expect(sleeps).toEqual([125, 250]);
  });

  it("Should stop at once on a non-retryable failure", async () => {
    sleeps.length = 0;
    const { call } = script(failure("revoked", { status: 400 }), { ok: true, value: "never" });
    await expect(retryOAuthCall(call, options)).resolves.toMatchObject({
      ok: false,
      reason: "revoked",
      attempts: 1,
    });
    expect(sleeps).toEqual([]);
  });

  it("Should give up after maxAttempts tries with the last failure", async () => {
    sleeps.length = 0;
    const results = Array.from({ length: REFRESH_RETRY.maxAttempts }, concurrent);
    const { call } = script(...results);
    await expect(retryOAuthCall(call, options)).resolves.toMatchObject({
      ok: false,
      reason: "concurrent_refresh",
      attempts: REFRESH_RETRY.maxAttempts,
    });
    expect(sleeps).toHaveLength(REFRESH_RETRY.maxAttempts - 1);
  });

  it("Should honour a custom maxAttempts and refuse a nonsensical one", async () => {
    const { call } = script(concurrent(), concurrent());
    await expect(retryOAuthCall(call, { ...options, maxAttempts: 2 })).resolves.toMatchObject({
      attempts: 2,
    });
    await expect(retryOAuthCall(call, { maxAttempts: 0 })).rejects.toThrow(RangeError);
  });

  it("Should wait with real timers by default", async () => {
    const { call } = script(failure("unavailable", { status: 503 }), { ok: true, value: "c" });
    const started = Date.now();
    await expect(retryOAuthCall(call, { random: () => 0 })).resolves.toMatchObject({
      ok: true,
      attempts: 2,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(120);
  });
});
