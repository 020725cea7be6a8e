import { authorizeByForm, startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseCallback } from "./callback.ts";
import { SalesforceOAuthClient } from "./client.ts";
import { parseLoginUrl } from "./hosts.ts";
import { retryOAuthCall } from "./retry.ts";
import { generateKeyRingJson, importKeyRing } from "../sealing/key-ring.ts";
import { open, reseal, seal } from "../sealing/seal.ts";

// The whole web-server flow against the local Salesforce emulator (emulator-contract.md).
const CLIENT = {
  clientId: "emulator-client-id",
  clientSecret: "emulator-client-secret",
  redirectUri: "http://127.0.0.1:5173/oauth/callback",
  allowLoopback: true,
};

let emulator: RunningEmulator;
let loginUrl: URL;
let client: SalesforceOAuthClient;

/** Steers the emulator through its control API (reset, config, revoke-all). */
async function control(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(new URL(`/__emulator/${path}`, emulator.url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  await response.body?.cancel();
}

/** authorize -> login -> consent -> callback -> code exchange. */
async function authorize(options: { prompt?: "login" | "consent" } = {}) {
  const request = await client.createAuthorizationRequest(loginUrl, options);
  const redirect = await authorizeByForm(request.url.href, { decision: "allow" });
  const callback = parseCallback(redirect.searchParams);
  if (callback.kind !== "code") throw new Error(`expected a code, got ${JSON.stringify(callback)}`);
  expect(callback.state).toBe(request.state);
  const result = await client.validateAuthorizationCode(
    loginUrl,
    callback.code,
    request.codeVerifier,
  );
  if (!result.ok) throw new Error(`code exchange failed: ${result.reason}`);
  return result.tokens;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, org: { objects: 5 } });
  loginUrl = parseLoginUrl(emulator.url, { allowLoopback: true });
  client = new SalesforceOAuthClient(CLIENT);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  await control("reset");
});

describe("OAuth against the emulator", () => {
  it("Should authorize, exchange the code with a valid signature and read the identity", async () => {
    const tokens = await authorize();
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.instanceUrl).toBe(loginUrl.origin);
    expect(tokens.scopes).toEqual(expect.arrayContaining(["api", "refresh_token", "id"]));
    const identity = await client.fetchIdentity(tokens.idUrl, tokens.accessToken);
    expect(identity.username).toBe("admin@example.com");
    const userInfo = await client.fetchUserInfo(new URL(tokens.instanceUrl), tokens.accessToken);
    expect(userInfo.userId).toBe(identity.userId);
    const introspection = await client.introspect(new URL(tokens.instanceUrl), tokens.accessToken);
    expect(introspection.active).toBe(true);
  });

  it("Should refuse a reused code and a wrong verifier with invalid_grant", async () => {
    const request = await client.createAuthorizationRequest(loginUrl);
    const callback = parseCallback((await authorizeByForm(request.url.href)).searchParams);
    if (callback.kind !== "code") throw new Error("expected a code");
    const wrong = await client.validateAuthorizationCode(loginUrl, callback.code, "x".repeat(43));
    expect(wrong).toMatchObject({ ok: false, reason: "invalid_grant" });
    const request2 = await client.createAuthorizationRequest(loginUrl);
    const callback2 = parseCallback((await authorizeByForm(request2.url.href)).searchParams);
    if (callback2.kind !== "code") throw new Error("expected a code");
    expect(
      (await client.validateAuthorizationCode(loginUrl, callback2.code, request2.codeVerifier)).ok,
    ).toBe(true);
    const reused = await client.validateAuthorizationCode(
      loginUrl,
      callback2.code,
      request2.codeVerifier,
    );
    expect(reused).toMatchObject({ ok: false, reason: "invalid_grant" });
  });

  it.each(["access_denied", "access-denied"])(
    "Should read a denial spelled %s",
    async (spelling) => {
      await control("config", { denySpelling: spelling });
      const request = await client.createAuthorizationRequest(loginUrl, { prompt: "consent" });
      const denied = await authorizeByForm(request.url.href, { decision: "deny" });
      const callback = parseCallback(denied.searchParams);
      expect(callback).toMatchObject({
        kind: "error",
        error: "access_denied",
        denied: true,
        state: request.state,
      });
    },
  );

  it("Should refuse a wrong client secret with invalid_client", async () => {
    const tokens = await authorize();
    const wrong = new SalesforceOAuthClient({ ...CLIENT, clientSecret: "not-the-secret" });
    const result = await wrong.refreshAccessToken(loginUrl, tokens.refreshToken ?? "");
    expect(result).toMatchObject({ ok: false, reason: "invalid_client" });
  });

  it("Should refresh without rotation and keep the refresh token", async () => {
    const tokens = await authorize();
    const refreshed = await client.refreshAccessToken(loginUrl, tokens.refreshToken ?? "");
    expect(refreshed).toMatchObject({
      ok: true,
      rotated: false,
      refreshToken: tokens.refreshToken,
    });
    expect(refreshed.ok && refreshed.tokens.accessToken).not.toBe(tokens.accessToken);
  });

  it("Should hand back rotated refresh tokens, and a reused one kills the family", async () => {
    await control("config", { refreshTokenRotation: true });
    const first = (await authorize()).refreshToken ?? "";
    const rotated = await client.refreshAccessToken(loginUrl, first);
    if (!rotated.ok) throw new Error(`refresh failed: ${rotated.reason}`);
    expect(rotated.rotated).toBe(true);
    expect(rotated.refreshToken).not.toBe(first);
    const again = await client.refreshAccessToken(loginUrl, rotated.refreshToken);
    expect(again).toMatchObject({ ok: true, rotated: true });
    const reuse = await client.refreshAccessToken(loginUrl, first);
    expect(reuse).toMatchObject({ ok: false, reason: "revoked", error: "invalid_grant" });
    const successor = again.ok ? again.refreshToken : "";
    expect(await client.refreshAccessToken(loginUrl, successor)).toMatchObject({
      ok: false,
      reason: "revoked",
    });
  });

  it("Should classify a concurrent refresh as retryable and succeed on retry", async () => {
    const refreshToken = (await authorize()).refreshToken ?? "";
    await control("config", { latencyMs: 300 });
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const [first, racing] = await Promise.all([
      client.refreshAccessToken(loginUrl, refreshToken),
      later(100).then(() => client.refreshAccessToken(loginUrl, refreshToken)),
    ]);
    expect(first.ok).toBe(true);
    expect(racing).toMatchObject({ ok: false, reason: "concurrent_refresh", retryable: true });
    const [again, retried] = await Promise.all([
      client.refreshAccessToken(loginUrl, refreshToken),
      later(100).then(() =>
        retryOAuthCall(() => client.refreshAccessToken(loginUrl, refreshToken)),
      ),
    ]);
    expect(again.ok).toBe(true);
    expect(retried.ok).toBe(true);
    expect(retried.attempts).toBeGreaterThanOrEqual(2);
  });

  it("Should revoke the refresh token, after which a refresh reports revoked", async () => {
    const tokens = await authorize();
    const refreshToken = tokens.refreshToken ?? "";
    await expect(client.revokeToken(loginUrl, refreshToken)).resolves.toEqual({ ok: true });
    const refreshed = await client.refreshAccessToken(loginUrl, refreshToken);
    expect(refreshed).toMatchObject({
      ok: false,
      reason: "revoked",
      error: "invalid_grant",
      description: "expired access/refresh token",
    });
    await expect(client.revokeToken(loginUrl, refreshToken)).resolves.toMatchObject({
      reason: "invalid_token",
    });
    await expect(client.fetchIdentity(tokens.idUrl, tokens.accessToken)).rejects.toMatchObject({
      code: "Bad_OAuth_Token",
    });
  });

  it("Should report revoked after an admin revokes every token", async () => {
    const refreshToken = (await authorize()).refreshToken ?? "";
    await control("revoke-all");
    expect(await client.refreshAccessToken(loginUrl, refreshToken)).toMatchObject({
      ok: false,
      reason: "revoked",
    });
  });
});

describe("Sealed refresh tokens through a key rotation, against the emulator", () => {
  it("Should keep a sealed, rotating refresh token usable across a sealing-key rotation", async () => {
    await control("config", { refreshTokenRotation: true });
    const context = { owner: "conn_1", purpose: "refresh_token" };
    const k1 = JSON.parse(generateKeyRingJson("k1")).keys.k1;
    const k2 = JSON.parse(generateKeyRingJson("k2")).keys.k2;
    const before = await importKeyRing(JSON.stringify({ active: "k1", keys: { k1 } }));
    const after = await importKeyRing(JSON.stringify({ active: "k2", keys: { k1, k2 } }));

    let stored = await seal(before, (await authorize()).refreshToken ?? "", context);
    stored = (await reseal(after, stored, context)) ?? stored;
    expect(stored.startsWith("v1.k2.")).toBe(true);

    for (let round = 0; round < 2; round++) {
      const refreshed = await client.refreshAccessToken(
        loginUrl,
        await open(after, stored, context),
      );
      if (!refreshed.ok) throw new Error(`refresh failed: ${refreshed.reason}`);
      expect(refreshed.rotated).toBe(true);
      stored = await seal(after, refreshed.refreshToken, context);
    }
    const latest = await open(after, stored, context);
    await expect(client.revokeToken(loginUrl, latest)).resolves.toEqual({ ok: true });
    await expect(client.refreshAccessToken(loginUrl, latest)).resolves.toMatchObject({
      ok: false,
      reason: "revoked",
    });
  });
});
