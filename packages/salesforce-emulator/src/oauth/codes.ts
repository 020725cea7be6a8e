import { newAuthorizationCode } from "./ids.ts";

/** Authorization codes live 15 minutes. */
export const CODE_LIFETIME_MS = 15 * 60 * 1000;

export interface CodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  /** The S256 `code_challenge`, or null when PKCE was not used. */
  challenge: string | null;
  userId: string;
  scope: string;
  /** OpenID Connect `nonce`, echoed in the id_token. */
  nonce: string | null;
  expiresAt: number;
}

export type TakeOutcome =
  { ok: true; record: CodeRecord } | { ok: false; reason: "unknown" | "expired" };

/** Single-use authorization codes bound to client, redirect URI, challenge and user. */
export class CodeStore {
  #codes = new Map<string, CodeRecord>();

  issue(fields: Omit<CodeRecord, "code" | "expiresAt">, now: number): CodeRecord {
    const record = { ...fields, code: newAuthorizationCode(), expiresAt: now + CODE_LIFETIME_MS };
    this.#codes.set(record.code, record);
    return record;
  }

  /** Takes a code out for good (single use), whatever the exchange's outcome. */
  take(code: string, now: number): TakeOutcome {
    const record = this.#codes.get(code);
    if (!record) return { ok: false, reason: "unknown" };
    this.#codes.delete(code);
    if (now >= record.expiresAt) return { ok: false, reason: "expired" };
    return { ok: true, record };
  }

  reset(): void {
    this.#codes = new Map();
  }
}
