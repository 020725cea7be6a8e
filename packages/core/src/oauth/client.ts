import { failure, type OAuthFailure } from "./failures.ts";
import { assertSalesforceUrl } from "./hosts.ts";
import {
  parseIdentity,
  parseIntrospection,
  parseUserInfo,
  type SalesforceIdentity,
  type SalesforceUserInfo,
  type TokenIntrospection,
} from "./identity.ts";
import { createS256CodeChallenge, generateCodeVerifier, generateState } from "./pkce.ts";
import {
  buildAuthorizationUrl,
  buildCodeExchangeRequest,
  buildIdentityRequest,
  buildIntrospectRequest,
  buildRefreshRequest,
  buildRevokeRequest,
  buildUserInfoRequest,
  type Prompt,
} from "./requests.ts";
import {
  defaultFetch,
  sendJsonRequest,
  sendRevokeRequest,
  sendTokenRequest,
  type Fetch,
  type RevokeResult,
  type TokenResult,
} from "./send.ts";
import { verifySignature } from "./signature.ts";
import type { SalesforceTokens } from "./tokens.ts";

/** How the client is configured; values in, no globals read. */
export interface SalesforceOAuthClientOptions {
  clientId: string;
  clientSecret: string;
  /** Must equal the External Client App's callback URL exactly. */
  redirectUri: string;
  /** Defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: Fetch;
  /** Accept loopback http hosts (the local emulator). Local development only. */
  allowLoopback?: boolean;
  /** Check the HMAC `signature` of token responses (default true). */
  verifySignatures?: boolean;
}

/** A started authorization: send the user to `url`; keep `state` and `codeVerifier` server-side. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  codeVerifier: string;
}

/** A refresh: the tokens, and the refresh token to keep (the rotated one when Salesforce sent one). */
export type RefreshResult =
  { ok: true; tokens: SalesforceTokens; refreshToken: string; rotated: boolean } | OAuthFailure;

/**
 * The Salesforce OAuth 2.0 web-server flow with PKCE. Every method takes the connection's login
 * host (or instance URL) because Salesforce tokens belong to one host; every host is re-checked
 * before a secret or token is sent to it.
 *
 * @example
 * const client = new SalesforceOAuthClient({ clientId, clientSecret, redirectUri });
 * const loginUrl = parseLoginUrl("https://acme.my.salesforce.com");
 * const { url, state, codeVerifier } = await client.createAuthorizationRequest(loginUrl);
 * // …callback…
 * const result = await client.validateAuthorizationCode(loginUrl, code, codeVerifier);
 * if (result.ok) seal(ring, result.tokens.refreshToken!, { owner: connectionId, purpose: "refresh_token" });
 */
export class SalesforceOAuthClient {
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #redirectUri: string;
  readonly #fetch: Fetch;
  readonly #allowLoopback: boolean;
  readonly #verifySignatures: boolean;

  constructor(options: SalesforceOAuthClientOptions) {
    if (!options.clientId) throw new TypeError("clientId must be a non-empty string.");
    if (!options.clientSecret) throw new TypeError("clientSecret must be a non-empty string.");
    if (!URL.canParse(options.redirectUri))
      throw new TypeError("redirectUri must be an absolute URL.");
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#redirectUri = options.redirectUri;
    this.#fetch = options.fetch ?? defaultFetch;
    this.#allowLoopback = options.allowLoopback ?? false;
    this.#verifySignatures = options.verifySignatures ?? true;
  }

  /**
   * Creates a fresh state and PKCE verifier and the authorize URL that carries them.
   * @example const { url, state, codeVerifier } = await client.createAuthorizationRequest(loginUrl, { prompt: "login" });
   */
  async createAuthorizationRequest(
    loginUrl: URL,
    options: {
      scopes?: readonly string[];
      prompt?: Prompt | readonly Prompt[];
      loginHint?: string;
    } = {},
  ): Promise<AuthorizationRequest> {
    const state = generateState();
    const codeVerifier = generateCodeVerifier();
    const url = buildAuthorizationUrl(this.#checked(loginUrl), {
      clientId: this.#clientId,
      redirectUri: this.#redirectUri,
      state,
      codeChallenge: await createS256CodeChallenge(codeVerifier),
      ...options,
    });
    return { url, state, codeVerifier };
  }

  /**
   * Exchanges an authorization code; `invalid_grant` means a bad, reused or expired code or verifier.
   * @example const result = await client.validateAuthorizationCode(loginUrl, code, codeVerifier);
   */
  async validateAuthorizationCode(
    loginUrl: URL,
    code: string,
    codeVerifier: string,
  ): Promise<TokenResult> {
    const request = buildCodeExchangeRequest(this.#checked(loginUrl), {
      clientId: this.#clientId,
      clientSecret: this.#clientSecret,
      redirectUri: this.#redirectUri,
      code,
      codeVerifier,
    });
    return this.#tokens(request, "authorization_code");
  }

  /**
   * Refreshes the access token. `revoked` = re-authorize; `concurrent_refresh` = retry (see
   * `retryDelayMs`). Store `refreshToken` from the result: it is the rotated one when present.
   * @example const result = await client.refreshAccessToken(loginUrl, refreshToken);
   */
  async refreshAccessToken(loginUrl: URL, refreshToken: string): Promise<RefreshResult> {
    const request = buildRefreshRequest(this.#checked(loginUrl), {
      clientId: this.#clientId,
      clientSecret: this.#clientSecret,
      refreshToken,
    });
    const result = await this.#tokens(request, "refresh_token");
    if (!result.ok) return result;
    const rotated =
      result.tokens.refreshToken !== null && result.tokens.refreshToken !== refreshToken;
    return {
      ok: true,
      tokens: result.tokens,
      refreshToken: result.tokens.refreshToken ?? refreshToken,
      rotated,
    };
  }

  /**
   * Revokes an access or refresh token; `invalid_token` means it was unknown or already revoked.
   * @example await client.revokeToken(loginUrl, refreshToken);
   */
  async revokeToken(loginUrl: URL, token: string): Promise<RevokeResult> {
    return sendRevokeRequest(buildRevokeRequest(this.#checked(loginUrl), token), {
      fetch: this.#fetch,
    });
  }

  /**
   * Reads the identity URL of a token response (checked as a Salesforce host first).
   * @throws {LoginHostError} | {OAuthRequestError} | {UpstreamFetchError} | {UnexpectedResponseError}
   * @example const identity = await client.fetchIdentity(tokens.idUrl, tokens.accessToken);
   */
  async fetchIdentity(idUrl: string | URL, accessToken: string): Promise<SalesforceIdentity> {
    const request = buildIdentityRequest(this.#checked(idUrl), accessToken);
    return sendJsonRequest(request, parseIdentity, { fetch: this.#fetch });
  }

  /**
   * Reads OpenID Connect UserInfo from a login host or instance URL.
   * @throws {LoginHostError} | {OAuthRequestError} | {UpstreamFetchError} | {UnexpectedResponseError}
   * @example const info = await client.fetchUserInfo(new URL(tokens.instanceUrl), tokens.accessToken);
   */
  async fetchUserInfo(url: URL, accessToken: string): Promise<SalesforceUserInfo> {
    const request = buildUserInfoRequest(this.#checked(url), accessToken);
    return sendJsonRequest(request, parseUserInfo, { fetch: this.#fetch });
  }

  /**
   * Introspects a token (needs "Introspect All Tokens" on the app); `active: false` = dead.
   * @throws {LoginHostError} | {OAuthRequestError} | {UpstreamFetchError} | {UnexpectedResponseError}
   * @example const { active, expiresAt } = await client.introspect(new URL(tokens.instanceUrl), tokens.accessToken);
   */
  async introspect(
    url: URL,
    token: string,
    tokenTypeHint: "access_token" | "refresh_token" = "access_token",
  ): Promise<TokenIntrospection> {
    const request = buildIntrospectRequest(this.#checked(url), {
      clientId: this.#clientId,
      clientSecret: this.#clientSecret,
      token,
      tokenTypeHint,
    });
    return sendJsonRequest(request, parseIntrospection, { fetch: this.#fetch });
  }

  #checked(url: string | URL): URL {
    return assertSalesforceUrl(url, { allowLoopback: this.#allowLoopback });
  }

  async #tokens(
    request: Request,
    operation: "authorization_code" | "refresh_token",
  ): Promise<TokenResult> {
    const result = await sendTokenRequest(request, {
      operation,
      fetch: this.#fetch,
      allowLoopback: this.#allowLoopback,
    });
    if (!result.ok || !this.#verifySignatures) return result;
    if (await verifySignature(result.tokens, this.#clientSecret)) return result;
    return failure("bad_signature", {
      status: 200,
      description: "token response signature does not match",
    });
  }
}
