import { parseForm } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { jsonReply } from "../http/reply.ts";
import { authenticateClient } from "./client-auth.ts";
import { SUPPORTED_SCOPES } from "./scopes.ts";
import { identityUrl } from "./token-response.ts";

const FORM_LIMIT_BYTES = 64 * 1024;

async function params(ctx: RequestContext): Promise<URLSearchParams> {
  if (ctx.method === "GET") return ctx.url.searchParams;
  return parseForm(await ctx.body(FORM_LIMIT_BYTES));
}

/**
 * `POST /services/oauth2/revoke` (`GET ?token=` too): an access token revokes itself; a refresh token
 * revokes itself, its rotated family and every access token issued from them.
 */
export async function revoke(ctx: RequestContext): Promise<Reply> {
  const form = await params(ctx);
  const token = form.get("token");
  if (!token)
    return jsonReply(400, {
      error: "invalid_request",
      error_description: "missing token parameter",
    });
  const { state } = ctx;
  if (!state.tokens.revoke(token, state.now(), state.sessionTimeoutMs)) {
    return jsonReply(400, { error: "invalid_token" });
  }
  return { status: 200, headers: { "cache-control": "no-store" }, body: Buffer.alloc(0) };
}

/** `POST /services/oauth2/introspect` (RFC 7662, client credentials required). */
export async function introspect(ctx: RequestContext): Promise<Reply> {
  if (ctx.method !== "POST")
    return jsonReply(405, { error: "invalid_request", error_description: "must use HTTP POST" });
  const form = await params(ctx);
  const auth = authenticateClient(ctx, form);
  if (!auth.ok)
    return jsonReply(401, { error: "invalid_client", error_description: auth.description });
  const token = form.get("token");
  if (!token)
    return jsonReply(400, {
      error: "invalid_request",
      error_description: "missing token parameter",
    });
  const { state } = ctx;
  const hint = form.get("token_type_hint");
  const access =
    hint === "refresh_token"
      ? undefined
      : state.tokens.useAccess(token, state.now(), state.sessionTimeoutMs, false);
  const record = access ?? state.tokens.liveRefresh(token);
  if (!record || record.clientId !== auth.client.id) return jsonReply(200, { active: false });
  const user = state.users.byId(record.userId);
  const iat = Math.floor(record.issuedAt / 1000);
  return jsonReply(200, {
    active: true,
    scope: record.scope,
    client_id: record.clientId,
    username: user?.username ?? null,
    sub: identityUrl(state, record.userId),
    token_type: access ? "access_token" : "refresh_token",
    ...(access ? { exp: Math.floor((access.lastUsedAt + state.sessionTimeoutMs) / 1000) } : {}),
    iat,
    nbf: iat,
  });
}

/** `GET /.well-known/openid-configuration` (no `code_challenge_methods_supported`, like Salesforce's). */
export function openidConfiguration(ctx: RequestContext): Reply {
  const base = ctx.state.baseUrl;
  return jsonReply(200, {
    issuer: base,
    authorization_endpoint: `${base}/services/oauth2/authorize`,
    token_endpoint: `${base}/services/oauth2/token`,
    revocation_endpoint: `${base}/services/oauth2/revoke`,
    userinfo_endpoint: `${base}/services/oauth2/userinfo`,
    jwks_uri: `${base}/id/keys`,
    registration_endpoint: `${base}/services/oauth2/register`,
    introspection_endpoint: `${base}/services/oauth2/introspect`,
    scopes_supported: [...SUPPORTED_SCOPES],
    response_types_supported: ["code", "token", "token id_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    display_values_supported: ["page", "popup", "touch"],
    token_endpoint_auth_methods_supported: [
      "client_secret_post",
      "client_secret_basic",
      "private_key_jwt",
    ],
    claims_supported: [
      "active",
      "address",
      "email",
      "email_verified",
      "family_name",
      "given_name",
      "is_app_installed",
      "language",
      "locale",
      "name",
      "nickname",
      "organization_id",
      "phone_number",
      "phone_number_verified",
      "photos",
      "picture",
      "preferred_username",
      "profile",
      "sub",
      "updated_at",
      "urls",
      "user_id",
      "user_type",
      "zoneinfo",
    ],
  });
}
