import { isRecord, optionalString } from "./json.ts";

/** A checked parse: the value, or a short reason that names no token. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** The identity URL's answer (`GET {id}`), the fields the portal shows. */
export interface SalesforceIdentity {
  userId: string;
  organizationId: string;
  username: string;
  displayName: string | null;
  email: string | null;
  userType: string | null;
  /** Not documented by Salesforce for every org; null when absent. */
  active: boolean | null;
  raw: Readonly<Record<string, unknown>>;
}

/** The OpenID Connect UserInfo answer (`GET /services/oauth2/userinfo`). */
export interface SalesforceUserInfo {
  sub: string | null;
  userId: string;
  organizationId: string;
  preferredUsername: string | null;
  name: string | null;
  email: string | null;
  raw: Readonly<Record<string, unknown>>;
}

/** The introspection answer (RFC 7662): only `active` is always present. */
export interface TokenIntrospection {
  active: boolean;
  /** `exp` converted to ms since the epoch; null when absent. */
  expiresAt: number | null;
  issuedAt: number | null;
  scopes: readonly string[] | null;
  username: string | null;
  clientId: string | null;
  tokenType: string | null;
  raw: Readonly<Record<string, unknown>>;
}

/**
 * Checks an identity URL answer.
 * @example parseIdentity({ user_id: "005…", organization_id: "00D…", username: "a@b.c" })
 */
export function parseIdentity(body: unknown): Parsed<SalesforceIdentity> {
  if (!isRecord(body)) return { ok: false, detail: "identity is not a JSON object" };
  const userId = optionalString(body, "user_id");
  const organizationId = optionalString(body, "organization_id");
  const username = optionalString(body, "username");
  if (!userId || !organizationId || !username) {
    return { ok: false, detail: "identity lacks user_id, organization_id or username" };
  }
  return {
    ok: true,
    value: {
      userId,
      organizationId,
      username,
      displayName: optionalString(body, "display_name"),
      email: optionalString(body, "email"),
      userType: optionalString(body, "user_type"),
      active: typeof body.active === "boolean" ? body.active : null,
      raw: Object.freeze({ ...body }),
    },
  };
}

/**
 * Checks a UserInfo answer.
 * @example parseUserInfo({ sub: "https://login.salesforce.com/id/00D…/005…", user_id: "005…", organization_id: "00D…" })
 */
export function parseUserInfo(body: unknown): Parsed<SalesforceUserInfo> {
  if (!isRecord(body)) return { ok: false, detail: "userinfo is not a JSON object" };
  const userId = optionalString(body, "user_id");
  const organizationId = optionalString(body, "organization_id");
  if (!userId || !organizationId)
    return { ok: false, detail: "userinfo lacks user_id or organization_id" };
  return {
    ok: true,
    value: {
      sub: optionalString(body, "sub"),
      userId,
      organizationId,
      preferredUsername: optionalString(body, "preferred_username"),
      name: optionalString(body, "name"),
      email: optionalString(body, "email"),
      raw: Object.freeze({ ...body }),
    },
  };
}

/**
 * Checks an introspection answer; `exp`/`iat` (seconds) become ms.
 * @example parseIntrospection({ active: true, exp: 1700000000 }).ok // true
 */
export function parseIntrospection(body: unknown): Parsed<TokenIntrospection> {
  if (!isRecord(body) || typeof body.active !== "boolean") {
    return { ok: false, detail: "introspection answer has no boolean active" };
  }
  const scope = optionalString(body, "scope");
  return {
    ok: true,
    value: {
      active: body.active,
      expiresAt: secondsToMs(body.exp),
      issuedAt: secondsToMs(body.iat),
      scopes: scope === null ? null : scope.split(" ").filter((word) => word !== ""),
      username: optionalString(body, "username"),
      clientId: optionalString(body, "client_id"),
      tokenType: optionalString(body, "token_type"),
      raw: Object.freeze({ ...body }),
    },
  };
}

/**
 * Reads the org and user ids from an identity URL (`…/id/{orgId}/{userId}`), or null.
 * @example parseIdUrl("https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P")
 * // { orgId: "00Dx0000000BV7z", userId: "005x00000012Q9P" }
 */
export function parseIdUrl(idUrl: string): { orgId: string; userId: string } | null {
  let path: string;
  try {
    path = new URL(idUrl).pathname;
  } catch {
    return null;
  }
  const match = /^\/id\/([A-Za-z0-9]+)\/([A-Za-z0-9]+)\/?$/.exec(path);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : null;
}

function secondsToMs(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0
    ? Math.round(value * 1000)
    : null;
}
