import { readConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { ConnectionRow } from "../db/connections.ts";
import { insertOAuthState } from "../db/oauth-states.ts";
import { sha256Hex } from "../sha256.ts";
import { oauthClientFor, PURPOSE, sealFor } from "./secrets.ts";

/** How long an authorization may take from the button to the callback. */
export const AUTHORIZATION_TTL_MS = 10 * 60 * 1000;

/**
 * Starts Salesforce's web-server flow with PKCE for a connection: stores the state (by its hash)
 * with the sealed verifier, bound to the connection, tenant and starter, single use, 10 minutes,
 * and returns the authorize URL on the connection's login host.
 * @example
 * const authorizeUrl = await startAuthorization(env, db, {
 *   connection,
 *   startedBy: { userId, apiKeyId: null, actor: "ada@example.com" },
 *   returnTo: null,
 * });
 */
export async function startAuthorization(
  env: Env,
  db: Db,
  input: {
    connection: ConnectionRow;
    startedBy: { userId: string | null; apiKeyId: string | null; actor: string };
    returnTo: string | null;
    now?: number;
  },
): Promise<string> {
  const { connection } = input;
  const request = await oauthClientFor(env).createAuthorizationRequest(
    new URL(connection.loginUrl),
  );
  const now = input.now ?? Date.now();
  await insertOAuthState(db, {
    stateHash: await sha256Hex(request.state),
    connectionId: connection.id,
    organizationId: connection.organizationId,
    userId: input.startedBy.userId,
    apiKeyId: input.startedBy.apiKeyId,
    actor: input.startedBy.actor,
    sealedVerifier: await sealFor(env, connection.id, PURPOSE.pkceVerifier, request.codeVerifier),
    returnTo: input.returnTo,
    expiresAt: new Date(now + AUTHORIZATION_TTL_MS),
  });
  return request.url.href;
}

/** The callback's outcome as the portal reads it from `?authorize=`. */
export type AuthorizeOutcome = "ok" | "denied" | "invalid_state" | "error";

/**
 * Where the browser goes after the callback:
 * `<portal origin><returnTo or /services/<serviceId>>?connection=<id>&authorize=<outcome>[&orgChanged=1]`,
 * or `<portal origin>/?authorize=<outcome>` when no connection is known.
 * @example
 * portalRedirect(env, { connectionId: "c1", serviceId: "s1", returnTo: null }, "ok", false)
 * // "https://portal.example.com/services/s1?connection=c1&authorize=ok"
 */
export function portalRedirect(
  env: Pick<Env, "PUBLIC_URL" | "PORTAL_DEV_URL" | "LOCAL_DEV">,
  target: { connectionId: string; serviceId: string; returnTo: string | null } | null,
  outcome: AuthorizeOutcome,
  orgChanged = false,
): string {
  const { portalOrigin } = readConfig(env);
  const path = target
    ? (target.returnTo ?? `/services/${encodeURIComponent(target.serviceId)}`)
    : "/";
  const url = new URL(path, portalOrigin);
  // returnTo was checked at authorize time; this keeps a stored value from leaving the portal.
  if (url.origin !== portalOrigin) return `${portalOrigin}/?authorize=${outcome}`;
  if (target) url.searchParams.set("connection", target.connectionId);
  url.searchParams.set("authorize", outcome);
  if (orgChanged) url.searchParams.set("orgChanged", "1");
  return url.href;
}
