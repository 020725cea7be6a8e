import { describe, expect, it } from "vitest";
import {
  call,
  cookieOf,
  createApiKey,
  errorCode,
  PORTAL,
  randomIp,
  signUp,
  uniqueEmail,
} from "../../test/helpers.ts";

const ip = () => ({ "cf-connecting-ip": randomIp() });

describe("accounts", () => {
  it("Should sign up with a session cookie, an owned organization and a first service", async () => {
    const email = uniqueEmail("Ada");
    const res = await call("/api/v1/auth/sign-up/email", {
      body: { email, password: "long enough password", name: "Ada" },
      headers: ip(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      user: { id: expect.any(String), email: email.toLowerCase(), name: "Ada" },
    });
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/portal\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(res);
    const me = await call("/api/v1/me", { cookie });
    expect(await me.json()).toEqual({
      user: { id: expect.any(String), email: email.toLowerCase(), name: "Ada" },
      organization: { id: expect.any(String), name: "Ada's organization" },
      role: "owner",
    });
    const services = await call("/api/v1/services", { cookie });
    expect(await services.json()).toEqual({
      services: [{ id: expect.any(String), name: "My Service" }],
    });
  });

  it("Should answer 409 email_taken for an email in use, in any case", async () => {
    const { email } = await signUp();
    const res = await call("/api/v1/auth/sign-up/email", {
      body: { email: email.toUpperCase(), password: "another password", name: "Twin" },
      headers: ip(),
    });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("email_taken");
  });

  it("Should refuse passwords outside 8..128 characters and bad emails with 400 invalid_request", async () => {
    for (const body of [
      { email: uniqueEmail(), password: "short", name: "X" },
      { email: uniqueEmail(), password: "x".repeat(129), name: "X" },
      { email: "not-an-email", password: "long enough password", name: "X" },
      { email: uniqueEmail(), password: "long enough password" },
    ]) {
      const res = await call("/api/v1/auth/sign-up/email", { body, headers: ip() });
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe("invalid_request");
    }
  });

  it("Should sign in, answer 401 invalid_credentials for a wrong password, and sign out", async () => {
    const account = await signUp();
    const wrong = await call("/api/v1/auth/sign-in/email", {
      body: { email: account.email, password: "wrong password!" },
      headers: ip(),
    });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe("invalid_credentials");
    const unknown = await call("/api/v1/auth/sign-in/email", {
      body: { email: uniqueEmail(), password: "whatever123" },
      headers: ip(),
    });
    expect(await errorCode(unknown)).toBe("invalid_credentials");

    const ok = await call("/api/v1/auth/sign-in/email", {
      body: { email: account.email, password: account.password },
      headers: ip(),
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["user"]);
    const cookie = cookieOf(ok);
    expect((await call("/api/v1/me", { cookie })).status).toBe(200);

    const out = await call("/api/v1/auth/sign-out", { cookie, body: {} });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ ok: true });
    expect((await call("/api/v1/me", { cookie })).status).toBe(401);
  });

  it("Should rate-limit sign-in attempts per client address", async () => {
    const { email } = await signUp();
    const headers = ip();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await call("/api/v1/auth/sign-in/email", {
        body: { email, password: "wrong password!" },
        headers,
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(await errorCode(res)).toBe("rate_limited");
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it("Should apply the login CSRF rule to sign-up and sign-in", async () => {
    const body = { email: uniqueEmail(), password: "long enough password", name: "X" };
    const noOrigin = await call("/api/v1/auth/sign-up/email", {
      body,
      origin: null,
      headers: ip(),
    });
    expect(noOrigin.status).toBe(403);
    expect(await errorCode(noOrigin)).toBe("csrf");
    const foreign = await call("/api/v1/auth/sign-up/email", {
      body,
      origin: "https://evil.example",
      headers: ip(),
    });
    expect(foreign.status).toBe(403);
    expect(await errorCode(foreign)).toBe("csrf");
    const sameOrigin = await call("/api/v1/auth/sign-up/email", {
      body,
      origin: null,
      headers: { ...ip(), "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
    const fromDevServer = await call("/api/v1/auth/sign-in/email", {
      body: { email: body.email, password: body.password },
      origin: PORTAL,
      headers: ip(),
    });
    expect(fromDevServer.status).toBe(200);
  });

  it("Should refuse cookie writes from other origins but not API-key writes", async () => {
    const { cookie } = await signUp();
    const csrf = await call("/api/v1/services", {
      cookie,
      body: { name: "x" },
      origin: "https://evil.example",
    });
    expect(csrf.status).toBe(403);
    expect(await errorCode(csrf)).toBe("csrf");
    const missing = await call("/api/v1/services", { cookie, body: { name: "x" }, origin: null });
    expect(await errorCode(missing)).toBe("csrf");
    const key = await createApiKey(cookie);
    const machine = await call("/api/v1/services", {
      apiKey: key,
      body: { name: "x" },
      origin: null,
    });
    expect(machine.status).toBe(201);
  });

  it("Should refuse API keys on cookie-only routes with 403 forbidden", async () => {
    const { cookie } = await signUp();
    const key = await createApiKey(cookie);
    for (const [path, method] of [
      ["/api/v1/me", "GET"],
      ["/api/v1/api-keys", "GET"],
      ["/api/v1/audit", "GET"],
      ["/api/v1/auth/sign-out", "POST"],
    ] as const) {
      const res = await call(path, {
        apiKey: key,
        method,
        ...(method === "POST" ? { body: {} } : {}),
      });
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("forbidden");
    }
  });

  it("Should answer 401 without credentials and for unknown API keys", async () => {
    const anonymous = await call("/api/v1/services");
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe("unauthorized");
    const unknown = await call("/api/v1/services", { apiKey: `sfp_${"A".repeat(43)}` });
    expect(unknown.status).toBe(401);
    const malformed = await call("/api/v1/services", { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
  });
});
