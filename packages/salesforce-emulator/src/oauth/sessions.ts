import { randomToken } from "./ids.ts";

/** Browser logins at the emulator (the `sfemu_` cookie), and which apps each user approved. */
export class SessionStore {
  #sessions = new Map<string, string>();
  #consents = new Set<string>();

  /** Starts a login session for `userId`; returns the cookie value. */
  login(userId: string): string {
    const sid = randomToken(32);
    this.#sessions.set(sid, userId);
    return sid;
  }

  /** The user logged in under `sid`, if any. */
  userOf(sid: string | undefined): string | undefined {
    return sid === undefined ? undefined : this.#sessions.get(sid);
  }

  hasConsented(userId: string, clientId: string): boolean {
    return this.#consents.has(`${userId} ${clientId}`);
  }

  recordConsent(userId: string, clientId: string): void {
    this.#consents.add(`${userId} ${clientId}`);
  }

  reset(): void {
    this.#sessions = new Map();
    this.#consents = new Set();
  }
}
