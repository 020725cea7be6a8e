import { and, asc, eq } from "drizzle-orm";
import { newId, type Db } from "./client.ts";
import { members, organizations, services, users, type Role } from "./schema.ts";

/** A user's place in an organization. */
export type Membership = {
  organizationId: string;
  organizationName: string;
  role: Role;
};

/**
 * Creates an organization owned by `userId` with its first service, in one D1 batch.
 * @example
 * await createOrganization(db, { ownerId: user.id, name: "Acme", firstServiceName: "My Service" });
 */
export async function createOrganization(
  db: Db,
  input: { ownerId: string; name: string; firstServiceName: string },
): Promise<{ organizationId: string; serviceId: string }> {
  const organizationId = newId();
  const serviceId = newId();
  await db.batch([
    db.insert(organizations).values({ id: organizationId, name: input.name }),
    db
      .insert(members)
      .values({ id: newId(), organizationId, userId: input.ownerId, role: "owner" }),
    db.insert(services).values({ id: serviceId, organizationId, name: input.firstServiceName }),
  ]);
  return { organizationId, serviceId };
}

/**
 * The organization a user acts in: their oldest membership (people belong to one organization;
 * the oldest wins should they ever be in several).
 */
export async function findMembership(db: Db, userId: string): Promise<Membership | null> {
  const row = await db
    .select({
      organizationId: members.organizationId,
      organizationName: organizations.name,
      role: members.role,
    })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(members.createdAt))
    .limit(1);
  return row[0] ?? null;
}

/** The organization's name, or null when it does not exist. */
export async function getOrganizationName(db: Db, organizationId: string): Promise<string | null> {
  const row = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  return row?.name ?? null;
}

/** Members of an organization with their account details, oldest first. */
export async function listMembers(db: Db, organizationId: string) {
  return db
    .select({
      userId: members.userId,
      email: users.email,
      name: users.name,
      role: members.role,
      createdAt: members.createdAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, organizationId))
    .orderBy(asc(members.createdAt));
}

/** Adds a user to an organization with a role. */
export async function addMember(
  db: Db,
  input: { organizationId: string; userId: string; role: Role },
) {
  await db.insert(members).values({ id: newId(), ...input });
}

/** The role of `userId` in the organization, or null when they are not a member. */
export async function getMemberRole(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<Role | null> {
  const row = await db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)))
    .get();
  return row?.role ?? null;
}

/** Removes a membership; returns whether one existed. */
export async function removeMember(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const removed = await db
    .delete(members)
    .where(and(eq(members.organizationId, organizationId), eq(members.userId, userId)))
    .returning({ id: members.id });
  return removed.length > 0;
}
