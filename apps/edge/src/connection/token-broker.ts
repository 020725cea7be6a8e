import { SealingError } from "@portal/core/errors";
import {
  retryDelayMs,
  shouldRefresh,
  shouldRetry,
  type OAuthFailure,
  type SalesforceOAuthClient,
} from "@portal/core/oauth";
import { recordAudit } from "../db/audit.ts";
import { createDb, type Db } from "../db/client.ts";
import {
  getConnectionById,
  markStatus,
  recordLastError,
  recordRefresh,
  type ConnectionRow,
} from "../db/connections.ts";
import { openFor, PURPOSE, sealFor } from "./secrets.ts";

/** An access token handed to callers; `issuedAt` is Salesforce's `issued_at` (ms). */
export type AccessToken = { accessToken: string; instanceUrl: string; issuedAt: number };

/** Why no access token could be had; the Worker maps codes to HTTP (409, 502, ...). */
export type AccessTokenFailureCode =
  "not_found" | "not_authorized" | "needs_reauth" | "refresh_failed" | "salesforce_unavailable";

/** Why there is no token, as a value. */
export type AccessTokenFailure = { ok: false; code: AccessTokenFailureCode; message: string };

/** The broker's answer: a value, never a throw, so it crosses Durable Object RPC intact. */
export type AccessTokenResult = ({ ok: true } & AccessToken) | AccessTokenFailure;

/** What the broker needs from the outside world; injected so tests can drive each branch. */
export type TokenBrokerDeps = {
  env: Pick<Env, "DB" | "SEALING_KEYS">;
  connectionId: string;
  client: Pick<SalesforceOAuthClient, "refreshAccessToken">;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * A forced refresh (after a 401) waits this long before asking Salesforce, so that a fleet of
 * consumers that got the 401 at the same time shares one refresh (one login at Salesforce,
 * which counts and rate-limits them) instead of racing into "already being processed".
 */
export const FORCED_REFRESH_COALESCE_MS = 100;

// A re-authorization or revoke between reading the row and storing the refresh makes the store
// a no-op; the refresh starts over from the new row this many times at most.
const MAX_ROW_CHANGES = 2;

function fail(code: AccessTokenFailureCode, message: string): AccessTokenFailure {
  return { ok: false, code, message };
}

/**
 * The token broker of one connection, living in its Durable Object: hands out the cached access
 * token while fresh, refreshes once for all concurrent callers (forced ones too: a call that
 * arrives while a refresh is in flight, or while a forced one gathers callers, shares it), retries "token request is already being
 * processed" with core's backoff, stores a rotated refresh token (sealed) in the same D1 write as
 * `lastRefreshAt`, and turns a refused refresh token into `needs_reauth`.
 * @example
 * const broker = new TokenBroker({ env, connectionId, client: oauthClientFor(env) });
 * const result = await broker.getAccessToken({ force: true });
 */
export class TokenBroker {
  readonly #deps: TokenBrokerDeps;
  readonly #db: Db;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  // When the cached token came into existence (broker clock): no caller whose request began at or
  // before that moment can hold it, so a forced call from then on is served by it.
  #cached: { token: AccessToken; obtainedAt: number } | null = null;
  #inFlight: Promise<AccessTokenResult> | null = null;
  #lastFailure: { at: number; result: AccessTokenResult } | null = null;

  constructor(deps: TokenBrokerDeps) {
    this.#deps = deps;
    this.#db = createDb(deps.env.DB);
    this.#now = deps.now ?? Date.now;
    this.#sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * A fresh access token, refreshing when stale, forced, or nothing is cached. `requestedAt` (ms,
   * when the caller's request began) lets a forced call take a token obtained after that moment:
   * it is newer than any token the caller can hold.
   */
  getAccessToken(
    options: { force?: boolean; requestedAt?: number } = {},
  ): Promise<AccessTokenResult> {
    // Set synchronously below, so every call arriving during a refresh joins it.
    if (this.#inFlight) return this.#inFlight;
    const cached = this.#cached;
    const force = options.force === true;
    if (
      force &&
      cached &&
      options.requestedAt !== undefined &&
      // `>=`: Workers' clock only moves on I/O, so a late caller may share the millisecond.
      cached.obtainedAt >= options.requestedAt
    ) {
      return Promise.resolve({ ok: true, ...cached.token });
    }
    const now = this.#now();
    const decision = shouldRefresh({
      now,
      accessTokenIssuedAt: cached?.token.issuedAt ?? null,
      force,
      lastFailureAt: this.#lastFailure?.at ?? null,
    });
    if (!decision.should) {
      if (decision.reason === "cooldown" && (force || !cached) && this.#lastFailure) {
        return Promise.resolve(this.#lastFailure.result);
      }
      if (cached) return Promise.resolve({ ok: true, ...cached.token });
    }
    const refresh = this.#refresh(force).finally(() => {
      this.#inFlight = null;
    });
    this.#inFlight = refresh;
    return refresh;
  }

  /** Drops the cached access token and failure memory (after re-authorize, revoke, delete). */
  forget(): void {
    this.#cached = null;
    this.#lastFailure = null;
  }

  async #refresh(forced: boolean): Promise<AccessTokenResult> {
    const { connectionId, env } = this.#deps;
    // Callers hit by the same expired token ask within moments of each other; they all join this one.
    if (forced) await this.#sleep(FORCED_REFRESH_COALESCE_MS);
    for (let attempt = 1, changed = 0; ;) {
      // Re-read on every attempt: with rotation, a racing refresh may already have stored a new
      // token, and reusing a rotated-out one revokes the whole token family.
      const row = await getConnectionById(this.#db, connectionId);
      if (!row) return fail("not_found", "No such connection.");
      if (row.status === "needs_reauth") {
        return fail(
          "needs_reauth",
          "Salesforce refused the refresh token; authorize the connection again.",
        );
      }
      if (row.status !== "authorized" || !row.sealedRefreshToken) {
        return fail("not_authorized", "The connection is not authorized.");
      }
      let refreshToken: string;
      try {
        refreshToken = await openFor(
          env,
          connectionId,
          PURPOSE.refreshToken,
          row.sealedRefreshToken,
        );
      } catch (error) {
        if (!(error instanceof SealingError)) throw error;
        return this.#unopenable(row, error);
      }
      const result = await this.#deps.client.refreshAccessToken(
        new URL(row.loginUrl),
        refreshToken,
      );
      if (!result.ok) {
        if (!shouldRetry(result, attempt)) return this.#failed(row, result);
        await this.#sleep(retryDelayMs(attempt));
        attempt++;
        continue;
      }
      const rotatedSealed = result.rotated
        ? await sealFor(env, connectionId, PURPOSE.refreshToken, result.refreshToken)
        : null;
      const stored = await recordRefresh(this.#db, connectionId, {
        refreshedSealed: row.sealedRefreshToken,
        at: new Date(this.#now()),
        instanceUrl: result.tokens.instanceUrl,
        rotatedSealed,
      });
      if (!stored) {
        // Re-authorized, revoked or deleted meanwhile: start over from the new row, once.
        if (++changed >= MAX_ROW_CHANGES) {
          return fail("refresh_failed", "The connection changed during the refresh; try again.");
        }
        continue;
      }
      const token: AccessToken = {
        accessToken: result.tokens.accessToken,
        instanceUrl: result.tokens.instanceUrl,
        issuedAt: result.tokens.issuedAt,
      };
      this.#cached = { token, obtainedAt: this.#now() };
      this.#lastFailure = null;
      return { ok: true, ...token };
    }
  }

  async #failed(row: ConnectionRow, failure: OAuthFailure): Promise<AccessTokenResult> {
    this.#cached = null;
    if (failure.reason === "revoked") {
      const message = "Salesforce refused the refresh token (revoked or expired); authorize again.";
      await markStatus(this.#db, row.id, "needs_reauth", { code: "needs_reauth", message });
      await this.#audit(row, { reason: failure.reason, error: failure.error });
      return fail("needs_reauth", message);
    }
    const unavailable = failure.retryable || failure.reason === "rate_limited";
    const message = unavailable
      ? `Salesforce is not answering the refresh (${failure.reason}); try again later.`
      : `Salesforce refused the refresh (${failure.error ?? failure.reason}).`;
    const result = fail(unavailable ? "salesforce_unavailable" : "refresh_failed", message);
    this.#lastFailure = { at: this.#now(), result };
    await recordLastError(this.#db, row.id, { code: result.code, message });
    await this.#audit(row, {
      reason: failure.reason,
      error: failure.error,
      status: failure.status,
    });
    return result;
  }

  async #unopenable(row: ConnectionRow, error: SealingError): Promise<AccessTokenResult> {
    const message =
      "The stored refresh token cannot be opened (sealing key missing?); authorize again.";
    await markStatus(this.#db, row.id, "error", { code: "sealing_failed", message });
    await this.#audit(row, { reason: `sealing_${error.reason}` });
    return fail("not_authorized", message);
  }

  async #audit(row: ConnectionRow, details: Record<string, unknown>): Promise<void> {
    await recordAudit(this.#db, {
      organizationId: row.organizationId,
      actor: "system",
      action: "connection.refresh_failed",
      target: `connection:${row.id}`,
      details: { code: row.code, ...details },
    });
  }
}
