import { and, eq } from "drizzle-orm";
import { createCredentialUser, findUserByEmail } from "../auth/accounts.ts";
import { createAuth } from "../auth/better-auth.ts";
import { createDb, newId } from "../db/client.ts";
import { insertConnection, setLoginUrl } from "../db/connections.ts";
import { createOrganization, findMembership } from "../db/organizations.ts";
import { DEMO_SEED_FACT } from "../db/readiness.ts";
import { connections, services, systemFacts } from "../db/schema.ts";
import { connectionCode, takeConnectionNumber } from "../db/services.ts";

/** The local demo account (README, api-contract "Local development"). */
export const DEMO = {
  email: "demo@example.com",
  password: "demo-password",
  name: "Demo User",
  organization: "Demo Organization",
  service: "Demo Service",
  code: "SFORCE001",
} as const;

/**
 * Creates, when absent, the demo user, organization, service and connection SFORCE001 (custom,
 * login URL = the emulator), re-points SFORCE001 at `loginUrl`, and records the seed. Idempotent.
 * @example
 * await seedDemo(env, "http://127.0.0.1:8788");
 */
export async function seedDemo(env: Env, loginUrl: string) {
  const db = createDb(env.DB);
  const user =
    (await findUserByEmail(db, DEMO.email)) ??
    (await createCredentialUser(createAuth(env), {
      email: DEMO.email,
      name: DEMO.name,
      password: DEMO.password,
    }));

  let organizationId = (await findMembership(db, user.id))?.organizationId;
  if (!organizationId) {
    const created = await createOrganization(db, {
      ownerId: user.id,
      name: DEMO.organization,
      firstServiceName: DEMO.service,
    });
    organizationId = created.organizationId;
  }

  let service = await db
    .select({ id: services.id, lastConnectionNumber: services.lastConnectionNumber })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.name, DEMO.service)))
    .get();
  if (!service) {
    const id = newId();
    await db.insert(services).values({ id, organizationId, name: DEMO.service });
    service = { id, lastConnectionNumber: 0 };
  }

  const existing = await db
    .select({ id: connections.id, loginUrl: connections.loginUrl })
    .from(connections)
    .where(and(eq(connections.serviceId, service.id), eq(connections.code, DEMO.code)))
    .get();
  let connectionId = existing?.id ?? null;
  if (existing && existing.loginUrl !== loginUrl) await setLoginUrl(db, existing.id, loginUrl);
  // Codes are never reused: once SFORCE001 was deleted by hand, the seed leaves it gone.
  if (!existing && service.lastConnectionNumber === 0) {
    const number = await takeConnectionNumber(db, organizationId, service.id);
    if (number !== null) {
      const row = await insertConnection(db, {
        organizationId,
        serviceId: service.id,
        code: connectionCode(number),
        environment: "custom",
        loginUrl,
      });
      connectionId = row.id;
    }
  }

  const seededAt = new Date().toISOString();
  await db
    .insert(systemFacts)
    .values({ key: DEMO_SEED_FACT, value: seededAt })
    .onConflictDoUpdate({ target: systemFacts.key, set: { value: seededAt } });
  return { userId: user.id, organizationId, serviceId: service.id, connectionId };
}
