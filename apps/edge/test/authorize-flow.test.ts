import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openFor, PURPOSE } from "../src/connection/secrets.ts";
import { connectionStub } from "../src/connection/stub.ts";
import {
  configureEmulator,
  emulatorState,
  resetEmulator,
  revokeAllAtEmulator,
  tokenRequests,
} from "./emulator.ts";
import {
  authorizeThroughEmulator,
  call,
  createApiKey,
  createConnection,
  errorCode,
  firstServiceId,
  PORTAL,
  signUp,
} from "./helpers.ts";

type Connection = {
  id: string;
  status: string;
  instanceUrl: string | null;
  salesforce: { userId: string; orgId: string; username: string | null } | null;
  lastError: { code: string } | null;
};

async function sealedToken(connectionId: string): Promise<string | null> {
  const row = await env.DB.prepare(
    "SELECT sealed_refresh_token AS sealed FROM connections WHERE id = ?",
  )
    .bind(connectionId)
    .first<{ sealed: string | null }>();
  return row?.sealed ?? null;
}

/** Every row of every table, as text: what someone with a copy of the database would see. */
async function dumpDatabase(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{
    name: string;
  }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    if (name.startsWith("_cf") || name.startsWith("sqlite_")) continue;
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
    parts.push(name, JSON.stringify(rows.results));
  }
  return parts.join("\n");
}

describe("authorize flow against the Salesforce emulator (requests reach it for real)", () => {
  let cookie = "";
  let serviceId = "";
  let connectionId = "";
  let apiKey = "";
  const accessToken = (body: unknown = {}) =>
    call(`/api/v1/connections/${connectionId}/access-token`, { apiKey, body });

  it("Should authorize: exchange the code, seal the refresh token, redirect with authorize=ok", async () => {
    await resetEmulator();
    ({ cookie } = await signUp());
    serviceId = await firstServiceId(cookie);
    connectionId = (await createConnection(cookie, serviceId)).id;

    const location = await authorizeThroughEmulator(cookie, connectionId);
    expect(location.href).toBe(
      `${PORTAL}/services/${serviceId}?connection=${connectionId}&authorize=ok`,
    );
    const connection = (await (
      await call(`/api/v1/connections/${connectionId}`, { cookie })
    ).json()) as Connection;
    expect(connection).toMatchObject({
      status: "authorized",
      instanceUrl: env.EMULATOR_URL,
      salesforce: {
        userId: expect.any(String),
        orgId: expect.any(String),
        username: "admin@example.com",
      },
    });

    const tokens = (await emulatorState()).tokens.filter((t) => !t.revoked);
    const refreshToken = tokens[0]?.refreshToken;
    expect(refreshToken).toBeTruthy();
    expect(await sealedToken(connectionId)).toMatch(/^v1\.test-1\./);
    const dump = await dumpDatabase();
    expect(dump).toContain(connectionId);
    for (const token of tokens) {
      expect(dump).not.toContain(token.refreshToken);
      expect(dump).not.toContain(token.accessToken);
    }
  });

  it("Should give an API key a working access token; 50 concurrent forced calls refresh once", async () => {
    // The emulator answers at once (latencyMs 0): the calls share the refresh because forced
    // refreshes gather the callers of the same moment, not because Salesforce is slow.
    apiKey = await createApiKey(cookie);
    const first = await accessToken();
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const token = (await first.json()) as {
      accessToken: string;
      instanceUrl: string;
      issuedAt: string;
    };
    expect(token.instanceUrl).toBe(env.EMULATOR_URL);
    expect(Number.isNaN(Date.parse(token.issuedAt))).toBe(false);
    const limits = await fetch(`${token.instanceUrl}/services/data/v62.0/limits/`, {
      headers: { authorization: `Bearer ${token.accessToken}` },
    });
    expect(limits.status).toBe(200);
    await limits.body?.cancel();

    const before = await tokenRequests();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => accessToken({ force: true })),
    );
    const after = await tokenRequests();
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const issued = new Set(
      await Promise.all(
        answers.map(async (a) => ((await a.json()) as { accessToken: string }).accessToken),
      ),
    );
    expect(after - before).toBe(1);
    expect(issued.size).toBe(1);
    expect(issued.has(token.accessToken)).toBe(false);
  });

  it("Should test the connection: identity and API usage", async () => {
    const res = await call(`/api/v1/connections/${connectionId}/test`, { cookie, body: {} });
    expect(await res.json()).toEqual({
      ok: true,
      identity: {
        userId: expect.any(String),
        orgId: expect.any(String),
        username: "admin@example.com",
        displayName: expect.any(String),
        email: expect.any(String),
      },
      apiUsage: { used: expect.any(Number), max: 15000 },
    });
  });

  it("Should store rotated refresh tokens (sealed) and keep refreshing with them", async () => {
    await configureEmulator({ refreshTokenRotation: true });
    const sealedBefore = await sealedToken(connectionId);
    const plainBefore = await openFor(env, connectionId, PURPOSE.refreshToken, sealedBefore ?? "");
    expect((await accessToken({ force: true })).status).toBe(200);
    const sealedAfter = await sealedToken(connectionId);
    const plainAfter = await openFor(env, connectionId, PURPOSE.refreshToken, sealedAfter ?? "");
    expect(plainAfter).not.toBe(plainBefore);
    // Reusing the rotated-out token would revoke the whole family at Salesforce: these would fail.
    expect((await accessToken({ force: true })).status).toBe(200);
    expect((await accessToken({ force: true })).status).toBe(200);
    await configureEmulator({ refreshTokenRotation: false });
    expect((await accessToken({ force: true })).status).toBe(200);
  });

  it("Should mark the connection needs_reauth once Salesforce revoked its tokens", async () => {
    await revokeAllAtEmulator();
    const forced = await accessToken({ force: true });
    expect(forced.status).toBe(409);
    expect(await errorCode(forced)).toBe("needs_reauth");
    const connection = (await (
      await call(`/api/v1/connections/${connectionId}`, { cookie })
    ).json()) as Connection;
    expect(connection).toMatchObject({
      status: "needs_reauth",
      lastError: { code: "needs_reauth" },
    });
    expect(await errorCode(await accessToken())).toBe("needs_reauth");
    const audit = (await (await call("/api/v1/audit", { cookie })).json()) as {
      events: { action: string }[];
    };
    expect(audit.events[0]?.action).toBe("connection.refresh_failed");
  });

  it("Should re-authorize in place, revoke the replaced token and flag another Salesforce org", async () => {
    expect(
      (await authorizeThroughEmulator(cookie, connectionId)).searchParams.get("authorize"),
    ).toBe("ok");
    const replaced = await openFor(
      env,
      connectionId,
      PURPOSE.refreshToken,
      (await sealedToken(connectionId)) ?? "",
    );
    await env.DB.prepare(
      "UPDATE connections SET salesforce_org_id = '00Dsomeotherorg' WHERE id = ?",
    )
      .bind(connectionId)
      .run();
    const location = await authorizeThroughEmulator(cookie, connectionId);
    expect(location.searchParams.get("authorize")).toBe("ok");
    expect(location.searchParams.get("orgChanged")).toBe("1");
    const state = await emulatorState();
    expect(state.tokens.filter((t) => t.refreshToken === replaced).every((t) => t.revoked)).toBe(
      true,
    );
    const audit = (await (await call("/api/v1/audit", { cookie })).json()) as {
      events: { action: string }[];
    };
    expect(audit.events.slice(0, 2).map((e) => e.action)).toEqual([
      "connection.org_changed",
      "connection.reauthorize",
    ]);
  });

  it("Should revoke at Salesforce; afterwards no access token (409 not_authorized)", async () => {
    const current = await openFor(
      env,
      connectionId,
      PURPOSE.refreshToken,
      (await sealedToken(connectionId)) ?? "",
    );
    const res = await call(`/api/v1/connections/${connectionId}/revoke`, { cookie, body: {} });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: connectionId, status: "revoked" });
    expect(await sealedToken(connectionId)).toBeNull();
    const state = await emulatorState();
    expect(state.tokens.filter((t) => t.refreshToken === current).every((t) => t.revoked)).toBe(
      true,
    );
    const denied = await accessToken();
    expect(denied.status).toBe(409);
    expect(await errorCode(denied)).toBe("not_authorized");
    const tested = await call(`/api/v1/connections/${connectionId}/test`, { cookie, body: {} });
    expect(await tested.json()).toMatchObject({ ok: false, error: { code: "not_authorized" } });
  });

  it("Should delete: revoke first, then drop the row and wipe the Durable Object", async () => {
    expect(
      (await authorizeThroughEmulator(cookie, connectionId)).searchParams.get("authorize"),
    ).toBe("ok");
    const current = await openFor(
      env,
      connectionId,
      PURPOSE.refreshToken,
      (await sealedToken(connectionId)) ?? "",
    );
    const stub = connectionStub(env, connectionId);
    await runInDurableObject(stub, (_instance, state) => state.storage.put("marker", 1));
    expect(
      (await call(`/api/v1/connections/${connectionId}`, { cookie, method: "DELETE" })).status,
    ).toBe(204);
    const state = await emulatorState();
    expect(state.tokens.filter((t) => t.refreshToken === current).every((t) => t.revoked)).toBe(
      true,
    );
    expect((await call(`/api/v1/connections/${connectionId}`, { cookie })).status).toBe(404);
    const stored = await runInDurableObject(
      stub,
      async (_instance, state) => (await state.storage.list()).size,
    );
    expect(stored).toBe(0);
  });

  it("Should redirect with authorize=denied when the person presses Deny, storing nothing", async () => {
    const fresh = await createConnection(cookie, serviceId);
    const location = await authorizeThroughEmulator(cookie, fresh.id, "deny");
    expect(location.searchParams.get("authorize")).toBe("denied");
    expect(await sealedToken(fresh.id)).toBeNull();
  });

  it("Should end with authorize=error when the code exchange fails, storing nothing", async () => {
    const fresh = await createConnection(cookie, serviceId);
    const started = await call(`/api/v1/connections/${fresh.id}/authorize`, { cookie, body: {} });
    const { authorizeUrl } = (await started.json()) as { authorizeUrl: string };
    const state = new URL(authorizeUrl).searchParams.get("state");
    const res = await call(`/oauth/callback?code=not-a-real-code&state=${state}`);
    expect(new URL(res.headers.get("location") ?? "").searchParams.get("authorize")).toBe("error");
    expect(await sealedToken(fresh.id)).toBeNull();
    const audit = (await (await call("/api/v1/audit", { cookie })).json()) as {
      events: { action: string; details: Record<string, unknown> }[];
    };
    expect(audit.events[0]).toMatchObject({
      action: "connection.authorize_failed",
      details: { reason: "invalid_grant" },
    });
  });
});
