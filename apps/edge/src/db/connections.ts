import { and, asc, eq } from "drizzle-orm";
import { newId, type Db } from "./client.ts";
import { connections, type Environment } from "./schema.ts";

/** A connection row as stored (the sealed refresh token included: never return it to callers). */
export type ConnectionRow = typeof connections.$inferSelect;

/** The Salesforce identity a connection was authorized as. */
export type SalesforceIdentity = {
  userId: string;
  orgId: string;
  username: string | null;
  displayName: string | null;
};

/** One connection of the organization, or null (also for another tenant's id). */
export async function getConnection(
  db: Db,
  organizationId: string,
  id: string,
): Promise<ConnectionRow | null> {
  const row = await db
    .select()
    .from(connections)
    .where(and(eq(connections.organizationId, organizationId), eq(connections.id, id)))
    .get();
  return row ?? null;
}

/** A connection by id alone; for the connection's own Durable Object, which is keyed by it. */
export async function getConnectionById(db: Db, id: string): Promise<ConnectionRow | null> {
  return (await db.select().from(connections).where(eq(connections.id, id)).get()) ?? null;
}

/** The connections of one service, by code. */
export async function listConnections(
  db: Db,
  organizationId: string,
  serviceId: string,
): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(connections)
    .where(
      and(eq(connections.organizationId, organizationId), eq(connections.serviceId, serviceId)),
    )
    .orderBy(asc(connections.code));
}

/** Inserts a new connection with status `new`. */
export async function insertConnection(
  db: Db,
  input: {
    organizationId: string;
    serviceId: string;
    code: string;
    environment: Environment;
    loginUrl: string;
  },
): Promise<ConnectionRow> {
  const rows = await db
    .insert(connections)
    .values({ id: newId(), ...input })
    .returning();
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Deletes a connection (its pending OAuth states go with it); returns whether it existed. */
export async function deleteConnection(
  db: Db,
  organizationId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(connections)
    .where(and(eq(connections.organizationId, organizationId), eq(connections.id, id)))
    .returning({ id: connections.id });
  return rows.length > 0;
}

/** Points a connection at another login host (local development re-seeding). */
export async function setLoginUrl(db: Db, id: string, loginUrl: string): Promise<void> {
  await db.update(connections).set({ loginUrl }).where(eq(connections.id, id));
}

/**
 * Stores a completed authorization: sealed refresh token, instance, identity; status `authorized`.
 * @example
 * await markAuthorized(db, id, { sealedRefreshToken, instanceUrl, identity, at: new Date() });
 */
export async function markAuthorized(
  db: Db,
  id: string,
  input: {
    sealedRefreshToken: string;
    instanceUrl: string;
    identity: SalesforceIdentity;
    at: Date;
  },
): Promise<ConnectionRow> {
  const rows = await db
    .update(connections)
    .set({
      status: "authorized",
      sealedRefreshToken: input.sealedRefreshToken,
      instanceUrl: input.instanceUrl,
      salesforceUserId: input.identity.userId,
      salesforceOrgId: input.identity.orgId,
      salesforceUsername: input.identity.username,
      salesforceDisplayName: input.identity.displayName,
      authorizedAt: input.at,
      lastRefreshAt: null,
      lastErrorCode: null,
      lastErrorMessage: null,
    })
    .where(eq(connections.id, id))
    .returning();
  const row = rows[0];
  if (!row) throw new Error("connection vanished while authorizing");
  return row;
}

/**
 * Records a successful refresh; a rotated refresh token (sealed) goes in the same write, so the
 * new token is durable before the access token is handed out. Compare-and-swap on the sealed
 * token that was refreshed: returns false (writes nothing) when the connection was re-authorized,
 * revoked or deleted meanwhile.
 */
export async function recordRefresh(
  db: Db,
  id: string,
  input: { refreshedSealed: string; at: Date; instanceUrl: string; rotatedSealed: string | null },
): Promise<boolean> {
  const rows = await db
    .update(connections)
    .set({
      lastRefreshAt: input.at,
      instanceUrl: input.instanceUrl,
      lastErrorCode: null,
      lastErrorMessage: null,
      ...(input.rotatedSealed ? { sealedRefreshToken: input.rotatedSealed } : {}),
    })
    .where(
      and(
        eq(connections.id, id),
        eq(connections.status, "authorized"),
        eq(connections.sealedRefreshToken, input.refreshedSealed),
      ),
    )
    .returning({ id: connections.id });
  return rows.length > 0;
}

/** Notes a failure on the connection without changing its status. */
export async function recordLastError(
  db: Db,
  id: string,
  error: { code: string; message: string },
): Promise<void> {
  await db
    .update(connections)
    .set({ lastErrorCode: error.code, lastErrorMessage: error.message })
    .where(eq(connections.id, id));
}

/**
 * Moves a connection out of `authorized`: `needs_reauth` and `revoked` drop the refresh token,
 * `error` keeps it (a transient failure may heal).
 */
export async function markStatus(
  db: Db,
  id: string,
  status: "needs_reauth" | "revoked" | "error",
  error: { code: string; message: string } | null,
): Promise<ConnectionRow | null> {
  const rows = await db
    .update(connections)
    .set({
      status,
      lastErrorCode: error?.code ?? null,
      lastErrorMessage: error?.message ?? null,
      ...(status === "error" ? {} : { sealedRefreshToken: null }),
    })
    .where(eq(connections.id, id))
    .returning();
  return rows[0] ?? null;
}
