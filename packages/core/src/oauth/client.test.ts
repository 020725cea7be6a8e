import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LoginHostError } from "../errors.ts";
import { SalesforceOAuthClient } from "./client.ts";
import type { Fetch } from "./send.ts";

const SECRET = "client-secret-123";
const OPTIONS = {
  clientId: "3MVG9client",
  clientSecret: SECRET,
  redirectUri: "https://portal.example.com/oauth/callback",
};
const loginUrl = new URL("https://acme.my.salesforce.com");
const ID = "https://acme.my.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P";

function tokenBody(overrides: Record<string, unknown> = {}) {
  const issuedAt = "1700000000000";
  return {
    access_token: "00Dx0000000BV7z!AR8AQ.access",
    refresh_token: "5Aep861.refresh",
    instance_url: "https://acme.my.salesforce.com",
    id: ID,
    token_type: "Bearer",
    scope: "api refresh_token id",
    issued_at: issuedAt,
    signature: createHmac("sha256", SECRET)
      .update(ID + issuedAt)
      .digest("base64"),
    ...overrides,
  };
}

/** A fake Salesforce: records each request and answers with the next queued response. */
function fakeSalesforce(...answers: Array<[number, unknown]>) {
  const requests: Request[] = [];
  const fetch: Fetch = async (request) => {
    requests.push(request);
    const next = answers.shift();
    if (!next) throw new Error("no answer queued");
    const [status, body] = next;
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  };
  return { fetch, requests };
}

async function form(request: Request | undefined) {
  return Object.fromEntries(new URLSearchParams(await request?.text()));
}

describe("SalesforceOAuthClient", () => {
  it("Should refuse incomplete configuration", () => {
    expect(() => new SalesforceOAuthClient({ ...OPTIONS, clientId: "" })).toThrow(/clientId/);
    expect(() => new SalesforceOAuthClient({ ...OPTIONS, clientSecret: "" })).toThrow(
      /clientSecret/,
    );
    expect(() => new SalesforceOAuthClient({ ...OPTIONS, redirectUri: "/oauth/callback" })).toThrow(
      /redirectUri/,
    );
  });

  it("Should create an authorization request whose challenge matches the verifier", async () => {
    const client = new SalesforceOAuthClient(OPTIONS);
    const { url, state, codeVerifier } = await client.createAuthorizationRequest(loginUrl, {
      prompt: "consent",
    });
    expect(url.origin).toBe("https://acme.my.salesforce.com");
    expect(url.searchParams.get("state")).toBe(state);
    expect(url.searchParams.get("code_challenge")).toBe(
      createHash("sha256").update(codeVerifier).digest("base64url"),
    );
    expect(url.searchParams.get("redirect_uri")).toBe(OPTIONS.redirectUri);
    expect(url.searchParams.get("prompt")).toBe("consent");
    expect(url.searchParams.get("scope")).toBe("api refresh_token id");
  });

  it("Should refuse a login host that fails the host check before building anything", async () => {
    const client = new SalesforceOAuthClient(OPTIONS);
    await expect(
      client.createAuthorizationRequest(new URL("https://acme.lightning.force.com")),
    ).rejects.toBeInstanceOf(LoginHostError);
    await expect(
      client.createAuthorizationRequest(new URL("http://127.0.0.1:8788")),
    ).rejects.toMatchObject({
      reason: "not_https",
    });
  });

  it("Should exchange a code, sending the verifier and secret, and verify the signature", async () => {
    const salesforce = fakeSalesforce([200, tokenBody()]);
    const client = new SalesforceOAuthClient({ ...OPTIONS, fetch: salesforce.fetch });
    const result = await client.validateAuthorizationCode(loginUrl, "aPrx.code", "v".repeat(43));
    expect(result.ok && result.tokens).toMatchObject({
      accessToken: "00Dx0000000BV7z!AR8AQ.access",
      refreshToken: "5Aep861.refresh",
      instanceUrl: "https://acme.my.salesforce.com",
      idUrl: ID,
      issuedAt: 1700000000000,
    });
    expect(salesforce.requests[0]?.url).toBe(
      "https://acme.my.salesforce.com/services/oauth2/token",
    );
    expect(await form(salesforce.requests[0])).toMatchObject({
      grant_type: "authorization_code",
      code: "aPrx.code",
      code_verifier: "v".repeat(43),
      client_secret: SECRET,
      redirect_uri: OPTIONS.redirectUri,
    });
  });

  it("Should refuse tokens whose signature does not match, unless verification is off", async () => {
    const forged = tokenBody({
      id: "https://acme.my.salesforce.com/id/00Dx0000000BV7z/005OTHERUSER0001",
    });
    const strict = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([200, forged]).fetch,
    });
    await expect(
      strict.validateAuthorizationCode(loginUrl, "c", "v".repeat(43)),
    ).resolves.toMatchObject({
      ok: false,
      reason: "bad_signature",
      retryable: false,
    });
    const unsigned = tokenBody({ signature: undefined });
    const missing = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([200, unsigned]).fetch,
    });
    await expect(
      missing.validateAuthorizationCode(loginUrl, "c", "v".repeat(43)),
    ).resolves.toMatchObject({
      reason: "bad_signature",
    });
    const lenient = new SalesforceOAuthClient({
      ...OPTIONS,
      verifySignatures: false,
      fetch: fakeSalesforce([200, forged]).fetch,
    });
    await expect(
      lenient.validateAuthorizationCode(loginUrl, "c", "v".repeat(43)),
    ).resolves.toMatchObject({ ok: true });
  });

  it("Should report a bad code as invalid_grant", async () => {
    const body = { error: "invalid_grant", error_description: "invalid authorization code" };
    const client = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([400, body]).fetch,
    });
    await expect(
      client.validateAuthorizationCode(loginUrl, "c", "v".repeat(43)),
    ).resolves.toMatchObject({
      ok: false,
      reason: "invalid_grant",
    });
  });

  it("Should keep the old refresh token when a refresh does not rotate it", async () => {
    const salesforce = fakeSalesforce([
      200,
      tokenBody({ refresh_token: undefined, scope: undefined }),
    ]);
    const client = new SalesforceOAuthClient({ ...OPTIONS, fetch: salesforce.fetch });
    const result = await client.refreshAccessToken(loginUrl, "5Aep861.refresh");
    expect(result).toMatchObject({ ok: true, refreshToken: "5Aep861.refresh", rotated: false });
    expect(await form(salesforce.requests[0])).toEqual({
      grant_type: "refresh_token",
      refresh_token: "5Aep861.refresh",
      client_id: "3MVG9client",
      client_secret: SECRET,
    });
  });

  it("Should return a rotated refresh token to the caller", async () => {
    const client = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([200, tokenBody({ refresh_token: "5Aep861.rotated" })]).fetch,
    });
    await expect(client.refreshAccessToken(loginUrl, "5Aep861.refresh")).resolves.toMatchObject({
      ok: true,
      refreshToken: "5Aep861.rotated",
      rotated: true,
    });
  });

  it.each([
    [
      { error: "invalid_grant", error_description: "expired access/refresh token" },
      "revoked",
      false,
    ],
    [
      { error: "invalid_grant", error_description: "token request is already being processed" },
      "concurrent_refresh",
      true,
    ],
    [
      { error: "invalid_client", error_description: "invalid client credentials" },
      "invalid_client",
      false,
    ],
  ])("Should classify the refresh failure %j", async (body, reason, retryable) => {
    const client = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([400, body]).fetch,
    });
    await expect(client.refreshAccessToken(loginUrl, "r")).resolves.toMatchObject({
      ok: false,
      reason,
      retryable,
    });
  });

  it("Should never put the refresh token or the secret into a failure", async () => {
    const body = { error: "invalid_grant", error_description: "expired access/refresh token" };
    const client = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([400, body]).fetch,
    });
    const result = await client.refreshAccessToken(loginUrl, "5Aep861.secret-refresh");
    expect(JSON.stringify(result)).not.toMatch(/secret-refresh|client-secret-123/);
  });

  it("Should revoke a token at the login host", async () => {
    const salesforce = fakeSalesforce([200, ""], [400, { error: "invalid_token" }]);
    const client = new SalesforceOAuthClient({ ...OPTIONS, fetch: salesforce.fetch });
    await expect(client.revokeToken(loginUrl, "5Aep861.refresh")).resolves.toEqual({ ok: true });
    await expect(client.revokeToken(loginUrl, "5Aep861.refresh")).resolves.toMatchObject({
      reason: "invalid_token",
    });
    expect(salesforce.requests[0]?.url).toBe(
      "https://acme.my.salesforce.com/services/oauth2/revoke",
    );
  });

  it("Should read the identity URL with the bearer token after checking its host", async () => {
    const identity = {
      user_id: "005x00000012Q9P",
      organization_id: "00Dx0000000BV7z",
      username: "admin@example.com",
    };
    const salesforce = fakeSalesforce([200, identity]);
    const client = new SalesforceOAuthClient({ ...OPTIONS, fetch: salesforce.fetch });
    await expect(client.fetchIdentity(ID, "00Dtoken")).resolves.toMatchObject({
      username: "admin@example.com",
    });
    expect(salesforce.requests[0]?.headers.get("authorization")).toBe("Bearer 00Dtoken");
    await expect(
      client.fetchIdentity("https://attacker.example/id/a/b", "00Dtoken"),
    ).rejects.toBeInstanceOf(LoginHostError);
    expect(salesforce.requests).toHaveLength(1);
  });

  it("Should read userinfo and introspect at the instance URL", async () => {
    const salesforce = fakeSalesforce(
      [200, { user_id: "005x", organization_id: "00Dx", preferred_username: "admin@example.com" }],
      [200, { active: true, exp: 1700007200 }],
    );
    const client = new SalesforceOAuthClient({ ...OPTIONS, fetch: salesforce.fetch });
    const instance = new URL("https://acme.my.salesforce.com");
    await expect(client.fetchUserInfo(instance, "00Dtoken")).resolves.toMatchObject({
      preferredUsername: "admin@example.com",
    });
    await expect(client.introspect(instance, "00Dtoken")).resolves.toMatchObject({
      active: true,
      expiresAt: 1700007200000,
    });
    expect(salesforce.requests.map((request) => new URL(request.url).pathname)).toEqual([
      "/services/oauth2/userinfo",
      "/services/oauth2/introspect",
    ]);
    expect(await form(salesforce.requests[1])).toMatchObject({
      token: "00Dtoken",
      client_secret: SECRET,
    });
  });

  it("Should talk to the loopback emulator only when allowLoopback is set", async () => {
    const local = new URL("http://127.0.0.1:8788");
    const body = tokenBody({ instance_url: "http://127.0.0.1:8788" });
    const client = new SalesforceOAuthClient({
      ...OPTIONS,
      allowLoopback: true,
      fetch: fakeSalesforce([200, body]).fetch,
    });
    await expect(client.refreshAccessToken(local, "r")).resolves.toMatchObject({ ok: true });
    const production = new SalesforceOAuthClient({
      ...OPTIONS,
      fetch: fakeSalesforce([200, body]).fetch,
    });
    await expect(production.refreshAccessToken(local, "r")).rejects.toBeInstanceOf(LoginHostError);
  });
});
