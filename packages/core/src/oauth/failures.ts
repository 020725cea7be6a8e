import { OAuthRequestError, UnexpectedResponseError, UpstreamFetchError } from "../errors.ts";
import { isRecord, optionalString } from "./json.ts";

/**
 * Why a token, refresh or revoke call did not succeed.
 * - `revoked`: the refresh token is no longer accepted (`invalid_grant`, e.g. "expired access/refresh
 *   token": revoked, expired by policy, evicted by the 5-approval limit, rotated out). Re-authorize.
 * - `invalid_grant`: the authorization code or PKCE verifier was refused. Restart the authorize flow.
 * - `concurrent_refresh`: "token request is already being processed". Retry shortly.
 * - `invalid_client`: the client id or secret is wrong. Fix the configuration.
 * - `invalid_token`: revoke of an unknown or already revoked token.
 * - `rate_limited`: Salesforce's login rate limit (hourly); do not retry at once.
 * - `oauth_error`: any other OAuth error body (see `error`).
 * - `unavailable`: Salesforce answered 5xx or 429 without an OAuth error. Retry with backoff.
 * - `network`: no HTTP answer at all. Retry with backoff.
 * - `unexpected`: an answer we do not understand, or a host that fails the SSRF check.
 * - `bad_signature`: the token response's HMAC signature does not match.
 */
export type OAuthFailureReason =
  | "revoked"
  | "invalid_grant"
  | "concurrent_refresh"
  | "invalid_client"
  | "invalid_token"
  | "rate_limited"
  | "oauth_error"
  | "unavailable"
  | "network"
  | "unexpected"
  | "bad_signature";

/** A routine failure as a value. Carries no token or secret. */
export interface OAuthFailure {
  ok: false;
  reason: OAuthFailureReason;
  /** True when the same request may succeed after a short wait (see `retryDelayMs`). */
  retryable: boolean;
  /** HTTP status, null when there was no answer. */
  status: number | null;
  /** The OAuth `error` code Salesforce sent, if any. */
  error: string | null;
  /** Salesforce's `error_description`, or our own explanation. */
  description: string | null;
  cause?: unknown;
}

/** Which call produced the answer; the same `invalid_grant` means different things per grant. */
export type OAuthOperation = "authorization_code" | "refresh_token" | "revoke" | "introspect";

const RETRYABLE: ReadonlySet<OAuthFailureReason> = new Set([
  "concurrent_refresh",
  "unavailable",
  "network",
]);

/**
 * Builds a failure value; `retryable` follows from the reason.
 * @example failure("network", { cause: err })
 */
export function failure(
  reason: OAuthFailureReason,
  details: {
    status?: number | null;
    error?: string | null;
    description?: string | null;
    cause?: unknown;
  } = {},
): OAuthFailure {
  const result: OAuthFailure = {
    ok: false,
    reason,
    retryable: RETRYABLE.has(reason),
    status: details.status ?? null,
    error: details.error ?? null,
    description: details.description ?? null,
  };
  if (details.cause !== undefined) result.cause = details.cause;
  return result;
}

/**
 * Classifies a non-2xx answer of an OAuth endpoint from its status and parsed body.
 * @example classifyErrorResponse(400, { error: "invalid_grant", error_description: "expired access/refresh token" }, "refresh_token").reason // "revoked"
 */
export function classifyErrorResponse(
  status: number,
  body: unknown,
  operation: OAuthOperation,
): OAuthFailure {
  const error = isRecord(body) ? optionalString(body, "error") : null;
  if (error === null || !isRecord(body)) {
    const reason = status >= 500 || status === 429 ? "unavailable" : "unexpected";
    return failure(reason, { status, description: `HTTP ${status} without an OAuth error body` });
  }
  const description = optionalString(body, "error_description");
  const details = { status, error, description };
  switch (error) {
    case "invalid_grant":
      // Since Sept 2024 Salesforce says so explicitly (release notes rn_security_refresh_token_error).
      if (description !== null && /already being processed/i.test(description)) {
        return failure("concurrent_refresh", details);
      }
      return failure(operation === "refresh_token" ? "revoked" : "invalid_grant", details);
    case "invalid_client":
    case "invalid_client_id":
    case "invalid_client_credentials":
    case "unauthorized_client":
      return failure("invalid_client", details);
    case "invalid_token":
    case "unsupported_token_type":
      return failure(operation === "revoke" ? "invalid_token" : "oauth_error", details);
    case "rate_limit_exceeded":
      return failure("rate_limited", details);
    default:
      return failure(status >= 500 ? "unavailable" : "oauth_error", details);
  }
}

/**
 * Turns a failure value into the typed error the edge maps to HTTP, for callers that want to
 * throw it. The message never contains a token.
 * @example if (!result.ok) throw failureToError(result);
 */
export function failureToError(
  value: OAuthFailure,
): OAuthRequestError | UpstreamFetchError | UnexpectedResponseError {
  if (value.reason === "network") return new UpstreamFetchError({ cause: value.cause });
  if (value.error !== null)
    return new OAuthRequestError(value.status ?? 0, value.error, value.description);
  if (value.reason === "bad_signature") {
    return new OAuthRequestError(value.status ?? 0, "bad_signature", value.description);
  }
  return new UnexpectedResponseError(value.status ?? 0, value.description ?? value.reason);
}
