import { SealingError } from "@portal/core/errors";
import { reseal } from "@portal/core/sealing";
import { and, eq, isNotNull, notLike } from "drizzle-orm";
import { createDb } from "../db/client.ts";
import { connections, oauthStates } from "../db/schema.ts";
import { keyRingFor, PURPOSE } from "./secrets.ts";

/** What one rotation pass did. */
export type ResealReport = {
  /** Key id everything is sealed with afterwards. */
  activeKeyId: string;
  refreshTokens: number;
  pkceVerifiers: number;
  /** Values no key of the ring opens (their key was dropped too early); left as they are. */
  unopenable: number;
};

// Bounded so one pass fits a scheduled invocation's limits; the next pass continues.
const DEFAULT_BATCH = 500;

async function resealOne(
  ring: Awaited<ReturnType<typeof keyRingFor>>,
  sealed: string,
  owner: string,
  purpose: string,
): Promise<string | null | "unopenable"> {
  try {
    return await reseal(ring, sealed, { owner, purpose });
  } catch (error) {
    if (error instanceof SealingError) return "unopenable";
    throw error;
  }
}

/**
 * Re-seals every stored refresh token and pending PKCE verifier that is not sealed with the
 * active key of `SEALING_KEYS` (after a rotation: add the new key, make it active, deploy; this
 * runs on the daily cron). Each write is a compare-and-swap on the old value, so a refresh that
 * rotated the token meanwhile wins. Logs counts only, never values.
 * @example
 * const report = await resealStoredSecrets(env); // { activeKeyId: "k2", refreshTokens: 12, ... }
 */
export async function resealStoredSecrets(
  env: Pick<Env, "DB" | "SEALING_KEYS">,
  options: { batchSize?: number } = {},
): Promise<ResealReport> {
  const ring = await keyRingFor(env);
  const db = createDb(env.DB);
  const limit = options.batchSize ?? DEFAULT_BATCH;
  const current = `v1.${ring.activeKeyId}.%`;
  const report: ResealReport = {
    activeKeyId: ring.activeKeyId,
    refreshTokens: 0,
    pkceVerifiers: 0,
    unopenable: 0,
  };

  const tokens = await db
    .select({ id: connections.id, sealed: connections.sealedRefreshToken })
    .from(connections)
    .where(
      and(
        isNotNull(connections.sealedRefreshToken),
        notLike(connections.sealedRefreshToken, current),
      ),
    )
    .limit(limit);
  for (const row of tokens) {
    if (!row.sealed) continue;
    const next = await resealOne(ring, row.sealed, row.id, PURPOSE.refreshToken);
    if (next === "unopenable") report.unopenable++;
    if (next === null || next === "unopenable") continue;
    const updated = await db
      .update(connections)
      .set({ sealedRefreshToken: next })
      .where(and(eq(connections.id, row.id), eq(connections.sealedRefreshToken, row.sealed)))
      .returning({ id: connections.id });
    report.refreshTokens += updated.length;
  }

  const verifiers = await db
    .select({
      hash: oauthStates.stateHash,
      owner: oauthStates.connectionId,
      sealed: oauthStates.sealedVerifier,
    })
    .from(oauthStates)
    .where(notLike(oauthStates.sealedVerifier, current))
    .limit(limit);
  for (const row of verifiers) {
    const next = await resealOne(ring, row.sealed, row.owner, PURPOSE.pkceVerifier);
    if (next === "unopenable") report.unopenable++;
    if (next === null || next === "unopenable") continue;
    const updated = await db
      .update(oauthStates)
      .set({ sealedVerifier: next })
      .where(and(eq(oauthStates.stateHash, row.hash), eq(oauthStates.sealedVerifier, row.sealed)))
      .returning({ hash: oauthStates.stateHash });
    report.pkceVerifiers += updated.length;
  }
  console.log("reseal", JSON.stringify(report));
  return report;
}
