import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import { authorizeByForm } from "../testing/authorize-by-form.ts";
import { REDIRECT_URI, authorizeUrl, control, startTest } from "../testing/test-support.ts";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTest();
});
afterAll(() => emulator.close());
beforeEach(() => control(emulator, "reset", {}));

const get = (url: string, cookie = "") =>
  fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
const post = (url: string, form: Record<string, string>, cookie = "") =>
  fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(form),
  });
const cookieOf = (response: Response) =>
  (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const challengeOf = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

describe("GET /services/oauth2/authorize", () => {
  it("Should show an accessible login page with username, password and a Log In button", async () => {
    const response = await get(authorizeUrl(emulator));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('<label for="username">');
    expect(html).toContain('name="username"');
    expect(html).toContain('<label for="password">');
    expect(html).toContain('type="password"');
    expect(html).toMatch(/<button type="submit">Log In<\/button>/);
    expect(html).toContain('method="post" action="/services/oauth2/authorize?');
  });

  it("Should show an error page, never a redirect, for an unknown client or an unregistered redirect URI", async () => {
    const badClient = await get(authorizeUrl(emulator, { client_id: "nobody" }));
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain("error=invalid_client_id");
    for (const uri of [
      "https://evil.example/oauth/callback",
      "http://127.0.0.1:5173/other",
      "http://127.0.0.1:1/oauth/callback?x=1",
    ]) {
      const response = await get(authorizeUrl(emulator, { redirect_uri: uri }));
      expect(response.status).toBe(400);
      expect(response.headers.get("location")).toBeNull();
      expect(await response.text()).toContain("error=redirect_uri_mismatch");
    }
  });

  it("Should accept any port on 127.0.0.1 and localhost", async () => {
    for (const uri of [
      "http://127.0.0.1:18787/oauth/callback",
      "http://localhost:9/oauth/callback",
    ]) {
      expect((await get(authorizeUrl(emulator, { redirect_uri: uri }))).status).toBe(200);
    }
  });

  it.each([
    [{ response_type: "token" }, "unsupported_response_type"],
    [
      { code_challenge: challengeOf("v".repeat(43)), code_challenge_method: "plain" },
      "invalid_request",
    ],
    [{ code_challenge: "too-short" }, "invalid_request"],
    [{ scope: "api superpowers" }, "invalid_scope"],
  ])("Should redirect %j with error=%s and the state", async (extra, error) => {
    const response = await get(authorizeUrl(emulator, extra));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe(error);
    expect(location.searchParams.get("state")).toBe("st");
  });

  it("Should redirect invalid_request without a challenge when requirePkce is set", async () => {
    await control(emulator, "config", { requirePkce: true });
    const response = await get(authorizeUrl(emulator));
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("error")).toBe(
      "invalid_request",
    );
    expect(
      (await get(authorizeUrl(emulator, { code_challenge: challengeOf("x".repeat(43)) }))).status,
    ).toBe(200);
  });
});

describe("login and consent", () => {
  it("Should remember the login in an sfemu_ cookie and ask for consent once per user", async () => {
    const url = authorizeUrl(emulator);
    const login = await post(url, { username: "admin@example.com", password: "password" });
    const cookie = cookieOf(login);
    expect(cookie).toMatch(/^sfemu_/);
    expect(login.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
    const consent = await login.text();
    expect(consent).toContain("<h1>Allow Access?</h1>");
    expect(consent).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(consent).toMatch(/<button[^>]*>Deny<\/button>/);
    const allowed = await post(url, { decision: "allow" }, cookie);
    expect(allowed.status).toBe(302);
    expect(new URL(allowed.headers.get("location") ?? "").searchParams.get("code")).toMatch(
      /^aPrx/,
    );
    const again = await get(url, cookie);
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get("location") ?? "").searchParams.get("state")).toBe("st");
  });

  it("Should force the login page with prompt=login and the consent page with prompt=consent", async () => {
    const callback = await authorizeByForm(authorizeUrl(emulator));
    expect(callback.searchParams.get("code")).toBeTruthy();
    const login = await post(authorizeUrl(emulator), {
      username: "admin@example.com",
      password: "password",
    });
    const cookie = cookieOf(login);
    expect(await (await get(authorizeUrl(emulator, { prompt: "login" }), cookie)).text()).toContain(
      "Log In",
    );
    expect(
      await (await get(authorizeUrl(emulator, { prompt: "consent" }), cookie)).text(),
    ).toContain("Allow Access?");
  });

  it("Should show the login page again with an alert for a wrong password", async () => {
    const response = await post(authorizeUrl(emulator), {
      username: "admin@example.com",
      password: "wrong",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toMatch(
      /role="alert"[^>]*>Please check your username and password/,
    );
  });

  it("Should show the login page for a decision without a login", async () => {
    const response = await post(authorizeUrl(emulator), { decision: "allow" });
    expect(await response.text()).toContain("Log In");
  });

  it("Should redirect Deny with access_denied, or the hyphen spelling when configured", async () => {
    const denied = await authorizeByForm(authorizeUrl(emulator, { prompt: "consent" }), {
      decision: "deny",
    });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.toString()).toContain("error_description=end-user+denied+authorization");
    await control(emulator, "config", { denySpelling: "access-denied" });
    const hyphen = await authorizeByForm(authorizeUrl(emulator, { prompt: "consent" }), {
      decision: "deny",
    });
    expect(hyphen.searchParams.get("error")).toBe("access-denied");
  });

  it("Should answer immediate=true without interaction, or immediate_unsuccessful", async () => {
    const refused = await get(authorizeUrl(emulator, { immediate: "true" }));
    expect(new URL(refused.headers.get("location") ?? "").searchParams.get("error")).toBe(
      "immediate_unsuccessful",
    );
  });

  it("Should let users added through the control API log in", async () => {
    await control(emulator, "users", { username: "second@example.com", password: "pw-2" });
    const callback = await authorizeByForm(authorizeUrl(emulator), {
      username: "second@example.com",
      password: "pw-2",
    });
    expect(callback.searchParams.get("code")).toBeTruthy();
  });
});
