import { and, asc, eq, sql } from "drizzle-orm";
import { newId, type Db } from "./client.ts";
import { services } from "./schema.ts";

/** A service as the API shows it. */
export type ServiceRow = { id: string; name: string };

/** The organization's services, by name. */
export async function listServices(db: Db, organizationId: string): Promise<ServiceRow[]> {
  return db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.organizationId, organizationId))
    .orderBy(asc(services.name), asc(services.createdAt));
}

/** One service of the organization, or null (also for another tenant's id). */
export async function getService(
  db: Db,
  organizationId: string,
  serviceId: string,
): Promise<ServiceRow | null> {
  const row = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.id, serviceId)))
    .get();
  return row ?? null;
}

/** Creates a service. */
export async function createService(
  db: Db,
  organizationId: string,
  name: string,
): Promise<ServiceRow> {
  const id = newId();
  await db.insert(services).values({ id, organizationId, name });
  return { id, name };
}

/** Renames a service of the organization; returns whether it existed. */
export async function renameService(
  db: Db,
  organizationId: string,
  serviceId: string,
  name: string,
) {
  const rows = await db
    .update(services)
    .set({ name })
    .where(and(eq(services.organizationId, organizationId), eq(services.id, serviceId)))
    .returning({ id: services.id });
  return rows.length > 0;
}

/**
 * Takes the service's next connection number (1, 2, ...) atomically; numbers are never handed
 * out twice, so codes of deleted connections stay gone.
 */
export async function takeConnectionNumber(db: Db, organizationId: string, serviceId: string) {
  const rows = await db
    .update(services)
    .set({ lastConnectionNumber: sql`${services.lastConnectionNumber} + 1` })
    .where(and(eq(services.organizationId, organizationId), eq(services.id, serviceId)))
    .returning({ number: services.lastConnectionNumber });
  return rows[0]?.number ?? null;
}

/**
 * The connection code for a number: `SFORCE001`, ..., `SFORCE999`, `SFORCE1000`.
 * @example
 * connectionCode(3) // "SFORCE003"
 */
export function connectionCode(number: number): string {
  return `SFORCE${String(number).padStart(3, "0")}`;
}
