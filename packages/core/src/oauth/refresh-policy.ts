/**
 * When to refresh an access token, and how to retry a refresh. Pure: the caller passes the clock.
 * Salesforce sends no `expires_in`, so expiry comes from introspection when available, else from
 * an assumed lifetime counted from `issued_at` (org default session timeout: 2 h).
 */

/** Org default session timeout; Salesforce's access tokens carry no expiry of their own. */
export const ASSUMED_ACCESS_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;
/** Refresh this long before the (assumed or introspected) expiry, as Nango does. */
export const REFRESH_MARGIN_MS = 15 * 60 * 1000;
/** After a failed refresh, wait this long before trying again (Nango's cooldown). */
export const REFRESH_FAILURE_COOLDOWN_MS = 30 * 1000;

/** What the decision looks at. Times are ms since the epoch. */
export interface RefreshDecisionInput {
  now: number;
  /** The current access token's `issued_at`, or null when there is none. */
  accessTokenIssuedAt: number | null;
  /** Refresh regardless of age, e.g. after a `401 INVALID_SESSION_ID`. Still subject to the cooldown. */
  force?: boolean;
  /** A fresh introspection of the current access token, when the app allows it. */
  introspection?: { active: boolean; expiresAt: number | null } | null;
  lastFailureAt?: number | null;
  ttlMs?: number;
  marginMs?: number;
  cooldownMs?: number;
}

/** Why the decision came out as it did: one reason per branch. */
export type RefreshReason =
  | "cooldown"
  | "forced"
  | "no_access_token"
  | "introspection_inactive"
  | "introspection_expiring"
  | "introspection_no_expiry"
  | "introspection_fresh"
  | "assumed_expiring"
  | "fresh";

/**
 * Decides whether to refresh now (Nango's `shouldRefreshCredentials` shape).
 * @example
 * shouldRefresh({ now: Date.now(), accessTokenIssuedAt: null }) // { should: true, reason: "no_access_token" }
 */
export function shouldRefresh(input: RefreshDecisionInput): {
  should: boolean;
  reason: RefreshReason;
} {
  const margin = input.marginMs ?? REFRESH_MARGIN_MS;
  const cooldown = input.cooldownMs ?? REFRESH_FAILURE_COOLDOWN_MS;
  if (input.lastFailureAt != null && input.now - input.lastFailureAt < cooldown) {
    return { should: false, reason: "cooldown" };
  }
  if (input.force === true) return { should: true, reason: "forced" };
  if (input.accessTokenIssuedAt === null) return { should: true, reason: "no_access_token" };
  const introspection = input.introspection;
  if (introspection != null) {
    if (!introspection.active) return { should: true, reason: "introspection_inactive" };
    // Nango treats a missing `exp` as expired: we cannot tell how long the token has.
    if (introspection.expiresAt === null)
      return { should: true, reason: "introspection_no_expiry" };
    if (introspection.expiresAt - margin <= input.now)
      return { should: true, reason: "introspection_expiring" };
    return { should: false, reason: "introspection_fresh" };
  }
  const expiresAt = input.accessTokenIssuedAt + (input.ttlMs ?? ASSUMED_ACCESS_TOKEN_TTL_MS);
  if (expiresAt - margin <= input.now) return { should: true, reason: "assumed_expiring" };
  return { should: false, reason: "fresh" };
}

/** Retry policy for retryable refresh failures (concurrent refresh, network, 5xx). */
export const REFRESH_RETRY = Object.freeze({
  /** Total tries including the first. */
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4000,
});

/**
 * Delay before retry number `attempt` (1 = the first retry): exponential from `baseDelayMs`,
 * capped at `maxDelayMs`, with "equal jitter" (half fixed, half random) so racing callers spread
 * out yet never retry at once.
 * @param random - returns [0, 1); injectable for tests
 * @throws {RangeError} when `attempt` is not an integer >= 1
 * @example retryDelayMs(1, () => 0) // 125
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new RangeError("attempt must be an integer >= 1");
  const ceiling = Math.min(
    REFRESH_RETRY.maxDelayMs,
    REFRESH_RETRY.baseDelayMs * 2 ** (attempt - 1),
  );
  const half = ceiling / 2;
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(half + jitter * half);
}

/**
 * True when a failure may be retried after `attempt` tries (counting the first).
 * @example shouldRetry({ retryable: true }, 1) // true
 */
export function shouldRetry(failure: { retryable: boolean }, attempt: number): boolean {
  return failure.retryable && attempt < REFRESH_RETRY.maxAttempts;
}
