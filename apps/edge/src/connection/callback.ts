import { SealingError } from "@portal/core/errors";
import { createAuth } from "../auth/better-auth.ts";
import { hasSessionCookie } from "../auth/csrf.ts";
import { parseCallback, type SalesforceTokens } from "@portal/core/oauth";
import { findApiKeyById } from "../db/api-keys.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb, type Db } from "../db/client.ts";
import { getConnection, markAuthorized, type ConnectionRow } from "../db/connections.ts";
import { consumeOAuthState, type OAuthStateRow } from "../db/oauth-states.ts";
import { findMembership, getMemberRole } from "../db/organizations.ts";
import { sha256Hex } from "../sha256.ts";
import { portalRedirect, type AuthorizeOutcome } from "./authorize.ts";
import { revokeSealedToken } from "./revoke.ts";
import { oauthClientFor, openFor, PURPOSE, sealFor } from "./secrets.ts";
import { connectionStub } from "./stub.ts";

const STATE_SHAPE = /^[A-Za-z0-9_-]{1,512}$/;

type Pending = { state: OAuthStateRow; connection: ConnectionRow; actor: string };

/**
 * Finishes an authorization from the callback's query string and returns the portal URL to
 * redirect to. Every failure (denied, unknown/expired/replayed state, a failed exchange, a host
 * or signature that does not check out) ends in a redirect with its outcome, never a throw, and
 * stores no token. `headers` are the callback request's: a browser signed in to the portal as
 * someone other than the person who started the authorization is refused (state injection).
 * @example
 * return c.redirect(await completeAuthorization(env, url.searchParams, { headers }), 302);
 */
export async function completeAuthorization(
  env: Env,
  query: URLSearchParams,
  options: { now?: number; headers?: Headers } = {},
): Promise<string> {
  const now = options.now ?? Date.now();
  const db = createDb(env.DB);
  let pending: Pending | null = null;
  try {
    const parsed = parseCallback(query);
    const rawState = parsed.kind === "invalid" ? query.get("state") : parsed.state;
    if (!rawState || !STATE_SHAPE.test(rawState)) return portalRedirect(env, null, "invalid_state");
    // Consumed before anything else: whatever happens next, this state never works again.
    const state = await consumeOAuthState(db, await sha256Hex(rawState));
    if (!state) return portalRedirect(env, null, "invalid_state");
    const connection = await getConnection(db, state.organizationId, state.connectionId);
    if (!connection) return portalRedirect(env, null, "invalid_state");
    // Another tenant's state in this browser: home page, so that tenant's ids stay unseen.
    if (!(await browserMayComplete(env, db, options.headers, state)))
      return portalRedirect(env, null, "invalid_state");
    pending = { state, connection, actor: state.actor };
    const back = (outcome: AuthorizeOutcome, orgChanged = false) =>
      portalRedirect(env, target(pending!), outcome, orgChanged);

    if (state.expiresAt.getTime() < now) return back("invalid_state");
    if (!(await starterMayStillAuthorize(db, state))) return back("invalid_state");
    if (parsed.kind === "error") {
      await audit(
        db,
        pending,
        parsed.denied ? "connection.authorize_denied" : "connection.authorize_failed",
        {
          error: parsed.error,
        },
      );
      return back(parsed.denied ? "denied" : "error");
    }
    if (parsed.kind === "invalid") {
      await audit(db, pending, "connection.authorize_failed", { reason: parsed.reason });
      return back("error");
    }
    const result = await exchange(env, db, pending, parsed.code);
    return back(result.outcome, result.orgChanged);
  } catch (error) {
    console.error("authorize callback failed", error instanceof Error ? error.name : typeof error);
    if (!pending) return portalRedirect(env, null, "error");
    await audit(db, pending, "connection.authorize_failed", { reason: "internal_error" }).catch(
      () => undefined,
    );
    return portalRedirect(env, target(pending), "error");
  }
}

/**
 * An attacker could send a victim the authorize link of the attacker's own connection, so that the
 * victim's Salesforce consent lands in the attacker's tenant. A browser signed in to the portal
 * must belong to the person (or, for API-key starts, the organization) that started it. A browser
 * with no session is let through: an API key's authorize link is opened by whoever it is given to.
 */
async function browserMayComplete(
  env: Env,
  db: Db,
  headers: Headers | undefined,
  state: OAuthStateRow,
): Promise<boolean> {
  if (!headers || !hasSessionCookie(headers)) return true;
  const session = await createAuth(env).api.getSession({ headers });
  if (!session) return true;
  if (state.userId) return session.user.id === state.userId;
  const membership = await findMembership(db, session.user.id);
  return membership?.organizationId === state.organizationId;
}

async function starterMayStillAuthorize(db: Db, state: OAuthStateRow): Promise<boolean> {
  if (state.userId) {
    const role = await getMemberRole(db, state.organizationId, state.userId);
    return role === "owner" || role === "admin";
  }
  if (state.apiKeyId)
    return (await findApiKeyById(db, state.organizationId, state.apiKeyId)) !== null;
  return false;
}

function target(pending: Pending) {
  return {
    connectionId: pending.connection.id,
    serviceId: pending.connection.serviceId,
    returnTo: pending.state.returnTo,
  };
}

async function exchange(
  env: Env,
  db: Db,
  pending: Pending,
  code: string,
): Promise<{ outcome: AuthorizeOutcome; orgChanged: boolean }> {
  const { connection } = pending;
  const failed = async (reason: string, extra: Record<string, unknown> = {}) => {
    await audit(db, pending, "connection.authorize_failed", { reason, ...extra });
    return { outcome: "error" as const, orgChanged: false };
  };
  let verifier: string;
  try {
    verifier = await openFor(
      env,
      connection.id,
      PURPOSE.pkceVerifier,
      pending.state.sealedVerifier,
    );
  } catch (error) {
    if (error instanceof SealingError) return failed("verifier_unopenable");
    throw error;
  }
  const client = oauthClientFor(env);
  const loginUrl = new URL(connection.loginUrl);
  // Core checks the signature and that instance_url and the identity URL are Salesforce hosts.
  const result = await client.validateAuthorizationCode(loginUrl, code, verifier);
  if (!result.ok) return failed(result.reason, { error: result.error });
  const tokens = result.tokens;
  if (!tokens.refreshToken) {
    await discard(env, connection, tokens);
    return failed("no_refresh_token");
  }
  let identity;
  try {
    identity = await client.fetchIdentity(tokens.idUrl, tokens.accessToken);
  } catch (error) {
    await discard(env, connection, tokens);
    return failed("identity_failed", { error: error instanceof Error ? error.name : "unknown" });
  }

  const previous = { sealed: connection.sealedRefreshToken, orgId: connection.salesforceOrgId };
  await markAuthorized(db, connection.id, {
    sealedRefreshToken: await sealFor(
      env,
      connection.id,
      PURPOSE.refreshToken,
      tokens.refreshToken,
    ),
    instanceUrl: tokens.instanceUrl,
    identity: {
      userId: identity.userId,
      orgId: identity.organizationId,
      username: identity.username,
      displayName: identity.displayName,
    },
    at: new Date(),
  });
  await connectionStub(env, connection.id).forgetAccessToken({ connectionId: connection.id });
  // Re-authorizing replaces the token; the old one would otherwise count against the 5 approvals.
  if (previous.sealed) {
    await revokeSealedToken(env, { ...connection, sealedRefreshToken: previous.sealed }).catch(
      () => undefined,
    );
  }
  const orgChanged = previous.orgId !== null && previous.orgId !== identity.organizationId;
  await audit(
    db,
    pending,
    connection.authorizedAt ? "connection.reauthorize" : "connection.authorize",
    {
      salesforceOrgId: identity.organizationId,
      salesforceUsername: identity.username,
      orgChanged,
    },
  );
  if (orgChanged) {
    await audit(db, pending, "connection.org_changed", {
      previousOrgId: previous.orgId,
      orgId: identity.organizationId,
    });
  }
  return { outcome: "ok", orgChanged };
}

async function discard(
  env: Env,
  connection: ConnectionRow,
  tokens: SalesforceTokens,
): Promise<void> {
  // Tokens we will not keep are revoked so they do not linger at Salesforce.
  const client = oauthClientFor(env);
  await client
    .revokeToken(new URL(connection.loginUrl), tokens.refreshToken ?? tokens.accessToken)
    .catch(() => undefined);
}

async function audit(db: Db, pending: Pending, action: string, details: Record<string, unknown>) {
  await recordAudit(db, {
    organizationId: pending.connection.organizationId,
    actor: pending.actor,
    action,
    target: `connection:${pending.connection.id}`,
    details: { code: pending.connection.code, ...details },
  });
}
