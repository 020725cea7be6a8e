/** Scopes Salesforce documents for connected apps (the emulator grants what is asked). */
export const SUPPORTED_SCOPES = new Set([
  "api",
  "refresh_token",
  "offline_access",
  "id",
  "openid",
  "profile",
  "email",
  "address",
  "phone",
  "full",
  "web",
  "chatter_api",
  "custom_permissions",
  "wave_api",
  "visualforce",
  "content",
  "lightning",
  "eclair_api",
  "pardot_api",
  "cdp_api",
  "cdp_query_api",
  "sfap_api",
  "interaction_api",
]);

/** Requested when the authorize URL has no `scope`. */
export const DEFAULT_SCOPE = "api refresh_token id";

/** Splits a scope string; `undefined` when a scope is unknown. */
export function parseScope(scope: string | null): string[] | undefined {
  const scopes = [...new Set((scope ?? DEFAULT_SCOPE).split(/[\s+]+/).filter(Boolean))];
  if (scopes.length === 0) return parseScope(DEFAULT_SCOPE);
  return scopes.every((s) => SUPPORTED_SCOPES.has(s)) ? scopes : undefined;
}

/** Whether the scopes grant a refresh token. */
export function grantsRefresh(scope: string): boolean {
  const scopes = scope.split(" ");
  return scopes.includes("refresh_token") || scopes.includes("offline_access");
}
