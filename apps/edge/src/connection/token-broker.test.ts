import type { RefreshResult, SalesforceTokens } from "@portal/core/oauth";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createDb, newId } from "../db/client.ts";
import { getConnectionById, insertConnection, markAuthorized } from "../db/connections.ts";
import { createOrganization } from "../db/organizations.ts";
import { users } from "../db/schema.ts";
import { openFor, PURPOSE, sealFor } from "./secrets.ts";
import { FORCED_REFRESH_COALESCE_MS, TokenBroker } from "./token-broker.ts";

const db = createDb(env.DB);

async function authorizedConnection(refreshToken = "refresh-1") {
  const userId = newId();
  await db.insert(users).values({ id: userId, name: "T", email: `${userId}@example.com` });
  const { organizationId, serviceId } = await createOrganization(db, {
    ownerId: userId,
    name: "Org",
    firstServiceName: "S",
  });
  const row = await insertConnection(db, {
    organizationId,
    serviceId,
    code: "SFORCE001",
    environment: "production",
    loginUrl: "https://login.salesforce.com",
  });
  await markAuthorized(db, row.id, {
    sealedRefreshToken: await sealFor(env, row.id, PURPOSE.refreshToken, refreshToken),
    instanceUrl: "https://acme.my.salesforce.com",
    identity: { userId: "005x", orgId: "00Dx", username: "a@b.c", displayName: null },
    at: new Date(),
  });
  return row.id;
}

function tokens(accessToken: string, refreshToken: string | null = null): SalesforceTokens {
  return {
    accessToken,
    refreshToken,
    instanceUrl: "https://acme.my.salesforce.com",
    idUrl: "https://login.salesforce.com/id/00Dx/005x",
    issuedAt: Date.now(),
    signature: null,
    scopes: null,
    tokenType: "Bearer",
    idToken: null,
    raw: {},
  };
}

const ok = (access: string, refresh = "refresh-1", rotated = false): RefreshResult => ({
  ok: true,
  tokens: tokens(access, rotated ? refresh : null),
  refreshToken: refresh,
  rotated,
});

function failure(reason: "revoked" | "concurrent_refresh" | "unavailable"): RefreshResult {
  return {
    ok: false,
    reason,
    retryable: reason !== "revoked",
    status: reason === "unavailable" ? 503 : 400,
    error: reason === "unavailable" ? null : "invalid_grant",
    description: null,
  };
}

/** A fake OAuth client whose answers are scripted; records the refresh tokens it was given. */
function scriptedClient(answers: (() => Promise<RefreshResult> | RefreshResult)[]) {
  const seen: string[] = [];
  return {
    seen,
    client: {
      async refreshAccessToken(_loginUrl: URL, refreshToken: string) {
        seen.push(refreshToken);
        const next = answers.shift();
        if (!next) throw new Error("unexpected refresh");
        return next();
      },
    },
  };
}

const noSleep = async () => undefined;

describe("TokenBroker", () => {
  it("Should refresh once for 50 concurrent forced callers and hand all of them the same token", async () => {
    const connectionId = await authorizedConnection();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client, seen } = scriptedClient([async () => (await gate, ok("access-1"))]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    const calls = Array.from({ length: 50 }, () => broker.getAccessToken({ force: true }));
    release();
    const results = await Promise.all(calls);
    expect(seen).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.accessToken : r.code)))).toEqual(
      new Set(["access-1"]),
    );
    const row = await getConnectionById(db, connectionId);
    expect(row?.lastRefreshAt).toBeInstanceOf(Date);
  });

  it("Should gather forced callers that arrive while a forced refresh waits to start", async () => {
    const connectionId = await authorizedConnection();
    const waits: number[] = [];
    let wake: () => void = () => undefined;
    const sleep = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => (wake = resolve));
    };
    const { client, seen } = scriptedClient([() => ok("access-1")]);
    const broker = new TokenBroker({ env, connectionId, client, sleep });
    const first = broker.getAccessToken({ force: true });
    const late = broker.getAccessToken({ force: true });
    expect(seen).toHaveLength(0);
    wake();
    expect(await first).toMatchObject({ ok: true, accessToken: "access-1" });
    expect(await late).toMatchObject({ ok: true, accessToken: "access-1" });
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([FORCED_REFRESH_COALESCE_MS]);
  });

  it("Should hand a forced caller a token whose refresh began after its request, without refreshing", async () => {
    const connectionId = await authorizedConnection();
    let now = 1_000_000;
    const { client, seen } = scriptedClient([() => ok("access-1"), () => ok("access-2")]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep, now: () => now });
    const requestedBefore = now - 5;
    expect(await broker.getAccessToken({ force: true })).toMatchObject({ accessToken: "access-1" });
    now += 50;
    // This caller asked before that refresh began: it cannot hold access-1 yet.
    expect(
      await broker.getAccessToken({ force: true, requestedAt: requestedBefore }),
    ).toMatchObject({
      accessToken: "access-1",
    });
    // This one asked afterwards (it may hold access-1 and have seen it fail): it gets a new token.
    expect(await broker.getAccessToken({ force: true, requestedAt: now })).toMatchObject({
      accessToken: "access-2",
    });
    expect(seen).toHaveLength(2);
  });

  it("Should serve a fresh cached token without refreshing, and refresh when forced", async () => {
    const connectionId = await authorizedConnection();
    const { client, seen } = scriptedClient([() => ok("access-1"), () => ok("access-2")]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    expect(await broker.getAccessToken()).toMatchObject({ ok: true, accessToken: "access-1" });
    expect(await broker.getAccessToken()).toMatchObject({ ok: true, accessToken: "access-1" });
    expect(await broker.getAccessToken({ force: true })).toMatchObject({
      ok: true,
      accessToken: "access-2",
    });
    expect(seen).toHaveLength(2);
  });

  it("Should retry 'token request is already being processed' with backoff", async () => {
    const connectionId = await authorizedConnection();
    const delays: number[] = [];
    const { client, seen } = scriptedClient([
      () => failure("concurrent_refresh"),
      () => failure("concurrent_refresh"),
      () => ok("access-1"),
    ]);
    const broker = new TokenBroker({
      env,
      connectionId,
      client,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(await broker.getAccessToken()).toMatchObject({ ok: true, accessToken: "access-1" });
    expect(seen).toHaveLength(3);
    expect(delays).toHaveLength(2);
    expect(delays.every((ms) => ms > 0)).toBe(true);
  });

  it("Should store a rotated refresh token sealed, in the refresh's own write, and use it next", async () => {
    const connectionId = await authorizedConnection("refresh-1");
    const { client, seen } = scriptedClient([
      () => ok("access-1", "refresh-2", true),
      () => ok("access-2"),
    ]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    await broker.getAccessToken();
    const row = await getConnectionById(db, connectionId);
    expect(row?.sealedRefreshToken).not.toContain("refresh-2");
    expect(
      await openFor(env, connectionId, PURPOSE.refreshToken, row?.sealedRefreshToken ?? ""),
    ).toBe("refresh-2");
    await broker.getAccessToken({ force: true });
    expect(seen).toEqual(["refresh-1", "refresh-2"]);
  });

  it("Should turn a refused refresh token into needs_reauth, audited, and stop calling Salesforce", async () => {
    const connectionId = await authorizedConnection();
    const { client, seen } = scriptedClient([() => failure("revoked")]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    expect(await broker.getAccessToken()).toMatchObject({ ok: false, code: "needs_reauth" });
    const row = await getConnectionById(db, connectionId);
    expect(row).toMatchObject({
      status: "needs_reauth",
      sealedRefreshToken: null,
      lastErrorCode: "needs_reauth",
    });
    const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE target = ?")
      .bind(`connection:${connectionId}`)
      .all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(["connection.refresh_failed"]);
    expect(await broker.getAccessToken({ force: true })).toMatchObject({
      ok: false,
      code: "needs_reauth",
    });
    expect(seen).toHaveLength(1);
  });

  it("Should report Salesforce outages, keep the token, and cool down before trying again", async () => {
    const connectionId = await authorizedConnection();
    let now = Date.now();
    const { client, seen } = scriptedClient([
      ...Array.from({ length: 4 }, () => () => failure("unavailable")),
      () => ok("access-1"),
    ]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep, now: () => now });
    expect(await broker.getAccessToken()).toMatchObject({
      ok: false,
      code: "salesforce_unavailable",
    });
    expect(seen).toHaveLength(4);
    const row = await getConnectionById(db, connectionId);
    expect(row).toMatchObject({ status: "authorized", lastErrorCode: "salesforce_unavailable" });
    expect(await broker.getAccessToken({ force: true })).toMatchObject({
      ok: false,
      code: "salesforce_unavailable",
    });
    expect(seen).toHaveLength(4);
    now += 31_000;
    expect(await broker.getAccessToken()).toMatchObject({ ok: true, accessToken: "access-1" });
    expect((await getConnectionById(db, connectionId))?.lastErrorCode).toBeNull();
  });

  it("Should start over from the new row when the connection is re-authorized during a refresh", async () => {
    const connectionId = await authorizedConnection("refresh-old");
    const { client, seen } = scriptedClient([
      async () => {
        await markAuthorized(db, connectionId, {
          sealedRefreshToken: await sealFor(env, connectionId, PURPOSE.refreshToken, "refresh-new"),
          instanceUrl: "https://acme.my.salesforce.com",
          identity: { userId: "005x", orgId: "00Dx", username: "a@b.c", displayName: null },
          at: new Date(),
        });
        return ok("access-from-old", "refresh-old-2", true);
      },
      () => ok("access-from-new"),
    ]);
    const broker = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    expect(await broker.getAccessToken()).toMatchObject({
      ok: true,
      accessToken: "access-from-new",
    });
    expect(seen).toEqual(["refresh-old", "refresh-new"]);
    const row = await getConnectionById(db, connectionId);
    expect(
      await openFor(env, connectionId, PURPOSE.refreshToken, row?.sealedRefreshToken ?? ""),
    ).toBe("refresh-new");
  });

  it("Should answer not_authorized for a connection never authorized and not_found for none", async () => {
    const { client } = scriptedClient([]);
    const missing = new TokenBroker({ env, connectionId: "nope", client, sleep: noSleep });
    expect(await missing.getAccessToken()).toMatchObject({ ok: false, code: "not_found" });
    const connectionId = await authorizedConnection();
    await env.DB.prepare(
      "UPDATE connections SET status = 'new', sealed_refresh_token = NULL WHERE id = ?",
    )
      .bind(connectionId)
      .run();
    const fresh = new TokenBroker({ env, connectionId, client, sleep: noSleep });
    expect(await fresh.getAccessToken()).toMatchObject({ ok: false, code: "not_authorized" });
  });
});
