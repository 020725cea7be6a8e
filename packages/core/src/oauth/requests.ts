/**
 * Pure builders for every Salesforce OAuth request: they return a URL or a Request and never
 * call fetch. Senders (send.ts) do the I/O.
 */

/** `prompt` values Salesforce documents for the web server flow. */
export type Prompt = "login" | "consent" | "select_account";

/** Scopes the product asks for: REST API, a refresh token, the identity URL. */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze(["api", "refresh_token", "id"]);

const PROMPTS: ReadonlySet<string> = new Set<Prompt>(["login", "consent", "select_account"]);

/** Everything the authorize URL carries. */
export interface AuthorizationUrlParams {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** Defaults to {@link DEFAULT_SCOPES}. */
  scopes?: readonly string[];
  /** One prompt, or several (sent space-separated; Salesforce's handling of combinations is unverified). */
  prompt?: Prompt | readonly Prompt[] | null;
  /** Pre-fills the username on the login page. */
  loginHint?: string | null;
}

/**
 * Builds `GET {loginUrl}/services/oauth2/authorize` for the web server flow with PKCE (S256).
 * @throws {TypeError} on an empty or whitespace scope, or an unknown prompt
 * @example
 * buildAuthorizationUrl(new URL("https://login.salesforce.com"), {
 *   clientId, redirectUri, state, codeChallenge, prompt: "consent",
 * });
 */
export function buildAuthorizationUrl(loginUrl: URL, params: AuthorizationUrlParams): URL {
  const scopes = params.scopes ?? DEFAULT_SCOPES;
  if (scopes.length === 0 || scopes.some((scope) => !/^[\x21-\x7e]+$/.test(scope))) {
    throw new TypeError("Scopes must be a non-empty list of words without spaces.");
  }
  const prompts =
    params.prompt == null
      ? []
      : typeof params.prompt === "string"
        ? [params.prompt]
        : params.prompt;
  for (const prompt of prompts) {
    if (!PROMPTS.has(prompt)) {
      throw new TypeError(`Unknown prompt "${prompt}": use login, consent or select_account.`);
    }
  }
  const url = endpoint(loginUrl, "/services/oauth2/authorize");
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", required("clientId", params.clientId));
  url.searchParams.set("redirect_uri", required("redirectUri", params.redirectUri));
  url.searchParams.set("state", required("state", params.state));
  url.searchParams.set("code_challenge", required("codeChallenge", params.codeChallenge));
  // Salesforce implies S256; sending it explicitly is what arctic's Salesforce provider did.
  url.searchParams.set("code_challenge_method", "S256");
  url.searchParams.set("scope", scopes.join(" "));
  if (prompts.length > 0) url.searchParams.set("prompt", [...new Set(prompts)].join(" "));
  if (params.loginHint) url.searchParams.set("login_hint", params.loginHint);
  return url;
}

/** Client credentials sent in the form body (client_secret_post). */
export interface ClientSecretParams {
  clientId: string;
  clientSecret: string;
}

/**
 * Builds the authorization-code exchange: `POST /services/oauth2/token`.
 * @example buildCodeExchangeRequest(loginUrl, { clientId, clientSecret, redirectUri, code, codeVerifier })
 */
export function buildCodeExchangeRequest(
  loginUrl: URL,
  params: ClientSecretParams & { redirectUri: string; code: string; codeVerifier: string },
): Request {
  return formPost(endpoint(loginUrl, "/services/oauth2/token"), {
    grant_type: "authorization_code",
    code: required("code", params.code),
    client_id: required("clientId", params.clientId),
    client_secret: required("clientSecret", params.clientSecret),
    redirect_uri: required("redirectUri", params.redirectUri),
    code_verifier: required("codeVerifier", params.codeVerifier),
  });
}

/**
 * Builds a refresh grant: `POST /services/oauth2/token` with `grant_type=refresh_token`.
 * @example buildRefreshRequest(loginUrl, { clientId, clientSecret, refreshToken })
 */
export function buildRefreshRequest(
  loginUrl: URL,
  params: ClientSecretParams & { refreshToken: string },
): Request {
  return formPost(endpoint(loginUrl, "/services/oauth2/token"), {
    grant_type: "refresh_token",
    refresh_token: required("refreshToken", params.refreshToken),
    client_id: required("clientId", params.clientId),
    client_secret: required("clientSecret", params.clientSecret),
  });
}

/**
 * Builds `POST /services/oauth2/revoke` for an access or refresh token (a refresh token also
 * revokes every access token issued from it).
 * @example buildRevokeRequest(loginUrl, refreshToken)
 */
export function buildRevokeRequest(loginUrl: URL, token: string): Request {
  return formPost(endpoint(loginUrl, "/services/oauth2/revoke"), {
    token: required("token", token),
  });
}

/**
 * Builds `POST /services/oauth2/introspect` (needs "Introspect All Tokens" on the app).
 * @example buildIntrospectRequest(instanceUrl, { clientId, clientSecret, token, tokenTypeHint: "access_token" })
 */
export function buildIntrospectRequest(
  url: URL,
  params: ClientSecretParams & { token: string; tokenTypeHint?: "access_token" | "refresh_token" },
): Request {
  return formPost(endpoint(url, "/services/oauth2/introspect"), {
    token: required("token", params.token),
    token_type_hint: params.tokenTypeHint ?? "access_token",
    client_id: required("clientId", params.clientId),
    client_secret: required("clientSecret", params.clientSecret),
  });
}

/**
 * Builds `GET {id}` for the identity URL a token response returned.
 * @example buildIdentityRequest(new URL(tokens.idUrl), tokens.accessToken)
 */
export function buildIdentityRequest(idUrl: URL, accessToken: string): Request {
  return bearerGet(new URL(idUrl.href), accessToken);
}

/**
 * Builds `GET /services/oauth2/userinfo` on a login host or instance URL.
 * @example buildUserInfoRequest(instanceUrl, accessToken)
 */
export function buildUserInfoRequest(url: URL, accessToken: string): Request {
  return bearerGet(endpoint(url, "/services/oauth2/userinfo"), accessToken);
}

function endpoint(base: URL, path: string): URL {
  return new URL(path, base.origin);
}

function formPost(url: URL, fields: Record<string, string>): Request {
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(fields).toString(),
    // A redirect must never carry the client secret or a token to another host.
    redirect: "manual",
  });
}

function bearerGet(url: URL, accessToken: string): Request {
  return new Request(url, {
    method: "GET",
    headers: {
      Authorization: `Bearer ${required("accessToken", accessToken)}`,
      Accept: "application/json",
    },
    redirect: "manual",
  });
}

function required(name: string, value: string): string {
  if (typeof value !== "string" || value === "")
    throw new TypeError(`${name} must be a non-empty string.`);
  return value;
}
