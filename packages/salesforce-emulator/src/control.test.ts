import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./server.ts";
import { api, authorize, control, startTest } from "./testing/test-support.ts";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTest();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "reset", {}));

interface State {
  apiUsage: number;
  apiLimit: number;
  requests: { total: number; byPath: Record<string, number> };
  tokens: { accessToken: string; refreshToken: string | null; revoked: boolean }[];
  org: { objects: number; fields: number };
}

const customObject = (name: string) => ({
  name,
  label: name,
  custom: true,
  fields: [{ name: "Id", type: "id" }],
});

describe("GET /__emulator/state", () => {
  it("Should report usage, requests by normalized path, tokens and the org size", async () => {
    const tokens = await authorize(emulator);
    await api(emulator, "/services/data/v62.0/sobjects/Account/describe", tokens.access_token);
    await api(emulator, "/services/data/v61.0/sobjects/Lead/describe/", tokens.access_token);
    const { body } = await control<State>(emulator, "state");
    expect(body.apiUsage).toBe(2);
    expect(body.apiLimit).toBe(15000);
    expect(body.requests.byPath["/services/data/vNN.N/sobjects/*/describe"]).toBe(2);
    expect(body.requests.byPath["/services/oauth2/token"]).toBe(1);
    expect(body.requests.total).toBe(
      Object.values(body.requests.byPath).reduce((a, b) => a + b, 0),
    );
    expect(body.tokens).toEqual([
      {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        revoked: false,
        expired: false,
      },
    ]);
    expect(body.org.objects).toBe(30);
    expect(body.org.fields).toBeGreaterThan(30 * 20);
  });
});

describe("POST /__emulator/config and reset", () => {
  it("Should apply config at once, refuse bad values, and reset to the start state", async () => {
    const updated = await control<Record<string, unknown>>(emulator, "config", {
      latencyMs: 5,
      apiLimit: 10,
    });
    expect(updated.body).toMatchObject({ latencyMs: 5, apiLimit: 10 });
    const bad = await control<{ error: string; message: string }>(emulator, "config", {
      latencyMs: "slow",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/latencyMs/);
    const tokens = await authorize(emulator);
    await control(emulator, "org/touch", { remove: ["Account"] });
    await control(emulator, "users", { username: "z@example.com", password: "z" });
    await control(emulator, "reset", {});
    const { body } = await control<State & { config: Record<string, unknown> }>(emulator, "state");
    expect(body).toMatchObject({ apiUsage: 0, apiLimit: 15000, tokens: [], org: { objects: 30 } });
    expect(body.config.latencyMs).toBe(0);
    expect(
      (await api(emulator, "/services/data/v62.0/sobjects/", tokens.access_token)).status,
    ).toBe(401);
    expect(
      (await control(emulator, "users", { username: "z@example.com", password: "z" })).status,
    ).toBe(201);
  });
});

describe("POST /__emulator/revoke-all", () => {
  it("Should revoke every refresh and access token", async () => {
    const tokens = await authorize(emulator);
    await control(emulator, "revoke-all", {});
    expect(
      (await api(emulator, "/services/data/v62.0/sobjects/", tokens.access_token)).status,
    ).toBe(401);
    const { body } = await control<State>(emulator, "state");
    expect(body.tokens.every((t) => t.revoked)).toBe(true);
  });
});

describe("POST /__emulator/org/touch", () => {
  it("Should add, replace and remove objects and move describeGlobal's modification time", async () => {
    const tokens = await authorize(emulator);
    const before = new Date(Date.now() - 1000).toUTCString();
    const added = await control<{ org: { objects: number } }>(emulator, "org/touch", {
      add: [customObject("Fresh__c")],
    });
    expect(added.body.org.objects).toBe(31);
    const fresh = await api(
      emulator,
      "/services/data/v62.0/sobjects/Fresh__c/describe",
      tokens.access_token,
    );
    expect(await fresh.json()).toEqual(customObject("Fresh__c"));
    const global = await api(emulator, "/services/data/v62.0/sobjects/", tokens.access_token, {
      headers: { "if-modified-since": before },
    });
    expect(global.status).toBe(200);
    const entry = ((await global.json()) as { sobjects: Record<string, unknown>[] }).sobjects.find(
      (s) => s.name === "Fresh__c",
    );
    expect(entry).toEqual({ custom: true, label: "Fresh__c", name: "Fresh__c" });
    await control(emulator, "org/touch", { remove: ["Fresh__c", "Account"] });
    expect(
      (await api(emulator, "/services/data/v62.0/sobjects/Account/describe", tokens.access_token))
        .status,
    ).toBe(404);
  });

  it("Should apply nothing and answer 404 listing unknown names", async () => {
    const response = await control(emulator, "org/touch", {
      objects: ["Account", "Ghost__c"],
      remove: ["Phantom__c"],
    });
    expect(response).toEqual({
      status: 404,
      body: { error: "unknown_objects", unknown: ["Ghost__c", "Phantom__c"] },
    });
  });

  it("Should refuse malformed touch bodies", async () => {
    expect((await control(emulator, "org/touch", { objects: "Account" })).status).toBe(400);
    expect((await control(emulator, "org/touch", { add: [{ name: "NoFields" }] })).status).toBe(
      400,
    );
  });
});

describe("POST /__emulator/users", () => {
  it("Should add a user once and refuse bad or duplicate ones", async () => {
    const created = await control<{ username: string; userId: string }>(emulator, "users", {
      username: "new@example.com",
      password: "pw",
    });
    expect(created.status).toBe(201);
    expect(created.body.userId).toMatch(/^005\w{15}$/);
    expect(
      (await control(emulator, "users", { username: "NEW@example.com", password: "pw" })).status,
    ).toBe(409);
    expect(
      (await control(emulator, "users", { username: "no-at-sign", password: "pw" })).status,
    ).toBe(400);
    expect((await control(emulator, "users", { username: "x@example.com" })).status).toBe(400);
  });

  it("Should answer 404 for unknown control routes", async () => {
    expect((await control(emulator, "nothing")).status).toBe(404);
  });
});
