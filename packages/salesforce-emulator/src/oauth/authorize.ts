import { parseForm } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { htmlReply, redirectReply } from "../http/reply.ts";
import { consentPage, errorPage, loginPage } from "./authorize-pages.ts";
import type { OAuthClient } from "./clients.ts";
import { findClient, isRegisteredRedirectUri } from "./clients.ts";
import { parseScope } from "./scopes.ts";

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const FORM_LIMIT_BYTES = 64 * 1024;

/** A validated authorization request. */
interface AuthorizationRequest {
  client: OAuthClient;
  redirectUri: string;
  state: string | null;
  scopes: string[];
  challenge: string | null;
  prompts: Set<string>;
  immediate: boolean;
  loginHint: string;
  /** The authorize URL itself, which the forms post back to. */
  action: string;
}

function callback(
  request: Pick<AuthorizationRequest, "redirectUri" | "state">,
  params: Record<string, string>,
) {
  const url = new URL(request.redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (request.state !== null) url.searchParams.set("state", request.state);
  return redirectReply(url.toString());
}

/** Validates the query; errors before a trusted redirect URI are pages, later ones redirects. */
function validate(ctx: RequestContext): AuthorizationRequest | Reply {
  const q = ctx.url.searchParams;
  const client = findClient(q.get("client_id"));
  if (!client) return htmlReply(400, errorPage("invalid_client_id", "client identifier invalid"));
  const redirectUri = q.get("redirect_uri");
  if (!redirectUri || !isRegisteredRedirectUri(client, redirectUri)) {
    return htmlReply(
      400,
      errorPage("redirect_uri_mismatch", "redirect_uri must match configuration"),
    );
  }
  const base = { redirectUri, state: q.get("state") };
  const fail = (error: string, description: string) =>
    callback(base, { error, error_description: description });
  if (q.get("response_type") !== "code")
    return fail("unsupported_response_type", "response type not supported");
  const method = q.get("code_challenge_method");
  const challenge = q.get("code_challenge");
  if (method !== null && method !== "S256")
    return fail("invalid_request", "code challenge method not supported");
  if (challenge !== null && !PKCE_CHALLENGE.test(challenge))
    return fail("invalid_request", "invalid code challenge");
  if (challenge === null && (method !== null || ctx.state.config.requirePkce)) {
    return fail("invalid_request", "missing required code challenge");
  }
  const scopes = parseScope(q.get("scope"));
  if (!scopes) return fail("invalid_scope", "the requested scope is not allowed");
  return {
    client,
    ...base,
    scopes,
    challenge,
    prompts: new Set((q.get("prompt") ?? "").split(/\s+/).filter(Boolean)),
    immediate: q.get("immediate") === "true",
    loginHint: q.get("login_hint") ?? "",
    action: `${ctx.url.pathname}${ctx.url.search}`,
  };
}

function issueCode(ctx: RequestContext, request: AuthorizationRequest, userId: string): Reply {
  const record = ctx.state.codes.issue(
    {
      clientId: request.client.id,
      redirectUri: request.redirectUri,
      challenge: request.challenge,
      userId,
      scope: request.scopes.join(" "),
      nonce: ctx.url.searchParams.get("nonce"),
    },
    ctx.state.now(),
  );
  return callback(request, { code: record.code });
}

function consentOrCode(ctx: RequestContext, request: AuthorizationRequest, userId: string): Reply {
  const { sessions, users } = ctx.state;
  if (request.prompts.has("consent") || !sessions.hasConsented(userId, request.client.id)) {
    const username = users.byId(userId)?.username ?? "";
    return htmlReply(
      200,
      consentPage(request.action, request.client.name, username, request.scopes),
    );
  }
  return issueCode(ctx, request, userId);
}

function withCookie(reply: Reply, ctx: RequestContext, sid: string): Reply {
  const cookie = `${ctx.state.cookieName}=${sid}; Path=/; HttpOnly; SameSite=Lax`;
  return { ...reply, headers: { ...reply.headers, "set-cookie": cookie } };
}

/**
 * `GET|POST /services/oauth2/authorize`: the login page, the "Allow Access?" page, then a redirect
 * to the client with a code (or an error). The forms post back to the same URL.
 */
export async function authorize(ctx: RequestContext): Promise<Reply> {
  const request = validate(ctx);
  if ("status" in request) return request;
  const { sessions, users } = ctx.state;
  const userId = sessions.userOf(ctx.cookie(ctx.state.cookieName));

  if (request.immediate) {
    const approved = userId !== undefined && sessions.hasConsented(userId, request.client.id);
    if (!approved || request.prompts.size > 0) {
      return callback(request, {
        error: "immediate_unsuccessful",
        error_description: "user interaction required",
      });
    }
    return issueCode(ctx, request, userId);
  }

  if (ctx.method === "POST") {
    const form = parseForm(await ctx.body(FORM_LIMIT_BYTES));
    const username = form.get("username");
    if (username !== null) {
      const user = users.authenticate(username, form.get("password") ?? "");
      if (!user) {
        const error =
          "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";
        return htmlReply(200, loginPage(request.action, { username, error }));
      }
      return withCookie(consentOrCode(ctx, request, user.id), ctx, sessions.login(user.id));
    }
    const decision = form.get("decision");
    if (decision !== null) {
      if (userId === undefined)
        return htmlReply(200, loginPage(request.action, { username: request.loginHint }));
      if (decision === "deny") {
        return callback(request, {
          error: ctx.state.config.denySpelling,
          error_description: "end-user denied authorization",
        });
      }
      if (decision !== "allow")
        return htmlReply(400, errorPage("invalid_request", "decision must be allow or deny"));
      sessions.recordConsent(userId, request.client.id);
      return issueCode(ctx, request, userId);
    }
  }

  if (userId === undefined || request.prompts.has("login")) {
    return htmlReply(200, loginPage(request.action, { username: request.loginHint }));
  }
  return consentOrCode(ctx, request, userId);
}
