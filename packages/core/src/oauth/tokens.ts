import { LoginHostError } from "../errors.ts";
import { assertSalesforceUrl, type HostCheckOptions } from "./hosts.ts";
import { isRecord, optionalString } from "./json.ts";

/**
 * A checked Salesforce token response. Salesforce sends no `expires_in`: the access token lives
 * for the org's session timeout (default 2 h) counted from its last use.
 */
export interface SalesforceTokens {
  accessToken: string;
  /** Present on the code grant with the `refresh_token` scope, and on a refresh only under rotation. */
  refreshToken: string | null;
  /** API base of the org, already checked as a Salesforce host (origin, no trailing slash). */
  instanceUrl: string;
  /** Identity URL `…/id/{orgId}/{userId}`, already checked as a Salesforce host. */
  idUrl: string;
  /** When Salesforce signed the response, ms since the epoch. */
  issuedAt: number;
  /** base64 HMAC-SHA256 of `id + issued_at`, keyed with the client secret. */
  signature: string | null;
  /** Granted scopes, or null when the response has no `scope`. */
  scopes: readonly string[] | null;
  tokenType: string | null;
  idToken: string | null;
  /** The whole response as received (keeps `issued_at` as text for signature checks). */
  raw: Readonly<Record<string, unknown>>;
}

/** The outcome of checking a token response body. */
export type ParsedTokens =
  { ok: true; tokens: SalesforceTokens } | { ok: false; detail: string; cause?: unknown };

/**
 * Checks a token endpoint's JSON body field by field and returns the tokens, or why not.
 * `instance_url` and `id` must pass {@link assertSalesforceUrl} (SSRF guard).
 * @example
 * const parsed = parseTokenResponse(await response.json());
 * if (parsed.ok) parsed.tokens.instanceUrl; // "https://acme.my.salesforce.com"
 */
export function parseTokenResponse(body: unknown, options: HostCheckOptions = {}): ParsedTokens {
  if (!isRecord(body)) return { ok: false, detail: "token response is not a JSON object" };
  const accessToken = optionalString(body, "access_token");
  if (!accessToken) return { ok: false, detail: "token response has no access_token" };
  const refreshToken =
    body.refresh_token === undefined ? null : optionalString(body, "refresh_token");
  if (refreshToken === "" || (body.refresh_token !== undefined && refreshToken === null)) {
    return { ok: false, detail: "token response has an invalid refresh_token" };
  }
  const issuedAt = readIssuedAt(body.issued_at);
  if (issuedAt === null) return { ok: false, detail: "token response has no valid issued_at" };
  const instanceUrl = checkedUrl(body, "instance_url", options);
  if (!instanceUrl.ok) return instanceUrl;
  const idUrl = checkedUrl(body, "id", options);
  if (!idUrl.ok) return idUrl;
  const scope = optionalString(body, "scope");
  return {
    ok: true,
    tokens: {
      accessToken,
      refreshToken,
      instanceUrl: instanceUrl.url.origin,
      idUrl: idUrl.url.href,
      issuedAt,
      signature: optionalString(body, "signature"),
      scopes: scope === null ? null : scope.split(" ").filter((word) => word !== ""),
      tokenType: optionalString(body, "token_type"),
      idToken: optionalString(body, "id_token"),
      raw: Object.freeze({ ...body }),
    },
  };
}

function readIssuedAt(value: unknown): number | null {
  // Salesforce sends a string of milliseconds; accept a number too.
  const ms = typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof ms === "number" && Number.isSafeInteger(ms) && ms > 0 ? ms : null;
}

function checkedUrl(
  body: Record<string, unknown>,
  key: string,
  options: HostCheckOptions,
): { ok: true; url: URL } | { ok: false; detail: string; cause?: unknown } {
  const value = optionalString(body, key);
  if (!value) return { ok: false, detail: `token response has no ${key}` };
  try {
    return { ok: true, url: assertSalesforceUrl(value, options) };
  } catch (error) {
    if (!(error instanceof LoginHostError)) throw error;
    return { ok: false, detail: `token response ${key} refused: ${error.message}`, cause: error };
  }
}
