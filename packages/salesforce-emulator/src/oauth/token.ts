import { createHash, timingSafeEqual } from "node:crypto";
import { parseForm } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { jsonReply } from "../http/reply.ts";
import type { OAuthClient } from "./clients.ts";
import { authenticateClient } from "./client-auth.ts";
import { grantsRefresh } from "./scopes.ts";
import { tokenResponse } from "./token-response.ts";

const FORM_LIMIT_BYTES = 64 * 1024;
const NO_STORE = {
  "cache-control": "no-cache,must-revalidate,max-age=0,no-store,private",
  pragma: "no-cache",
};

/** An OAuth error answer: `{error, error_description}`. */
export function oauthError(status: number, error: string, description: string): Reply {
  return jsonReply(status, { error, error_description: description }, NO_STORE);
}

const expired = () => oauthError(400, "invalid_grant", "expired access/refresh token");

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function codeGrant(ctx: RequestContext, client: OAuthClient, form: URLSearchParams): Reply {
  const { state } = ctx;
  const code = form.get("code");
  if (!code) return oauthError(400, "invalid_grant", "invalid authorization code");
  const taken = state.codes.take(code, state.now());
  if (!taken.ok) {
    const text =
      taken.reason === "expired" ? "expired authorization code" : "invalid authorization code";
    return oauthError(400, "invalid_grant", text);
  }
  const record = taken.record;
  if (record.clientId !== client.id)
    return oauthError(400, "invalid_grant", "invalid authorization code");
  if (form.get("redirect_uri") !== record.redirectUri) {
    return oauthError(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
  }
  const verifier = form.get("code_verifier");
  if (record.challenge === null ? verifier !== null : verifier === null) {
    return oauthError(400, "invalid_grant", "invalid code verifier");
  }
  if (record.challenge !== null && verifier !== null) {
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (!sameText(computed, record.challenge))
      return oauthError(400, "invalid_grant", "invalid code verifier");
  }
  const { access, refresh } = state.tokens.issueFromCode(
    client.id,
    record.userId,
    record.scope,
    grantsRefresh(record.scope),
    state.now(),
  );
  return jsonReply(200, tokenResponse(state, client, access, refresh, record.nonce), NO_STORE);
}

function refreshGrant(ctx: RequestContext, client: OAuthClient, form: URLSearchParams): Reply {
  const { state } = ctx;
  const token = form.get("refresh_token");
  if (!token)
    return oauthError(400, "invalid_request", "missing required parameter: refresh_token");
  if (state.tokens.isRefreshing(token)) {
    return oauthError(400, "invalid_grant", "token request is already being processed");
  }
  // In progress from arrival until the answer is sent, latency included.
  ctx.afterSend(state.tokens.beginRefresh(token));
  const outcome = state.tokens.refresh(
    token,
    client.id,
    state.config.refreshTokenRotation,
    state.now(),
  );
  if (!outcome.ok) return expired();
  return jsonReply(200, tokenResponse(state, client, outcome.access, outcome.refresh), NO_STORE);
}

/** `POST /services/oauth2/token`: the authorization-code and refresh-token grants. */
export async function token(ctx: RequestContext): Promise<Reply> {
  if (ctx.method !== "POST") return oauthError(405, "invalid_request", "must use HTTP POST");
  const form = parseForm(await ctx.body(FORM_LIMIT_BYTES));
  const grantType = form.get("grant_type");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    return oauthError(400, "unsupported_grant_type", "grant type not supported");
  }
  const auth = authenticateClient(ctx, form);
  if (!auth.ok) return oauthError(400, auth.error, auth.description);
  return grantType === "authorization_code"
    ? codeGrant(ctx, auth.client, form)
    : refreshGrant(ctx, auth.client, form);
}
