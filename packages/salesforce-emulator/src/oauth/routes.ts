import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { jsonReply } from "../http/reply.ts";
import { notFound } from "../rest/errors.ts";
import { authorize } from "./authorize.ts";
import { jwks } from "./id-token.ts";
import { identity, userinfo } from "./identity.ts";
import { introspect, openidConfiguration, revoke } from "./revoke-introspect.ts";
import { token } from "./token.ts";

/** Whether `path` belongs to the OAuth / identity side of the emulator. */
export function isOAuthPath(path: string): boolean {
  return (
    path.startsWith("/services/oauth2/") ||
    path.startsWith("/id/") ||
    path.startsWith("/.well-known/")
  );
}

/** Dispatches Salesforce's OAuth, identity and discovery endpoints. */
export async function oauthRequest(ctx: RequestContext): Promise<Reply> {
  const path = ctx.path.length > 1 ? ctx.path.replace(/\/+$/, "") : ctx.path;
  switch (path) {
    case "/services/oauth2/authorize":
      return authorize(ctx);
    case "/services/oauth2/token":
      return token(ctx);
    case "/services/oauth2/revoke":
      return revoke(ctx);
    case "/services/oauth2/userinfo":
      return userinfo(ctx);
    case "/services/oauth2/introspect":
      return introspect(ctx);
    case "/.well-known/openid-configuration":
      return openidConfiguration(ctx);
    case "/id/keys":
      return jsonReply(200, jwks());
  }
  const id = /^\/id\/([^/]+)\/([^/]+)$/.exec(path);
  if (id?.[1] && id[2]) return identity(ctx, id[1], id[2]);
  return notFound();
}
