import { timingSafeEqual } from "node:crypto";
import { userId } from "./ids.ts";

export interface EmulatorUser {
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Thrown when adding a user that exists or has bad fields. */
export class UserError extends Error {
  override readonly name = "UserError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function equalSecrets(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The org's users: `admin@example.com` / `password` always, more through the control API. */
export class UserStore {
  #users = new Map<string, EmulatorUser>();
  #count = 0;

  constructor() {
    this.reset();
  }

  /** Adds a user; usernames are case-insensitive, as Salesforce's. */
  add(username: unknown, password: unknown): EmulatorUser {
    if (typeof username !== "string" || !/^[^\s@]+@[^\s@]+$/.test(username)) {
      throw new UserError("username must be an email-style string", 400);
    }
    if (typeof password !== "string" || password.length === 0) {
      throw new UserError("password must be a non-empty string", 400);
    }
    const key = username.toLowerCase();
    if (this.#users.has(key)) throw new UserError(`user ${username} already exists`, 409);
    const local = username.split("@")[0] ?? username;
    const user: EmulatorUser = {
      id: userId(++this.#count),
      username,
      password,
      firstName: local.charAt(0).toUpperCase() + local.slice(1),
      lastName: "User",
      email: username,
    };
    this.#users.set(key, user);
    return user;
  }

  /** The user whose credentials match, else `undefined`. */
  authenticate(username: string, password: string): EmulatorUser | undefined {
    const user = this.#users.get(username.trim().toLowerCase());
    return user && equalSecrets(user.password, password) ? user : undefined;
  }

  byId(id: string): EmulatorUser | undefined {
    for (const user of this.#users.values()) if (user.id === id) return user;
    return undefined;
  }

  /** Only the default admin again. */
  reset(): void {
    this.#users = new Map();
    this.#count = 0;
    const admin = this.add("admin@example.com", "password");
    admin.firstName = "Admin";
  }
}
