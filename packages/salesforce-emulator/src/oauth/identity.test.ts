import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  api,
  authorize,
  control,
  startTest,
} from "../testing/test-support.ts";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTest();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "reset", {}));

const form = (path: string, fields: Record<string, string>) =>
  fetch(`${emulator.url}${path}`, { method: "POST", body: new URLSearchParams(fields) });

describe("identity URL and userinfo", () => {
  it("Should answer the identity of the token's user with the documented fields", async () => {
    const tokens = await authorize(emulator);
    const response = await api(emulator, new URL(tokens.id).pathname, tokens.access_token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    for (const key of [
      "id",
      "asserted_user",
      "user_id",
      "organization_id",
      "username",
      "display_name",
      "email",
      "first_name",
      "last_name",
      "photos",
      "urls",
      "user_type",
      "language",
      "locale",
      "utcOffset",
      "active",
    ]) {
      expect(body).toHaveProperty(key);
    }
    expect(body.username).toBe("admin@example.com");
    expect(body.id).toBe(tokens.id);
    expect((body.urls as Record<string, string>).rest).toContain("{version}");
    const versioned = await api(
      emulator,
      `${new URL(tokens.id).pathname}?version=62.0`,
      tokens.access_token,
    );
    expect(((await versioned.json()) as { urls: { rest: string } }).urls.rest).toBe(
      `${emulator.url}/services/data/v62.0/`,
    );
  });

  it("Should answer userinfo claims", async () => {
    const tokens = await authorize(emulator);
    const body = (await (
      await api(emulator, "/services/oauth2/userinfo", tokens.access_token)
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      sub: tokens.id,
      preferred_username: "admin@example.com",
      email_verified: true,
    });
    for (const key of [
      "user_id",
      "organization_id",
      "name",
      "given_name",
      "family_name",
      "zoneinfo",
      "photos",
      "profile",
      "picture",
      "address",
      "is_salesforce_integration_user",
      "urls",
    ]) {
      expect(body).toHaveProperty(key);
    }
  });

  it("Should answer 403 Bad_OAuth_Token for a bad token and Bad_Id for another user's identity", async () => {
    const bad = await api(emulator, "/services/oauth2/userinfo", "nope");
    expect(bad.status).toBe(403);
    expect(await bad.text()).toBe("Bad_OAuth_Token");
    const tokens = await authorize(emulator);
    const other = await control<{ userId: string }>(emulator, "users", {
      username: "b@example.com",
      password: "x",
    });
    const path = new URL(tokens.id).pathname.replace(/005\w+$/, other.body.userId);
    const response = await api(emulator, path, tokens.access_token);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("Bad_Id");
    const missing = await fetch(`${emulator.url}/services/oauth2/userinfo`);
    expect(await missing.text()).toBe("Missing_OAuth_Token");
  });
});

describe("POST /services/oauth2/revoke", () => {
  it("Should revoke a refresh token together with its access tokens", async () => {
    const tokens = await authorize(emulator);
    expect(
      (await form("/services/oauth2/revoke", { token: tokens.refresh_token ?? "" })).status,
    ).toBe(200);
    expect(
      (await api(emulator, "/services/data/v62.0/sobjects/", tokens.access_token)).status,
    ).toBe(401);
    const again = await form("/services/oauth2/revoke", { token: tokens.refresh_token ?? "" });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: "invalid_token" });
  });

  it("Should revoke only the access token when given one", async () => {
    const tokens = await authorize(emulator);
    expect((await form("/services/oauth2/revoke", { token: tokens.access_token })).status).toBe(
      200,
    );
    expect(
      (await api(emulator, "/services/data/v62.0/sobjects/", tokens.access_token)).status,
    ).toBe(401);
    const state = await control<{ tokens: { revoked: boolean }[] }>(emulator, "state");
    expect(state.body.tokens).toEqual([expect.objectContaining({ revoked: true })]);
  });

  it("Should answer invalid_request without a token and invalid_token for an unknown one", async () => {
    const missing = await form("/services/oauth2/revoke", {});
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toBe("invalid_request");
    expect(await (await form("/services/oauth2/revoke", { token: "nope" })).json()).toEqual({
      error: "invalid_token",
    });
  });
});

describe("POST /services/oauth2/introspect", () => {
  it("Should describe active access and refresh tokens and call others inactive", async () => {
    const tokens = await authorize(emulator);
    const creds = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET };
    const access = (await (
      await form("/services/oauth2/introspect", { ...creds, token: tokens.access_token })
    ).json()) as Record<string, unknown>;
    expect(access).toMatchObject({
      active: true,
      token_type: "access_token",
      client_id: CLIENT_ID,
      username: "admin@example.com",
      sub: tokens.id,
    });
    expect(access.exp).toBeGreaterThan(access.iat as number);
    const refresh = (await (
      await form("/services/oauth2/introspect", { ...creds, token: tokens.refresh_token ?? "" })
    ).json()) as Record<string, unknown>;
    expect(refresh).toMatchObject({ active: true, token_type: "refresh_token" });
    expect(
      await (await form("/services/oauth2/introspect", { ...creds, token: "nope" })).json(),
    ).toEqual({ active: false });
  });

  it("Should require client credentials", async () => {
    const response = await form("/services/oauth2/introspect", {
      token: "x",
      client_id: CLIENT_ID,
    });
    expect(response.status).toBe(401);
  });
});

describe("GET /.well-known/openid-configuration", () => {
  it("Should list the emulator's endpoints and no code_challenge_methods_supported", async () => {
    const body = (await (
      await fetch(`${emulator.url}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      issuer: emulator.url,
      authorization_endpoint: `${emulator.url}/services/oauth2/authorize`,
      token_endpoint: `${emulator.url}/services/oauth2/token`,
      revocation_endpoint: `${emulator.url}/services/oauth2/revoke`,
      introspection_endpoint: `${emulator.url}/services/oauth2/introspect`,
    });
    expect(body).not.toHaveProperty("code_challenge_methods_supported");
    expect(body.token_endpoint_auth_methods_supported).toEqual([
      "client_secret_post",
      "client_secret_basic",
      "private_key_jwt",
    ]);
  });
});
