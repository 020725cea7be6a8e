import { describe, expect, it } from "vitest";
import {
  ASSUMED_ACCESS_TOKEN_TTL_MS,
  REFRESH_FAILURE_COOLDOWN_MS,
  REFRESH_MARGIN_MS,
  REFRESH_RETRY,
  retryDelayMs,
  shouldRefresh,
  shouldRetry,
} from "./refresh-policy.ts";

const NOW = 1_700_000_000_000;
const FRESH = NOW - 60_000;

describe("shouldRefresh", () => {
  it("Should wait during the cooldown after a failure, even when forced", () => {
    const lastFailureAt = NOW - REFRESH_FAILURE_COOLDOWN_MS + 1;
    expect(
      shouldRefresh({ now: NOW, accessTokenIssuedAt: null, force: true, lastFailureAt }),
    ).toEqual({
      should: false,
      reason: "cooldown",
    });
  });

  it("Should refresh when forced after the cooldown", () => {
    const lastFailureAt = NOW - REFRESH_FAILURE_COOLDOWN_MS;
    expect(
      shouldRefresh({ now: NOW, accessTokenIssuedAt: FRESH, force: true, lastFailureAt }),
    ).toEqual({
      should: true,
      reason: "forced",
    });
  });

  it("Should refresh when there is no access token", () => {
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: null })).toEqual({
      should: true,
      reason: "no_access_token",
    });
  });

  it("Should refresh when introspection says the token is inactive", () => {
    const introspection = { active: false, expiresAt: null };
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: FRESH, introspection })).toEqual({
      should: true,
      reason: "introspection_inactive",
    });
  });

  it("Should refresh when introspection gives no expiry", () => {
    const introspection = { active: true, expiresAt: null };
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: FRESH, introspection }).reason).toBe(
      "introspection_no_expiry",
    );
  });

  it("Should refresh within the margin of the introspected expiry, and not before", () => {
    const expiring = { active: true, expiresAt: NOW + REFRESH_MARGIN_MS };
    expect(
      shouldRefresh({ now: NOW, accessTokenIssuedAt: FRESH, introspection: expiring }),
    ).toEqual({
      should: true,
      reason: "introspection_expiring",
    });
    const fresh = { active: true, expiresAt: NOW + REFRESH_MARGIN_MS + 1 };
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: FRESH, introspection: fresh })).toEqual({
      should: false,
      reason: "introspection_fresh",
    });
  });

  it("Should refresh within the margin of the assumed two-hour lifetime, and not before", () => {
    const edge = NOW - ASSUMED_ACCESS_TOKEN_TTL_MS + REFRESH_MARGIN_MS;
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: edge })).toEqual({
      should: true,
      reason: "assumed_expiring",
    });
    expect(shouldRefresh({ now: NOW, accessTokenIssuedAt: edge + 1 })).toEqual({
      should: false,
      reason: "fresh",
    });
  });

  it("Should honour a custom lifetime and margin", () => {
    // Issued 50 s ago with a 60 s lifetime: 10 s left.
    const input = { now: NOW, accessTokenIssuedAt: NOW - 50_000, ttlMs: 60_000 };
    expect(shouldRefresh({ ...input, marginMs: 10_000 }).reason).toBe("assumed_expiring");
    expect(shouldRefresh({ ...input, marginMs: 9_999 }).reason).toBe("fresh");
  });
});

describe("retryDelayMs", () => {
  it("Should grow exponentially and stay within [half, full] of each step", () => {
    const low = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0));
    const high = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0.999999));
    expect(low).toEqual([125, 250, 500, 1000]);
    expect(high).toEqual([250, 500, 1000, 2000]);
  });

  it("Should cap the delay at maxDelayMs", () => {
    expect(retryDelayMs(30, () => 0.999999)).toBe(REFRESH_RETRY.maxDelayMs);
    expect(retryDelayMs(30, () => 0)).toBe(REFRESH_RETRY.maxDelayMs / 2);
  });

  it("Should spread delays with the random source", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(500);
  });

  it.each([0, -1, 1.5, Number.NaN])("Should refuse the attempt %s", (attempt) => {
    expect(() => retryDelayMs(attempt)).toThrow(RangeError);
  });
});

describe("shouldRetry", () => {
  it("Should retry retryable failures until maxAttempts tries were made", () => {
    expect(shouldRetry({ retryable: true }, 1)).toBe(true);
    expect(shouldRetry({ retryable: true }, REFRESH_RETRY.maxAttempts - 1)).toBe(true);
    expect(shouldRetry({ retryable: true }, REFRESH_RETRY.maxAttempts)).toBe(false);
    expect(shouldRetry({ retryable: false }, 1)).toBe(false);
  });
});
