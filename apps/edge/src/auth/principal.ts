import type { MiddlewareHandler } from "hono";
import { findApiKeyByHash, touchApiKey } from "../db/api-keys.ts";
import { createDb } from "../db/client.ts";
import { findMembership } from "../db/organizations.ts";
import type { Role } from "../db/schema.ts";
import { ApiError } from "../errors.ts";
import type { AppContext, AppEnv, Principal } from "../types.ts";
import { hashApiKey, looksLikeApiKey } from "./api-key-secret.ts";
import { createAuth } from "./better-auth.ts";

const ROLE_RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };
// lastUsedAt is informational; one write a minute per key is plenty.
const API_KEY_TOUCH_INTERVAL_MS = 60_000;

function unauthorized(message = "Sign in or send an API key."): ApiError {
  return new ApiError(401, "unauthorized", message, { "www-authenticate": 'Bearer realm="api"' });
}

function runInBackground(c: AppContext, work: Promise<unknown>): void {
  const guarded = work.catch((error: unknown) =>
    console.error("background work failed", error instanceof Error ? error.name : typeof error),
  );
  try {
    c.executionCtx.waitUntil(guarded);
  } catch {
    // No execution context (app.request in unit tests): let it run unattended.
  }
}

async function principalFromApiKey(c: AppContext, key: string): Promise<Principal> {
  if (!looksLikeApiKey(key)) throw unauthorized("Unknown API key.");
  const db = createDb(c.env.DB);
  const row = await findApiKeyByHash(db, await hashApiKey(key));
  if (!row) throw unauthorized("Unknown API key.");
  const now = Date.now();
  if (!row.lastUsedAt) {
    await touchApiKey(db, row.id, new Date(now));
  } else if (now - row.lastUsedAt.getTime() > API_KEY_TOUCH_INTERVAL_MS) {
    runInBackground(c, touchApiKey(db, row.id, new Date(now)));
  }
  return {
    kind: "api_key",
    apiKeyId: row.id,
    apiKeyPrefix: row.prefix,
    organizationId: row.organizationId,
    role: "admin",
  };
}

async function principalFromSession(c: AppContext): Promise<Principal | null> {
  const session = await createAuth(c.env).api.getSession({ headers: c.req.raw.headers });
  if (!session) return null;
  const membership = await findMembership(createDb(c.env.DB), session.user.id);
  if (!membership) throw new ApiError(403, "forbidden", "Your account belongs to no organization.");
  return {
    kind: "user",
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    organizationId: membership.organizationId,
    role: membership.role,
  };
}

/**
 * Authenticates the caller (bearer API key, else session cookie), checks the role and stores the
 * principal in `c.var.principal`. `cookieOnly` routes refuse API keys with `403 forbidden`.
 * @example
 * createRoute({ ..., middleware: [requireAuth({ role: "admin" })] })
 */
export function requireAuth(
  options: { role?: Role; cookieOnly?: boolean } = {},
): MiddlewareHandler<AppEnv> {
  const minimumRank = ROLE_RANK[options.role ?? "member"];
  return async function requireAuth(c, next) {
    const authorization = c.req.header("authorization");
    let principal: Principal | null;
    if (authorization !== undefined) {
      const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match?.[1]) throw unauthorized("Use `Authorization: Bearer <api key>`.");
      principal = await principalFromApiKey(c, match[1]);
    } else {
      principal = await principalFromSession(c);
    }
    if (!principal) throw unauthorized();
    if (options.cookieOnly && principal.kind !== "user") {
      throw new ApiError(403, "forbidden", "This route is for signed-in people, not API keys.");
    }
    if (ROLE_RANK[principal.role] < minimumRank) {
      throw new ApiError(403, "forbidden", `This needs the ${options.role} role.`);
    }
    c.set("principal", principal);
    await next();
  };
}

/**
 * How a principal appears in the audit log: the person's email or the API key's prefix.
 * @example
 * actorLabel(c.var.principal) // "ada@example.com" or "api-key:sfp_Zq3xY1ab"
 */
export function actorLabel(principal: Principal): string {
  return principal.kind === "user" ? principal.email : `api-key:${principal.apiKeyPrefix}`;
}
