import { eq, lt } from "drizzle-orm";
import type { Db } from "./client.ts";
import { oauthStates } from "./schema.ts";

/** A pending authorization as stored. */
export type OAuthStateRow = typeof oauthStates.$inferSelect;

/** Stores a pending authorization (and drops expired ones on the way). */
export async function insertOAuthState(
  db: Db,
  row: typeof oauthStates.$inferInsert,
): Promise<void> {
  await db.batch([
    db.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date())),
    db.insert(oauthStates).values(row),
  ]);
}

/**
 * Takes a pending authorization out of the table: a second callback with the same state finds
 * nothing (single use), even when two arrive at once (one DELETE wins).
 */
export async function consumeOAuthState(db: Db, stateHash: string): Promise<OAuthStateRow | null> {
  const rows = await db.delete(oauthStates).where(eq(oauthStates.stateHash, stateHash)).returning();
  return rows[0] ?? null;
}
