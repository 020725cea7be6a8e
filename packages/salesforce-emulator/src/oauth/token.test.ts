import { createHash, createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import { startEmulator } from "../server.ts";
import { authorizeByForm } from "../testing/authorize-by-form.ts";
import type { TokenBody } from "../testing/test-support.ts";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  REDIRECT_URI,
  authorize,
  authorizeUrl,
  control,
  refreshRequest,
  startTest,
  tokenRequest,
} from "../testing/test-support.ts";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTest();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "reset", {}));

const verifier = "v".repeat(20) + "-verifier-with-enough-entropy_0123456789";
const challenge = createHash("sha256").update(verifier).digest("base64url");

async function code(extra: Record<string, string> = {}): Promise<string> {
  const callback = await authorizeByForm(authorizeUrl(emulator, extra));
  return callback.searchParams.get("code") ?? "";
}

const exchange = (c: string, extra: Record<string, string> = {}) =>
  tokenRequest(emulator, {
    grant_type: "authorization_code",
    code: c,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });

async function expectOAuthError(response: Response, error: string, description?: string) {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  if (description) expect(body.error_description).toBe(description);
}

describe("authorization_code grant", () => {
  it("Should answer Salesforce's fields, without expires_in, with a verifiable signature", async () => {
    const response = await exchange(await code({ code_challenge: challenge }), {
      code_verifier: verifier,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = (await response.json()) as TokenBody;
    expect(Object.keys(body).sort()).toEqual(
      [
        "access_token",
        "id",
        "instance_url",
        "issued_at",
        "refresh_token",
        "scope",
        "signature",
        "token_type",
      ].sort(),
    );
    expect(body).not.toHaveProperty("expires_in");
    expect(body.instance_url).toBe(emulator.url);
    expect(body.id).toMatch(new RegExp(`^${emulator.url}/id/00D\\w{15}/005\\w{15}$`));
    expect(body.issued_at).toMatch(/^\d{13}$/);
    expect(body.token_type).toBe("Bearer");
    expect(body.scope).toBe("api refresh_token id");
    const expected = createHmac("sha256", CLIENT_SECRET)
      .update(body.id + body.issued_at)
      .digest("base64");
    expect(body.signature).toBe(expected);
  });

  it("Should leave out refresh_token when the scope has neither refresh_token nor offline_access", async () => {
    const body = (await (await exchange(await code({ scope: "api id" }))).json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    const offline = (await (
      await exchange(await code({ scope: "api offline_access" }))
    ).json()) as TokenBody;
    expect(offline.refresh_token).toBeDefined();
  });

  it("Should add an RS256 id_token for the openid scope", async () => {
    const body = (await (
      await exchange(await code({ scope: "openid api", nonce: "n-1" }))
    ).json()) as TokenBody;
    const [header, payload] = String(body.id_token).split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toMatchObject({
      alg: "RS256",
    });
    expect(JSON.parse(Buffer.from(payload ?? "", "base64url").toString())).toMatchObject({
      aud: CLIENT_ID,
      nonce: "n-1",
      sub: body.id,
    });
    const jwks = (await (await fetch(`${emulator.url}/id/keys`)).json()) as {
      keys: { kty: string }[];
    };
    expect(jwks.keys[0]?.kty).toBe("RSA");
  });

  it("Should accept a code only once", async () => {
    const c = await code();
    expect((await exchange(c)).status).toBe(200);
    await expectOAuthError(await exchange(c), "invalid_grant", "invalid authorization code");
  });

  it("Should refuse a wrong or missing verifier, and a verifier without a challenge", async () => {
    await expectOAuthError(
      await exchange(await code({ code_challenge: challenge }), { code_verifier: "x".repeat(43) }),
      "invalid_grant",
    );
    await expectOAuthError(
      await exchange(await code({ code_challenge: challenge })),
      "invalid_grant",
    );
    await expectOAuthError(
      await exchange(await code(), { code_verifier: verifier }),
      "invalid_grant",
    );
  });

  it("Should refuse a different redirect URI with redirect_uri_mismatch", async () => {
    await expectOAuthError(
      await exchange(await code(), { redirect_uri: "http://127.0.0.1:1/oauth/callback" }),
      "redirect_uri_mismatch",
    );
  });

  it("Should require the client secret (invalid_client) and accept HTTP Basic", async () => {
    const c = await code();
    await expectOAuthError(await exchange(c, { client_secret: "" }), "invalid_client");
    await expectOAuthError(await exchange(c, { client_id: "nobody" }), "invalid_client_id");
    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
    const response = await fetch(`${emulator.url}/services/oauth2/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}` },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: await code(),
        redirect_uri: REDIRECT_URI,
      }),
    });
    expect(response.status).toBe(200);
  });

  it("Should refuse an unknown grant type", async () => {
    await expectOAuthError(
      await tokenRequest(emulator, { grant_type: "password" }),
      "unsupported_grant_type",
    );
  });

  it("Should let a code expire after 15 minutes", async () => {
    let now = Date.now();
    const clocked = await startEmulator({ org: { objects: 5 }, now: () => now });
    try {
      const url = authorizeUrl(clocked);
      const c = (await authorizeByForm(url)).searchParams.get("code") ?? "";
      now += 15 * 60 * 1000;
      const response = await tokenRequest(clocked, {
        grant_type: "authorization_code",
        code: c,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uri: REDIRECT_URI,
      });
      await expectOAuthError(response, "invalid_grant", "expired authorization code");
    } finally {
      await clocked.close();
    }
  });
});

describe("refresh_token grant", () => {
  it("Should issue a new access token and no refresh token without rotation", async () => {
    const tokens = await authorize(emulator);
    const response = await refreshRequest(emulator, tokens.refresh_token ?? "");
    const body = (await response.json()) as TokenBody;
    expect(response.status).toBe(200);
    expect(body.access_token).not.toBe(tokens.access_token);
    expect(body.refresh_token).toBeUndefined();
    expect(body).not.toHaveProperty("expires_in");
    expect(body.signature).toBe(
      createHmac("sha256", CLIENT_SECRET)
        .update(body.id + body.issued_at)
        .digest("base64"),
    );
  });

  it("Should rotate when switched on, and revoke the family when a rotated-out token is reused", async () => {
    await control(emulator, "config", { refreshTokenRotation: true });
    const tokens = await authorize(emulator);
    const rotated = (await (
      await refreshRequest(emulator, tokens.refresh_token ?? "")
    ).json()) as TokenBody;
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    await expectOAuthError(
      await refreshRequest(emulator, tokens.refresh_token ?? ""),
      "invalid_grant",
    );
    await expectOAuthError(
      await refreshRequest(emulator, rotated.refresh_token ?? ""),
      "invalid_grant",
      "expired access/refresh token",
    );
  });

  it("Should answer 'token request is already being processed' to an overlapping refresh", async () => {
    const tokens = await authorize(emulator);
    await control(emulator, "config", { latencyMs: 150 });
    const first = refreshRequest(emulator, tokens.refresh_token ?? "");
    await new Promise((resolve) => setTimeout(resolve, 40));
    const second = await refreshRequest(emulator, tokens.refresh_token ?? "");
    await expectOAuthError(second, "invalid_grant", "token request is already being processed");
    expect((await first).status).toBe(200);
    expect((await refreshRequest(emulator, tokens.refresh_token ?? "")).status).toBe(200);
  });

  it("Should answer 'expired access/refresh token' after revoke-all", async () => {
    const tokens = await authorize(emulator);
    await control(emulator, "revoke-all", {});
    await expectOAuthError(
      await refreshRequest(emulator, tokens.refresh_token ?? ""),
      "invalid_grant",
      "expired access/refresh token",
    );
  });

  it("Should revoke the oldest of five refresh tokens at the sixth authorization", async () => {
    const grants: TokenBody[] = [];
    for (let i = 0; i < 6; i++) grants.push(await authorize(emulator));
    await expectOAuthError(
      await refreshRequest(emulator, grants[0]?.refresh_token ?? ""),
      "invalid_grant",
      "expired access/refresh token",
    );
    expect((await refreshRequest(emulator, grants[1]?.refresh_token ?? "")).status).toBe(200);
  });
});
