import { timingSafeEqual } from "node:crypto";
import type { RequestContext } from "../http/context.ts";
import type { OAuthClient } from "./clients.ts";
import { findClient } from "./clients.ts";

export type ClientAuth =
  | { ok: true; client: OAuthClient }
  | { ok: false; error: "invalid_client_id" | "invalid_client"; description: string };

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Client credentials from the form (`client_secret_post`) or HTTP Basic (`client_secret_basic`). */
export function authenticateClient(ctx: RequestContext, form: URLSearchParams): ClientAuth {
  let clientId = form.get("client_id");
  let secret = form.get("client_secret");
  const basic = /^Basic\s+(\S+)$/i.exec(ctx.header("authorization") ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  const client = findClient(clientId);
  if (!client)
    return { ok: false, error: "invalid_client_id", description: "client identifier invalid" };
  if (secret === null || !sameSecret(secret, client.secret)) {
    return { ok: false, error: "invalid_client", description: "invalid client credentials" };
  }
  return { ok: true, client };
}
