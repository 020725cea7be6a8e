import { describe, expect, it } from "vitest";
import { MAX_APPROVALS_PER_USER_AND_CLIENT, TokenStore } from "./tokens-store.ts";

const HOUR_MS = 3_600_000;

function issue(store: TokenStore, now = 0) {
  const { access, refresh } = store.issueFromCode("client", "user", "api refresh_token", true, now);
  if (!refresh) throw new Error("expected a refresh token");
  return { access, refresh };
}

describe("TokenStore", () => {
  it("Should issue a new access token on refresh and keep the refresh token without rotation", () => {
    const store = new TokenStore();
    const { refresh } = issue(store);
    const outcome = store.refresh(refresh.token, "client", false, 1);
    expect(outcome.ok && outcome.refresh).toBe(null);
    expect(store.refresh(refresh.token, "client", false, 2).ok).toBe(true);
  });

  it("Should rotate, and revoke the whole family when a rotated-out token is reused", () => {
    const store = new TokenStore();
    const { access, refresh } = issue(store);
    const first = store.refresh(refresh.token, "client", true, 1);
    if (!first.ok || !first.refresh) throw new Error("rotation expected");
    expect(store.refresh(refresh.token, "client", true, 2)).toEqual({
      ok: false,
      reason: "reused",
    });
    expect(store.liveRefresh(first.refresh.token)).toBeUndefined();
    expect(store.useAccess(first.access.token, 3, HOUR_MS)).toBeUndefined();
    expect(store.useAccess(access.token, 3, HOUR_MS)).toBeUndefined();
  });

  it("Should refuse a refresh token of another client or one that is revoked", () => {
    const store = new TokenStore();
    const { refresh } = issue(store);
    expect(store.refresh(refresh.token, "other", false, 1)).toEqual({
      ok: false,
      reason: "client_mismatch",
    });
    expect(store.revoke(refresh.token, 1, HOUR_MS)).toBe(true);
    expect(store.refresh(refresh.token, "client", false, 2)).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect(store.refresh("nope", "client", false, 2)).toEqual({ ok: false, reason: "unknown" });
  });

  it("Should revoke only the access token itself when given an access token", () => {
    const store = new TokenStore();
    const { access, refresh } = issue(store);
    expect(store.revoke(access.token, 1, HOUR_MS)).toBe(true);
    expect(store.useAccess(access.token, 1, HOUR_MS)).toBeUndefined();
    expect(store.liveRefresh(refresh.token)).toBeDefined();
    expect(store.revoke(access.token, 1, HOUR_MS)).toBe(false);
  });

  it("Should revoke every access token issued from a revoked refresh token", () => {
    const store = new TokenStore();
    const { access, refresh } = issue(store);
    const again = store.refresh(refresh.token, "client", false, 1);
    store.revoke(refresh.token, 2, HOUR_MS);
    expect(store.useAccess(access.token, 3, HOUR_MS)).toBeUndefined();
    expect(again.ok && store.useAccess(again.access.token, 3, HOUR_MS)).toBeUndefined();
  });

  it("Should expire an access token idle for the timeout and keep it dead", () => {
    const store = new TokenStore();
    const { access } = issue(store, 0);
    expect(store.useAccess(access.token, 900, 1000)?.token).toBe(access.token);
    expect(store.useAccess(access.token, 1800, 1000)?.token).toBe(access.token);
    expect(store.useAccess(access.token, 2800, 1000)).toBeUndefined();
    expect(store.useAccess(access.token, 2801, HOUR_MS)).toBeUndefined();
    expect(store.rows()[0]).toMatchObject({ expired: true, revoked: false });
  });

  it(`Should keep ${MAX_APPROVALS_PER_USER_AND_CLIENT} approvals per user and client and evict the oldest`, () => {
    const store = new TokenStore();
    const grants = Array.from({ length: 6 }, (_, i) => issue(store, i));
    expect(store.liveRefresh(grants[0]?.refresh.token ?? "")).toBeUndefined();
    expect(store.useAccess(grants[0]?.access.token ?? "", 6, HOUR_MS)).toBeUndefined();
    for (const grant of grants.slice(1))
      expect(store.liveRefresh(grant.refresh.token)).toBeDefined();
    store.issueFromCode("client", "someone-else", "api refresh_token", true, 7);
    expect(store.liveRefresh(grants[1]?.refresh.token ?? "")).toBeDefined();
  });

  it("Should track refreshes in progress until ended", () => {
    const store = new TokenStore();
    const end = store.beginRefresh("t");
    expect(store.isRefreshing("t")).toBe(true);
    end();
    expect(store.isRefreshing("t")).toBe(false);
  });

  it("Should revoke everything on revokeAll and forget everything on reset", () => {
    const store = new TokenStore();
    const { refresh } = issue(store);
    store.revokeAll();
    expect(store.rows().every((row) => row.revoked)).toBe(true);
    expect(store.liveRefresh(refresh.token)).toBeUndefined();
    store.reset();
    expect(store.rows()).toEqual([]);
  });
});
