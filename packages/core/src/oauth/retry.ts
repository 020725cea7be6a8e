import type { OAuthFailure } from "./failures.ts";
import { REFRESH_RETRY, retryDelayMs } from "./refresh-policy.ts";

/** Injected effects of {@link retryOAuthCall}, so tests need no timers. */
export interface RetryOptions {
  /** Waits `ms`; defaults to a setTimeout promise. */
  sleep?: (ms: number) => Promise<void>;
  /** Random source in [0, 1) for the jitter; defaults to Math.random. */
  random?: () => number;
  /** Total tries including the first; defaults to `REFRESH_RETRY.maxAttempts`. */
  maxAttempts?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs an OAuth call and repeats it, with jittered backoff, while it fails with a retryable
 * reason (`concurrent_refresh`, `network`, `unavailable`). Returns the first success or
 * non-retryable failure, or the last failure with `attempts` tries spent.
 *
 * With refresh-token rotation on, re-read the stored refresh token inside `call` on every
 * attempt: the racing request may already have rotated it, and reusing a rotated-out token
 * revokes the whole token family.
 *
 * @example
 * const result = await retryOAuthCall(async () => client.refreshAccessToken(loginUrl, await loadRefreshToken()));
 */
export async function retryOAuthCall<T extends { ok: true }>(
  call: (attempt: number) => Promise<T | OAuthFailure>,
  options: RetryOptions = {},
): Promise<(T | OAuthFailure) & { attempts: number }> {
  const maxAttempts = options.maxAttempts ?? REFRESH_RETRY.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError("maxAttempts must be an integer >= 1");
  }
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const result = await call(attempt);
    if (result.ok || !result.retryable || attempt >= maxAttempts)
      return { ...result, attempts: attempt };
    await sleep(retryDelayMs(attempt, options.random));
  }
}
