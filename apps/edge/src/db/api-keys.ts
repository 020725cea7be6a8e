import { and, desc, eq } from "drizzle-orm";
import { newId, type Db } from "./client.ts";
import { apiKeys } from "./schema.ts";

/** An API key as listed (never the key or its hash). */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** Stores a new key by its hash. */
export async function insertApiKey(
  db: Db,
  input: {
    organizationId: string;
    name: string;
    prefix: string;
    keyHash: string;
    createdBy: string;
  },
): Promise<ApiKeyView> {
  const id = newId();
  const rows = await db
    .insert(apiKeys)
    .values({ id, ...input })
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
    });
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The organization's keys, newest first. */
export async function listApiKeys(db: Db, organizationId: string): Promise<ApiKeyView[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, organizationId))
    .orderBy(desc(apiKeys.createdAt));
}

/** Deletes a key of the organization; returns the deleted key's name and prefix, or null. */
export async function deleteApiKey(db: Db, organizationId: string, id: string) {
  const rows = await db
    .delete(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id)))
    .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
  return rows[0] ?? null;
}

/** The key whose SHA-256 is `keyHash`, or null. */
export async function findApiKeyByHash(db: Db, keyHash: string) {
  const row = await db
    .select({
      id: apiKeys.id,
      organizationId: apiKeys.organizationId,
      prefix: apiKeys.prefix,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash))
    .get();
  return row ?? null;
}

/** Notes that a key was used now. */
export async function touchApiKey(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

/** A key of the organization by id (whether it still exists), or null. */
export async function findApiKeyById(db: Db, organizationId: string, id: string) {
  const row = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.organizationId, organizationId), eq(apiKeys.id, id)))
    .get();
  return row ?? null;
}
