import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { authorizeByForm } from "@portal/salesforce-emulator";
import { importKeyRing, open } from "@portal/core/sealing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { app } from "../../src/app.ts";
import { PURPOSE } from "../../src/connection/secrets.ts";
import { connectionStub } from "../../src/connection/stub.ts";
import { emulatorState } from "../emulator.ts";
import { EDGE, uniqueEmail } from "../helpers.ts";
import { endOf, openEvents } from "../read-design/support.ts";
import { send } from "./send.ts";

type Seen = { label: string; text: string; allowed: string[] };

// Everything a caller or a log reader could see during the flow.
const seen: Seen[] = [];
const logs: string[] = [];

async function record(label: string, res: Response, allowed: string[] = []) {
  const headers = [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  const text = await res.text();
  seen.push({ label, text: `${headers}\n\n${text}`, allowed });
  return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown> };
}

beforeEach(() => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logs.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

function keyMaterial(): string[] {
  const ring = JSON.parse(env.SEALING_KEYS) as { keys: Record<string, string> };
  return Object.values(ring.keys);
}

describe("secrets never leave the edge (logs, responses, D1)", () => {
  it("Should keep refresh tokens, access tokens, client secret, sealing keys and API keys out of every log and response of a full flow", async () => {
    const cookieHeaders = (cookie: string) => ({ cookie, origin: EDGE });
    const email = uniqueEmail("secrets");
    const signUp = await send("POST", "/api/v1/auth/sign-up/email", {
      headers: { origin: EDGE },
      body: JSON.stringify({ email, password: "correct horse battery", name: "S" }),
    });
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await record("sign-up", signUp);
    const services = await record(
      "services",
      await send("GET", "/api/v1/services", { headers: { cookie } }),
    );
    const serviceId = (services.json().services as { id: string }[])[0]?.id ?? "";
    const created = await record(
      "create connection",
      await send("POST", `/api/v1/services/${serviceId}/connections`, {
        headers: cookieHeaders(cookie),
        body: JSON.stringify({ environment: "custom", loginUrl: env.EMULATOR_URL }),
      }),
    );
    const connectionId = String(created.json().id);
    const keyRes = await send("POST", "/api/v1/api-keys", {
      headers: cookieHeaders(cookie),
      body: JSON.stringify({ name: "engine" }),
    });
    const keyText = await keyRes.clone().text();
    const apiKey = String((JSON.parse(keyText) as { key: string }).key);
    // The key is shown once, in this answer only.
    await record("create api key", keyRes, [apiKey]);
    const started = await record(
      "authorize",
      await send("POST", `/api/v1/connections/${connectionId}/authorize`, {
        headers: cookieHeaders(cookie),
        body: "{}",
      }),
    );
    const landed = await authorizeByForm(String(started.json().authorizeUrl), {
      decision: "allow",
    });
    const callback = await record(
      "callback",
      await send("GET", `/oauth/callback${landed.search}`, { headers: { cookie } }),
    );
    expect(callback.status).toBe(302);
    const tokenRes = await send("POST", `/api/v1/connections/${connectionId}/access-token`, {
      headers: { authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ force: true }),
    });
    const accessToken = String(
      ((await tokenRes.clone().json()) as { accessToken: string }).accessToken,
    );
    // The access token is the point of this answer; nothing else may carry it.
    await record("access token", tokenRes, [accessToken]);
    const { socket, messages } = await openEvents(connectionId, cookie);
    const ended = endOf(socket, messages);
    await record(
      "read design",
      await send("POST", `/api/v1/connections/${connectionId}/read-design`, {
        headers: cookieHeaders(cookie),
        body: "{}",
      }),
    );
    await runDurableObjectAlarm(connectionStub(env, connectionId));
    const run = await ended;
    socket.close(1000);
    expect(run.status).toBe("finished");
    seen.push({ label: "events", text: JSON.stringify(messages), allowed: [] });
    for (const path of [
      `/api/v1/connections/${connectionId}`,
      `/api/v1/connections/${connectionId}/read-design`,
      `/api/v1/connections/${connectionId}/design/objects`,
      `/api/v1/connections/${connectionId}/design/objects/Account`,
      `/api/v1/connections/${connectionId}/design/changes`,
      `/api/v1/services/${serviceId}/connections`,
      "/api/v1/api-keys",
      "/api/v1/audit",
      "/api/v1/me",
    ]) {
      await record(path, await send("GET", path, { headers: { cookie } }));
    }
    await record(
      "test",
      await send("POST", `/api/v1/connections/${connectionId}/test`, {
        headers: cookieHeaders(cookie),
      }),
    );

    // A misconfigured key ring holding real key material: the 500 and its log name no key.
    const broken = await app.request(
      `/api/v1/connections/${connectionId}/authorize`,
      {
        method: "POST",
        headers: { ...cookieHeaders(cookie), "content-type": "application/json" },
        body: "{}",
      },
      {
        ...env,
        SEALING_KEYS: JSON.stringify({ active: "bad id", keys: { "bad id": keyMaterial()[0] } }),
      },
    );
    expect((await record("broken key ring", broken)).status).toBe(500);

    const state = await emulatorState();
    const issued = state.tokens.filter((token) => token.accessToken === accessToken);
    expect(issued.length).toBe(1);
    const refreshToken = issued[0]?.refreshToken ?? "";
    expect(refreshToken.length).toBeGreaterThan(10);
    const secrets: Record<string, string> = {
      "refresh token": refreshToken,
      "access token": accessToken,
      "client secret": env.SALESFORCE_CLIENT_SECRET,
      "auth secret": env.AUTH_SECRET,
      "API key": apiKey,
      ...Object.fromEntries(keyMaterial().map((key, i) => [`sealing key ${i}`, key])),
    };
    expect(seen.length).toBeGreaterThanOrEqual(18);
    expect(logs.length).toBeGreaterThan(0);
    for (const [name, secret] of Object.entries(secrets)) {
      for (const item of seen) {
        if (item.allowed.includes(secret)) continue;
        expect(item.text.includes(secret), `${name} in ${item.label}`).toBe(false);
      }
      for (const line of logs) expect(line.includes(secret), `${name} in a log line`).toBe(false);
    }

    // D1 holds the refresh token only sealed, and the API key only hashed.
    const tables = [
      "connections",
      "oauth_states",
      "audit_events",
      "api_keys",
      "sessions",
      "accounts",
    ];
    for (const table of tables) {
      const { results } = await env.DB.prepare(`SELECT * FROM ${table}`).all();
      const dump = JSON.stringify(results);
      for (const [name, secret] of Object.entries(secrets)) {
        expect(dump.includes(secret), `${name} in D1 ${table}`).toBe(false);
      }
    }
    const row = await env.DB.prepare(
      "SELECT sealed_refresh_token AS t FROM connections WHERE id = ?",
    )
      .bind(connectionId)
      .first<{ t: string }>();
    const ring = await importKeyRing(env.SEALING_KEYS);
    const context = { owner: connectionId, purpose: PURPOSE.refreshToken };
    expect(await open(ring, row?.t ?? "", context)).toBe(refreshToken);
    // Bound to its connection and purpose: a copied value opens nowhere else.
    await expect(
      open(ring, row?.t ?? "", { ...context, owner: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      reason: "auth_failed",
    });
    await expect(
      open(ring, row?.t ?? "", { ...context, purpose: PURPOSE.pkceVerifier }),
    ).rejects.toMatchObject({
      reason: "auth_failed",
    });
  }, 120_000);
});
