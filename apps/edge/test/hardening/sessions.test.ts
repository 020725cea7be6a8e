import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import spaHeaders from "../../../web/static/_headers?raw";
import { app } from "../../src/app.ts";
import { EDGE, PORTAL, randomIp, uniqueEmail } from "../helpers.ts";
import { apiRoutes, fillPath } from "./openapi-routes.ts";
import { send } from "./send.ts";
import { createTenant, expectClientError, rowCounts } from "./tenant.ts";

const routes = await apiRoutes();
const HTTPS = "https://portal.example.com";

function signUpRequest(origin: string, email = uniqueEmail("session")) {
  return new Request(`${origin}/api/v1/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "cf-connecting-ip": randomIp() },
    body: JSON.stringify({ email, password: "correct horse battery", name: "S" }),
  });
}

describe("sessions, CSRF and security headers", () => {
  it("Should set the session cookie HttpOnly, SameSite=Lax, Path=/ and not Secure on http://127.0.0.1", async () => {
    const res = await app.request(signUpRequest(EDGE), undefined, env);
    expect(res.status).toBe(200);
    const session = res.headers.getSetCookie().find((c) => c.startsWith("portal.session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });

  it("Should set a __Secure- cookie with Secure when PUBLIC_URL is https, and accept it back", async () => {
    const https = { ...env, PUBLIC_URL: HTTPS, PORTAL_DEV_URL: "", LOCAL_DEV: "false" };
    const res = await app.request(signUpRequest(HTTPS), undefined, https);
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("__Secure-portal.session_token="));
    expect(session, cookies.join("\n")).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    const me = await app.request(`${HTTPS}/api/v1/me`, { headers: { cookie } }, https);
    expect(me.status).toBe(200);
    // The CSRF rule knows the __Secure- name too.
    const write = await app.request(
      `${HTTPS}/api/v1/services`,
      {
        method: "POST",
        headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
        body: '{"name":"x"}',
      },
      https,
    );
    expect(await expectClientError(write, "secure cookie csrf")).toBe("csrf");
  });

  it("Should refuse every cookie-authenticated write from anywhere but the portal with 403 csrf, storing nothing", async () => {
    const tenant = await createTenant();
    const writes = routes.filter((r) => r.method !== "GET" && r.auth !== "none");
    expect(writes.length).toBeGreaterThanOrEqual(12);
    const foreign: Record<string, Record<string, string>> = {
      "foreign origin": { origin: "https://evil.example" },
      "null origin": { origin: "null" },
      "other scheme": { origin: "https://127.0.0.1:8787" },
      "other port": { origin: "http://127.0.0.1:8788" },
      "look-alike host": { origin: "http://127.0.0.1:8787.evil.example" },
      "no origin": {},
      "no origin, cross-site": { "sec-fetch-site": "cross-site" },
      "no origin, same-site": { "sec-fetch-site": "same-site" },
    };
    const before = await rowCounts(tenant.organizationId);
    let cases = 0;
    for (const route of writes) {
      const path = fillPath(route.template, {
        id: tenant.connectionId,
        serviceId: tenant.serviceId,
      });
      for (const [name, headers] of Object.entries(foreign)) {
        const res = await send(route.method, path, {
          headers: { ...headers, cookie: tenant.cookie },
          body: route.body === "none" ? undefined : '{"name":"x","environment":"production"}',
        });
        expect(await expectClientError(res, `${route.label} ${name}`)).toBe("csrf");
        cases++;
      }
    }
    console.log(`csrf: ${cases} refused writes`);
    expect(cases).toBeGreaterThanOrEqual(100);
    expect(await rowCounts(tenant.organizationId)).toEqual(before);
    const sameOrigin = await send("POST", "/api/v1/services", {
      headers: { cookie: tenant.cookie, "sec-fetch-site": "same-origin" },
      body: '{"name":"same origin"}',
    });
    expect(sameOrigin.status).toBe(201);
    const fromPortal = await send("POST", "/api/v1/services", {
      headers: { cookie: tenant.cookie, origin: PORTAL },
      body: '{"name":"dev portal"}',
    });
    expect(fromPortal.status).toBe(201);
    const machine = await send("POST", "/api/v1/services", {
      headers: { authorization: `Bearer ${tenant.apiKey}`, origin: "https://evil.example" },
      body: '{"name":"machine"}',
    });
    expect(machine.status).toBe(201);
  }, 120_000);

  it("Should keep blocking an address after 10 failed sign-ins, even with the right password, but not others", async () => {
    const tenant = await createTenant();
    const attacker = randomIp();
    for (let i = 0; i < 10; i++) {
      const res = await send("POST", "/api/v1/auth/sign-in/email", {
        headers: { origin: EDGE, "cf-connecting-ip": attacker },
        body: JSON.stringify({ email: tenant.email, password: `guess number ${i}` }),
      });
      expect(await expectClientError(res, `attempt ${i}`)).toBe("invalid_credentials");
    }
    const blocked = await send("POST", "/api/v1/auth/sign-in/email", {
      headers: { origin: EDGE, "cf-connecting-ip": attacker },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    expect(await expectClientError(blocked, "11th")).toBe("rate_limited");
    expect(blocked.headers.getSetCookie()).toEqual([]);
    const other = await send("POST", "/api/v1/auth/sign-in/email", {
      headers: { origin: EDGE },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    expect(other.status).toBe(200);
  }, 60_000);

  it("Should send CSP, nosniff, frame and referrer headers and no-store on every kind of API answer", async () => {
    const tenant = await createTenant();
    const answers: [string, Response][] = [
      ["200", await send("GET", "/api/v1/services", { headers: { cookie: tenant.cookie } })],
      ["401", await send("GET", "/api/v1/services")],
      ["404", await send("GET", "/api/v1/nope")],
      ["405", await send("PUT", "/api/v1/services", { headers: { origin: EDGE }, body: "{}" })],
      [
        "400",
        await send("POST", "/api/v1/services", {
          headers: { cookie: tenant.cookie, origin: EDGE },
          body: "{",
        }),
      ],
      ["302", await send("GET", "/oauth/callback?state=x")],
      [
        "sign-in",
        await send("POST", "/api/v1/auth/sign-in/email", {
          headers: { origin: EDGE },
          body: JSON.stringify({ email: tenant.email, password: tenant.password }),
        }),
      ],
      [
        "access token",
        await send("POST", `/api/v1/connections/${tenant.connectionId}/access-token`, {
          headers: { authorization: `Bearer ${tenant.apiKey}` },
        }),
      ],
      ["me", await send("GET", "/api/v1/me", { headers: { cookie: tenant.cookie } })],
      ["api keys", await send("GET", "/api/v1/api-keys", { headers: { cookie: tenant.cookie } })],
    ];
    for (const [name, res] of answers) {
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, name).toContain("default-src 'none'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options"), name).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), name).toBeTruthy();
      expect(res.headers.get("referrer-policy"), name).toBe("no-referrer");
      expect(res.headers.get("strict-transport-security"), name).toMatch(/max-age=\d+/);
      // Private answers (sessions, tokens, tenant data) are never cached by browsers or proxies.
      expect(res.headers.get("cache-control"), name).toBe("no-store");
    }
  });

  it("Should give the SPA a CSP without wildcards, framing or plugins, and the usual hardening headers", () => {
    const lines = spaHeaders.split("\n").filter((line) => !line.startsWith("#"));
    const all = lines.findIndex((line) => line.trim() === "/*");
    expect(all).toBeGreaterThanOrEqual(0);
    const block: Record<string, string> = {};
    for (const line of lines.slice(all + 1)) {
      if (!/^\s+\S/.test(line)) break;
      const [name = "", ...rest] = line.trim().split(":");
      block[name.toLowerCase()] = rest.join(":").trim();
    }
    const csp = block["content-security-policy"] ?? "";
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/(^|\s)\*|https?:(\s|;|$)|'unsafe-eval'/);
    expect(block["x-content-type-options"]).toBe("nosniff");
    expect(block["x-frame-options"]).toBe("DENY");
    expect(block["referrer-policy"]).toBe("no-referrer");
    expect(block["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  });
});
