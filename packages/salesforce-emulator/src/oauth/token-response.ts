import { createHmac } from "node:crypto";
import type { EmulatorState } from "../state.ts";
import type { OAuthClient } from "./clients.ts";
import { ORG_ID } from "./ids.ts";
import { signIdToken } from "./id-token.ts";
import type { AccessRecord, RefreshRecord } from "./tokens-store.ts";

/** The identity URL of a user (also the `id` of token responses). */
export function identityUrl(state: EmulatorState, userId: string): string {
  return `${state.baseUrl}/id/${ORG_ID}/${userId}`;
}

/** base64(HMAC-SHA256(client secret, id + issued_at)), as Salesforce signs token responses. */
export function tokenSignature(clientSecret: string, id: string, issuedAt: string): string {
  return createHmac("sha256", clientSecret)
    .update(id + issuedAt)
    .digest("base64");
}

/**
 * Salesforce's token response: no `expires_in`; `refresh_token` only when one was issued;
 * `id_token` only with the `openid` scope.
 */
export function tokenResponse(
  state: EmulatorState,
  client: OAuthClient,
  access: AccessRecord,
  refresh: RefreshRecord | null,
  nonce: string | null = null,
): Record<string, string> {
  const id = identityUrl(state, access.userId);
  const issuedAt = String(access.issuedAt);
  const body: Record<string, string> = { access_token: access.token };
  if (refresh) body.refresh_token = refresh.token;
  body.signature = tokenSignature(client.secret, id, issuedAt);
  body.scope = access.scope;
  if (access.scope.split(" ").includes("openid")) {
    const user = state.users.byId(access.userId);
    body.id_token = signIdToken(state, client.id, id, access, user, nonce);
  }
  body.instance_url = state.baseUrl;
  body.id = id;
  body.token_type = "Bearer";
  body.issued_at = issuedAt;
  return body;
}
