import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  call,
  createConnection,
  errorCode,
  firstServiceId,
  PORTAL,
  signIn,
  signUp,
  uniqueEmail,
} from "./helpers.ts";

async function startAuthorize(body: Record<string, unknown> = {}) {
  const account = await signUp();
  const serviceId = await firstServiceId(account.cookie);
  const connection = await createConnection(account.cookie, serviceId);
  const res = await call(`/api/v1/connections/${connection.id}/authorize`, {
    cookie: account.cookie,
    body,
  });
  expect(res.status).toBe(200);
  const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
  const state = new URL(authorizeUrl).searchParams.get("state") ?? "";
  return { ...account, serviceId, connection, authorizeUrl, state };
}

async function callback(query: string) {
  const res = await call(`/oauth/callback?${query}`);
  expect(res.status).toBe(302);
  return res.headers.get("location") ?? "";
}

describe("OAuth callback: every branch ends in a redirect to the portal", () => {
  it("Should build the authorize URL on the connection's login host with PKCE and our redirect_uri", async () => {
    const { authorizeUrl, state, connection } = await startAuthorize();
    const url = new URL(authorizeUrl);
    expect(url.origin).toBe(env.EMULATOR_URL);
    expect(url.pathname).toBe("/services/oauth2/authorize");
    expect(url.searchParams.get("redirect_uri")).toBe(`${PORTAL}/oauth/callback`);
    expect(url.searchParams.get("client_id")).toBe("emulator-client-id");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.length).toBeGreaterThan(20);
    const stored = await env.DB.prepare("SELECT * FROM oauth_states WHERE connection_id = ?")
      .bind(connection.id)
      .first<Record<string, unknown>>();
    expect(stored).not.toBeNull();
    // Only the state's hash and the sealed verifier are stored.
    expect(JSON.stringify(stored)).not.toContain(state);
    expect(String(stored?.sealed_verifier)).toMatch(/^v1\.test-1\./);
  });

  it("Should redirect a denial (both spellings) with authorize=denied and store nothing", async () => {
    for (const spelling of ["access_denied", "access-denied"]) {
      const { state, connection, serviceId, cookie } = await startAuthorize();
      const location = await callback(
        `error=${spelling}&error_description=end-user+denied&state=${state}`,
      );
      expect(location).toBe(
        `${PORTAL}/services/${serviceId}?connection=${connection.id}&authorize=denied`,
      );
      const after = (await (
        await call(`/api/v1/connections/${connection.id}`, { cookie })
      ).json()) as { status: string };
      expect(after.status).toBe("new");
    }
  });

  it("Should redirect other Salesforce errors with authorize=error", async () => {
    const { state, connection } = await startAuthorize();
    const location = await callback(`error=server_error&state=${state}`);
    expect(new URL(location).searchParams.get("authorize")).toBe("error");
    expect(new URL(location).searchParams.get("connection")).toBe(connection.id);
  });

  it("Should send unknown, missing and malformed states to the portal home with invalid_state", async () => {
    expect(await callback(`code=abc&state=${"x".repeat(43)}`)).toBe(
      `${PORTAL}/?authorize=invalid_state`,
    );
    expect(await callback("code=abc")).toBe(`${PORTAL}/?authorize=invalid_state`);
    expect(await callback("code=abc&state=%3Cscript%3E")).toBe(
      `${PORTAL}/?authorize=invalid_state`,
    );
    expect(await callback("")).toBe(`${PORTAL}/?authorize=invalid_state`);
  });

  it("Should accept a state once: a replay is invalid_state", async () => {
    const { state } = await startAuthorize();
    const first = await callback(`error=access_denied&state=${state}`);
    expect(new URL(first).searchParams.get("authorize")).toBe("denied");
    expect(await callback(`error=access_denied&state=${state}`)).toBe(
      `${PORTAL}/?authorize=invalid_state`,
    );
  });

  it("Should answer an expired state with invalid_state on the connection's page", async () => {
    const { state, connection } = await startAuthorize();
    await env.DB.prepare("UPDATE oauth_states SET expires_at = ? WHERE connection_id = ?")
      .bind(Date.now() - 1000, connection.id)
      .run();
    const location = new URL(await callback(`code=whatever&state=${state}`));
    expect(location.searchParams.get("authorize")).toBe("invalid_state");
    expect(location.searchParams.get("connection")).toBe(connection.id);
  });

  it("Should refuse the callback of a person who lost the admin role meanwhile", async () => {
    const owner = await signUp();
    const email = uniqueEmail("admin");
    await call("/api/v1/members", {
      cookie: owner.cookie,
      body: { email, name: "A", password: "password123", role: "admin" },
    });
    const adminCookie = await signIn(email, "password123");
    const connection = await createConnection(owner.cookie, await firstServiceId(owner.cookie));
    const res = await call(`/api/v1/connections/${connection.id}/authorize`, {
      cookie: adminCookie,
      body: {},
    });
    const state = new URL(
      ((await res.json()) as { authorizeUrl: string }).authorizeUrl,
    ).searchParams.get("state");
    await env.DB.prepare(
      "UPDATE members SET role = 'member' WHERE user_id = (SELECT id FROM users WHERE email = ?)",
    )
      .bind(email)
      .run();
    const location = new URL(await callback(`code=abc&state=${state}`));
    expect(location.searchParams.get("authorize")).toBe("invalid_state");
  });

  it("Should let an API key start an authorization and refuse it once the key is deleted", async () => {
    const account = await signUp();
    const connection = await createConnection(account.cookie, await firstServiceId(account.cookie));
    const created = await call("/api/v1/api-keys", {
      cookie: account.cookie,
      body: { name: "linker" },
    });
    const { id: keyId, key } = (await created.json()) as { id: string; key: string };
    const res = await call(`/api/v1/connections/${connection.id}/authorize`, {
      apiKey: key,
      body: {},
    });
    expect(res.status).toBe(200);
    const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
    const state = new URL(authorizeUrl).searchParams.get("state");
    await call(`/api/v1/api-keys/${keyId}`, { cookie: account.cookie, method: "DELETE" });
    const location = new URL(await callback(`error=access_denied&state=${state}`));
    expect(location.searchParams.get("authorize")).toBe("invalid_state");
  });

  it("Should return to returnTo, and refuse returnTo values that leave the portal", async () => {
    const { state, connection } = await startAuthorize({
      returnTo: "/services/x/connections?tab=1",
    });
    const location = await callback(`error=access_denied&state=${state}`);
    expect(location).toBe(
      `${PORTAL}/services/x/connections?tab=1&connection=${connection.id}&authorize=denied`,
    );
    const account = await signUp();
    const other = await createConnection(account.cookie, await firstServiceId(account.cookie));
    for (const returnTo of [
      "//evil.example/x",
      "https://evil.example",
      "/\\evil.example",
      "relative",
    ]) {
      const res = await call(`/api/v1/connections/${other.id}/authorize`, {
        cookie: account.cookie,
        body: { returnTo },
      });
      expect(res.status, returnTo).toBe(400);
      expect(await errorCode(res)).toBe("invalid_request");
    }
  });

  it("Should send a state whose connection was deleted to the portal home", async () => {
    const { state, connection, cookie } = await startAuthorize();
    expect(
      (await call(`/api/v1/connections/${connection.id}`, { cookie, method: "DELETE" })).status,
    ).toBe(204);
    expect(await callback(`code=abc&state=${state}`)).toBe(`${PORTAL}/?authorize=invalid_state`);
  });
});
