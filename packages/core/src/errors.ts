/**
 * Typed errors thrown by core. apps/edge maps them to HTTP once, in its `app.onError`.
 * Routine failures (a revoked refresh token, a concurrent refresh) are values, not throws.
 */

/** The token, revoke or introspect endpoint answered with an OAuth error body. */
export class OAuthRequestError extends Error {
  override readonly name = "OAuthRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string | null,
  ) {
    super(`OAuth request failed: ${code}${description ? ` (${description})` : ""}`);
  }
}

/** A Salesforce REST answer with an error array body (`[{errorCode, message}]`). */
export class SalesforceApiError extends Error {
  override readonly name = "SalesforceApiError";
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly apiMessage: string,
  ) {
    super(`Salesforce API error ${status} ${errorCode}: ${apiMessage}`);
  }
}

/** The request never got an HTTP answer (DNS, connection refused, reset, timeout). */
export class UpstreamFetchError extends Error {
  override readonly name = "UpstreamFetchError";
  constructor(options: { cause: unknown }) {
    super("Could not reach Salesforce", options);
  }
}

/** An HTTP answer whose shape we do not understand. */
export class UnexpectedResponseError extends Error {
  override readonly name = "UnexpectedResponseError";
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`Unexpected response from Salesforce (HTTP ${status}): ${detail}`);
  }
}

/** A login host or URL returned by Salesforce that we refuse to talk to. */
export class LoginHostError extends Error {
  override readonly name = "LoginHostError";
  constructor(
    readonly reason:
      "invalid_url" | "not_https" | "lightning_host" | "not_salesforce" | "has_credentials",
    message: string,
  ) {
    super(message);
  }
}

/** A sealed value that cannot be opened: unknown key, wrong owner/purpose, or tampered. */
export class SealingError extends Error {
  override readonly name = "SealingError";
  constructor(
    readonly reason:
      "malformed" | "unknown_key" | "unsupported_version" | "auth_failed" | "bad_key_ring",
    message: string,
  ) {
    super(message);
  }
}
