import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { ApiError } from "../errors.ts";
import type { Auth } from "./better-auth.ts";

/** A portal person as the API shows them. */
export type UserView = { id: string; email: string; name: string };

/**
 * Creates an email + password account through better-auth's own adapter and password hasher,
 * without signing anyone in (people an admin adds, the demo seed).
 * @throws {ApiError} 409 email_taken when the email is in use
 * @example
 * const user = await createCredentialUser(auth, { email, name, password });
 */
export async function createCredentialUser(
  auth: Auth,
  input: { email: string; name: string; password: string },
): Promise<UserView> {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  if (await ctx.internalAdapter.findUserByEmail(email)) throw emailTaken();
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, emailVerified: false },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return { id: user.id, email: user.email, name: user.name };
}

/** The contract's answer for a sign-up with an email in use. */
export function emailTaken(): ApiError {
  return new ApiError(409, "email_taken", "An account with this email already exists.");
}

/** Removes an account and, through foreign keys, its sessions, credentials and memberships. */
export async function deleteUser(db: Db, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}

/** The user with this email, or null. */
export async function findUserByEmail(db: Db, email: string) {
  const row = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .get();
  return row ?? null;
}
