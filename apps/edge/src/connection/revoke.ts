import { SealingError } from "@portal/core/errors";
import type { OAuthFailure } from "@portal/core/oauth";
import { oauthClientFor, openFor, PURPOSE } from "./secrets.ts";

/** What revoking a sealed refresh token at Salesforce came to. */
export type RevokeOutcome =
  | { ok: true; detail: "revoked" | "already_invalid" | "no_token" | "unopenable" }
  | { ok: false; failure: OAuthFailure };

/**
 * Revokes a connection's sealed refresh token at its login host (which also revokes every access
 * token issued from it). An unknown or already revoked token counts as done.
 * @example
 * const outcome = await revokeSealedToken(env, { id, loginUrl, sealedRefreshToken });
 */
export async function revokeSealedToken(
  env: Env,
  connection: { id: string; loginUrl: string; sealedRefreshToken: string | null },
): Promise<RevokeOutcome> {
  if (!connection.sealedRefreshToken) return { ok: true, detail: "no_token" };
  let token: string;
  try {
    token = await openFor(env, connection.id, PURPOSE.refreshToken, connection.sealedRefreshToken);
  } catch (error) {
    // A token we can no longer open cannot be used by anyone through us either.
    if (error instanceof SealingError) return { ok: true, detail: "unopenable" };
    throw error;
  }
  const result = await oauthClientFor(env).revokeToken(new URL(connection.loginUrl), token);
  if (result.ok) return { ok: true, detail: "revoked" };
  if (result.reason === "invalid_token") return { ok: true, detail: "already_invalid" };
  return { ok: false, failure: result };
}
