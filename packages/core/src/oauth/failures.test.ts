import { describe, expect, it } from "vitest";
import { OAuthRequestError, UnexpectedResponseError, UpstreamFetchError } from "../errors.ts";
import {
  classifyErrorResponse,
  failure,
  failureToError,
  type OAuthFailureReason,
  type OAuthOperation,
} from "./failures.ts";

// Bodies as Salesforce sends them (restforce spec/fixtures, Salesforce's flow-errors page).
const EXPIRED = { error: "invalid_grant", error_description: "expired access/refresh token" };
const CONCURRENT = {
  error: "invalid_grant",
  error_description: "token request is already being processed",
};
const BAD_PASSWORD = {
  error: "invalid_grant",
  error_description: "authentication failure - Invalid Password",
};

describe("classifyErrorResponse", () => {
  it.each<[string, number, unknown, OAuthOperation, OAuthFailureReason, boolean]>([
    ["a dead refresh token", 400, EXPIRED, "refresh_token", "revoked", false],
    ["any other invalid_grant on refresh", 400, BAD_PASSWORD, "refresh_token", "revoked", false],
    ["a concurrent refresh", 400, CONCURRENT, "refresh_token", "concurrent_refresh", true],
    [
      "a bad code or verifier",
      400,
      { error: "invalid_grant", error_description: "invalid authorization code" },
      "authorization_code",
      "invalid_grant",
      false,
    ],
    [
      "wrong client credentials",
      400,
      { error: "invalid_client", error_description: "invalid client credentials" },
      "refresh_token",
      "invalid_client",
      false,
    ],
    [
      "an unknown client id",
      400,
      { error: "invalid_client_id", error_description: "client identifier invalid" },
      "authorization_code",
      "invalid_client",
      false,
    ],
    [
      "revoking an unknown token",
      400,
      { error: "invalid_token" },
      "revoke",
      "invalid_token",
      false,
    ],
    [
      "revoking an unsupported token type",
      400,
      { error: "unsupported_token_type", error_description: "this token type is not supported" },
      "revoke",
      "invalid_token",
      false,
    ],
    [
      "invalid_token outside revoke",
      400,
      { error: "invalid_token" },
      "introspect",
      "oauth_error",
      false,
    ],
    [
      "the login rate limit",
      400,
      { error: "rate_limit_exceeded", error_description: "ip/user rate limit exceeded" },
      "refresh_token",
      "rate_limited",
      false,
    ],
    [
      "another OAuth error",
      400,
      {
        error: "redirect_uri_mismatch",
        error_description: "redirect_uri must match configuration",
      },
      "authorization_code",
      "oauth_error",
      false,
    ],
    [
      "an OAuth error with a 5xx status",
      503,
      { error: "server_error" },
      "refresh_token",
      "unavailable",
      true,
    ],
    ["a 503 HTML page", 503, undefined, "refresh_token", "unavailable", true],
    ["a 429 without body", 429, undefined, "refresh_token", "unavailable", true],
    [
      "a 404 REST error array",
      404,
      [{ errorCode: "NOT_FOUND", message: "x" }],
      "refresh_token",
      "unexpected",
      false,
    ],
    ["a redirect", 302, undefined, "authorization_code", "unexpected", false],
  ])("Should classify %s", (_name, status, body, operation, reason, retryable) => {
    const result = classifyErrorResponse(status, body, operation);
    expect(result).toMatchObject({ ok: false, reason, retryable, status });
  });

  it("Should keep Salesforce's error code and description", () => {
    expect(classifyErrorResponse(400, EXPIRED, "refresh_token")).toEqual({
      ok: false,
      reason: "revoked",
      retryable: false,
      status: 400,
      error: "invalid_grant",
      description: "expired access/refresh token",
    });
  });
});

describe("failureToError", () => {
  it("Should map a network failure to UpstreamFetchError with its cause", () => {
    const cause = new TypeError("fetch failed");
    const error = failureToError(failure("network", { cause }));
    expect(error).toBeInstanceOf(UpstreamFetchError);
    expect(error.cause).toBe(cause);
  });

  it("Should map an OAuth error body to OAuthRequestError", () => {
    const error = failureToError(classifyErrorResponse(400, EXPIRED, "refresh_token"));
    expect(error).toBeInstanceOf(OAuthRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: "invalid_grant",
      description: "expired access/refresh token",
    });
  });

  it("Should map a bad signature to OAuthRequestError and the rest to UnexpectedResponseError", () => {
    expect(failureToError(failure("bad_signature", { status: 200 }))).toMatchObject({
      code: "bad_signature",
    });
    const unexpected = failureToError(
      failure("unexpected", { status: 502, description: "HTTP 502" }),
    );
    expect(unexpected).toBeInstanceOf(UnexpectedResponseError);
    expect(unexpected.message).toContain("HTTP 502");
  });
});
