/**
 * The only functions that call fetch. Each takes a built Request and the fetch to use, reads the
 * whole answer and classifies it: token, refresh and revoke as values, the rest as typed errors.
 */
import {
  OAuthRequestError,
  SalesforceApiError,
  UnexpectedResponseError,
  UpstreamFetchError,
} from "../errors.ts";
import {
  classifyErrorResponse,
  failure,
  type OAuthFailure,
  type OAuthOperation,
} from "./failures.ts";
import type { HostCheckOptions } from "./hosts.ts";
import type { Parsed } from "./identity.ts";
import { isRecord, optionalString, parseJson } from "./json.ts";
import { parseTokenResponse, type SalesforceTokens } from "./tokens.ts";

/** The part of `fetch` core uses; `globalThis.fetch` and test fakes both fit. */
export type Fetch = (request: Request) => Promise<Response>;

/** Calls the global fetch at call time (a detached `fetch` reference throws in Workers). */
export const defaultFetch: Fetch = (request) => globalThis.fetch(request);

/** A token endpoint answer: checked tokens, or why not. */
export type TokenResult = { ok: true; tokens: SalesforceTokens } | OAuthFailure;

/** A revoke answer. */
export type RevokeResult = { ok: true } | OAuthFailure;

type Answer = { ok: true; status: number; text: string } | { ok: false; failure: OAuthFailure };

async function exchange(request: Request, fetchFn: Fetch): Promise<Answer> {
  try {
    const response = await fetchFn(request);
    return { ok: true, status: response.status, text: await response.text() };
  } catch (cause) {
    return {
      ok: false,
      failure: failure("network", { description: "Could not reach Salesforce", cause }),
    };
  }
}

/**
 * Sends a code-exchange or refresh request and classifies the answer.
 * @example const result = await sendTokenRequest(buildRefreshRequest(loginUrl, params), { operation: "refresh_token" });
 */
export async function sendTokenRequest(
  request: Request,
  options: HostCheckOptions & { operation: OAuthOperation; fetch?: Fetch },
): Promise<TokenResult> {
  const answer = await exchange(request, options.fetch ?? defaultFetch);
  if (!answer.ok) return answer.failure;
  const { status, text } = answer;
  if (status < 200 || status > 299)
    return classifyErrorResponse(status, parseJson(text), options.operation);
  const parsed = parseTokenResponse(parseJson(text), options);
  if (!parsed.ok)
    return failure("unexpected", { status, description: parsed.detail, cause: parsed.cause });
  return { ok: true, tokens: parsed.tokens };
}

/**
 * Sends a revoke request: `200` is success, anything else a failure value
 * (`invalid_token` for an unknown or already revoked token).
 * @example await sendRevokeRequest(buildRevokeRequest(loginUrl, refreshToken));
 */
export async function sendRevokeRequest(
  request: Request,
  options: { fetch?: Fetch } = {},
): Promise<RevokeResult> {
  const answer = await exchange(request, options.fetch ?? defaultFetch);
  if (!answer.ok) return answer.failure;
  if (answer.status >= 200 && answer.status <= 299) return { ok: true };
  return classifyErrorResponse(answer.status, parseJson(answer.text), "revoke");
}

/**
 * Sends an identity, userinfo or introspection request and parses the JSON answer.
 * @throws {UpstreamFetchError} when there is no answer
 * @throws {OAuthRequestError} for an OAuth error body or a bare code such as `Bad_OAuth_Token`
 * @throws {SalesforceApiError} for a REST error array (`[{errorCode, message}]`)
 * @throws {UnexpectedResponseError} for anything else
 * @example const identity = await sendJsonRequest(buildIdentityRequest(idUrl, token), parseIdentity);
 */
export async function sendJsonRequest<T>(
  request: Request,
  parse: (body: unknown) => Parsed<T>,
  options: { fetch?: Fetch } = {},
): Promise<T> {
  const answer = await exchange(request, options.fetch ?? defaultFetch);
  if (!answer.ok) throw new UpstreamFetchError({ cause: answer.failure.cause });
  const { status, text } = answer;
  const body = parseJson(text);
  if (status < 200 || status > 299) throw errorFromBody(status, body, text);
  const parsed = parse(body);
  if (!parsed.ok) throw new UnexpectedResponseError(status, parsed.detail);
  return parsed.value;
}

function errorFromBody(status: number, body: unknown, text: string): Error {
  const error = isRecord(body) ? optionalString(body, "error") : null;
  if (isRecord(body) && error !== null) {
    return new OAuthRequestError(status, error, optionalString(body, "error_description"));
  }
  const first: unknown = Array.isArray(body) ? body[0] : undefined;
  if (isRecord(first)) {
    const errorCode = optionalString(first, "errorCode");
    if (errorCode !== null)
      return new SalesforceApiError(status, errorCode, optionalString(first, "message") ?? "");
  }
  // The identity URL answers a bad token with a bare `Bad_OAuth_Token` text body.
  const bare = text.trim();
  if (/^[A-Za-z_]{1,64}$/.test(bare)) return new OAuthRequestError(status, bare, null);
  return new UnexpectedResponseError(status, "error answer in an unknown format");
}
