import { newAccessToken, newRefreshToken } from "./ids.ts";

/** Salesforce allows 5 refresh tokens per user and app; the 6th authorization evicts the oldest. */
export const MAX_APPROVALS_PER_USER_AND_CLIENT = 5;

export interface AccessRecord {
  token: string;
  /** The refresh token this access token came from (issued with it, or presented to get it). */
  refreshToken: string | null;
  familyId: number | null;
  clientId: string;
  userId: string;
  scope: string;
  issuedAt: number;
  lastUsedAt: number;
  revoked: boolean;
  /** Found idle past the session timeout; stays dead even if the timeout is raised later. */
  expired: boolean;
}

export interface RefreshRecord {
  token: string;
  familyId: number;
  clientId: string;
  userId: string;
  scope: string;
  issuedAt: number;
  revoked: boolean;
  /** Replaced by a newer token of its family (rotation). */
  retired: boolean;
}

export type RefreshOutcome =
  | { ok: true; access: AccessRecord; refresh: RefreshRecord | null }
  | { ok: false; reason: "unknown" | "revoked" | "client_mismatch" | "reused" };

/**
 * Access and refresh tokens, their families (a refresh token and its rotated successors), and the
 * approvals per user and client. All in memory.
 */
export class TokenStore {
  #access = new Map<string, AccessRecord>();
  #refresh = new Map<string, RefreshRecord>();
  #families = new Map<number, string[]>();
  #approvals = new Map<string, number[]>();
  #inProgress = new Set<string>();
  #nextFamily = 1;

  /** Issues the tokens of a code exchange; a refresh token counts as one approval. */
  issueFromCode(
    clientId: string,
    userId: string,
    scope: string,
    withRefresh: boolean,
    now: number,
  ) {
    let refresh: RefreshRecord | null = null;
    if (withRefresh) {
      const familyId = this.#nextFamily++;
      refresh = this.#newRefresh(familyId, clientId, userId, scope, now);
      this.#approve(`${userId} ${clientId}`, familyId);
    }
    const access = this.#newAccess(refresh, clientId, userId, scope, now);
    return { access, refresh };
  }

  /** True while a refresh grant with `token` is being answered. */
  isRefreshing(token: string): boolean {
    return this.#inProgress.has(token);
  }

  /** Marks a refresh grant in progress; the returned function ends it (after the answer is sent). */
  beginRefresh(token: string): () => void {
    this.#inProgress.add(token);
    return () => this.#inProgress.delete(token);
  }

  /** A refresh grant: a new access token, and with rotation a new refresh token. */
  refresh(token: string, clientId: string, rotation: boolean, now: number): RefreshOutcome {
    const record = this.#refresh.get(token);
    if (!record) return { ok: false, reason: "unknown" };
    if (record.revoked) return { ok: false, reason: "revoked" };
    if (record.clientId !== clientId) return { ok: false, reason: "client_mismatch" };
    if (record.retired) {
      // Reuse of a rotated-out token: Salesforce revokes the whole family.
      this.#revokeFamily(record.familyId);
      return { ok: false, reason: "reused" };
    }
    let next: RefreshRecord | null = null;
    if (rotation) {
      record.retired = true;
      next = this.#newRefresh(record.familyId, clientId, record.userId, record.scope, now);
    }
    const access = this.#newAccess(record, clientId, record.userId, record.scope, now);
    return { ok: true, access, refresh: next };
  }

  /**
   * The live access token `token`, with its idle timer restarted (`touch`), or `undefined` if unknown,
   * revoked or idle past `timeoutMs`.
   */
  useAccess(token: string, now: number, timeoutMs: number, touch = true): AccessRecord | undefined {
    const record = this.#access.get(token);
    if (!record || record.revoked || record.expired) return undefined;
    if (now - record.lastUsedAt >= timeoutMs) {
      record.expired = true;
      return undefined;
    }
    if (touch) record.lastUsedAt = now;
    return record;
  }

  /** A refresh token that still works (not revoked, not rotated out). */
  liveRefresh(token: string): RefreshRecord | undefined {
    const record = this.#refresh.get(token);
    return record && !record.revoked && !record.retired ? record : undefined;
  }

  /**
   * Revokes an access token (only itself) or a refresh token (its family and every access token
   * issued from it). False when the token is unknown or no longer valid.
   */
  revoke(token: string, now: number, timeoutMs: number): boolean {
    if (this.useAccess(token, now, timeoutMs, false)) {
      const record = this.#access.get(token);
      if (record) record.revoked = true;
      return true;
    }
    const refresh = this.liveRefresh(token);
    if (!refresh) return false;
    this.#revokeFamily(refresh.familyId);
    return true;
  }

  /** Revokes every token, as an admin would in "Connected Apps OAuth Usage". */
  revokeAll(): void {
    for (const record of this.#access.values()) record.revoked = true;
    for (const record of this.#refresh.values()) record.revoked = true;
  }

  /** One row per access token, for `GET /__emulator/state`. */
  rows(): {
    accessToken: string;
    refreshToken: string | null;
    revoked: boolean;
    expired: boolean;
  }[] {
    return [...this.#access.values()].map((r) => ({
      accessToken: r.token,
      refreshToken: r.refreshToken,
      revoked: r.revoked,
      expired: r.expired,
    }));
  }

  /** Forgets every token, approval and refresh in progress. */
  reset(): void {
    this.#access = new Map();
    this.#refresh = new Map();
    this.#families = new Map();
    this.#approvals = new Map();
    this.#inProgress = new Set();
    this.#nextFamily = 1;
  }

  #newRefresh(
    familyId: number,
    clientId: string,
    userId: string,
    scope: string,
    now: number,
  ): RefreshRecord {
    const record: RefreshRecord = {
      token: newRefreshToken(),
      familyId,
      clientId,
      userId,
      scope,
      issuedAt: now,
      revoked: false,
      retired: false,
    };
    this.#refresh.set(record.token, record);
    const family = this.#families.get(familyId) ?? [];
    family.push(record.token);
    this.#families.set(familyId, family);
    return record;
  }

  #newAccess(
    from: RefreshRecord | null,
    clientId: string,
    userId: string,
    scope: string,
    now: number,
  ) {
    const record: AccessRecord = {
      token: newAccessToken(),
      refreshToken: from?.token ?? null,
      familyId: from?.familyId ?? null,
      clientId,
      userId,
      scope,
      issuedAt: now,
      lastUsedAt: now,
      revoked: false,
      expired: false,
    };
    this.#access.set(record.token, record);
    return record;
  }

  #approve(key: string, familyId: number): void {
    const approvals = this.#approvals.get(key) ?? [];
    approvals.push(familyId);
    while (approvals.length > MAX_APPROVALS_PER_USER_AND_CLIENT) {
      const oldest = approvals.shift();
      if (oldest !== undefined) this.#revokeFamily(oldest);
    }
    this.#approvals.set(key, approvals);
  }

  #revokeFamily(familyId: number): void {
    for (const token of this.#families.get(familyId) ?? []) {
      const record = this.#refresh.get(token);
      if (record) record.revoked = true;
    }
    for (const record of this.#access.values()) {
      if (record.familyId === familyId) record.revoked = true;
    }
  }
}
