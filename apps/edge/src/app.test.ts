import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, EDGE, errorCode, signUp } from "../test/helpers.ts";
import { app } from "./app.ts";

describe("edge app", () => {
  it("Should answer health 503 until the demo seed exists, then 200", async () => {
    await env.DB.prepare("DELETE FROM system_facts").run();
    const before = await call("/api/v1/health");
    expect(before.status).toBe(503);
    expect(await errorCode(before)).toBe("seed_missing");
    const seeded = await call("/api/v1/dev/seed", {
      body: { emulatorUrl: env.EMULATOR_URL },
      origin: null,
    });
    expect(seeded.status).toBe(200);
    const after = await call("/api/v1/health");
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ok: true });
  });

  it("Should answer health 200 without the seed outside local development", async () => {
    await env.DB.prepare("DELETE FROM system_facts").run();
    const res = await app.request("/api/v1/health", {}, { ...env, LOCAL_DEV: "false" });
    expect(res.status).toBe(200);
  });

  it("Should answer unknown routes 404 and known paths with a wrong method 405", async () => {
    const unknown = await call("/api/v1/nope");
    expect(unknown.status).toBe(404);
    expect(await errorCode(unknown)).toBe("not_found");
    const wrongMethod = await call("/api/v1/services", { method: "PUT", body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD, POST");
    expect(await errorCode(wrongMethod)).toBe("method_not_allowed");
  });

  it("Should refuse a body that is not JSON with 415 and malformed JSON with 400", async () => {
    const { cookie } = await signUp();
    const headers = { cookie, origin: EDGE };
    const notJson = await app.request(
      "/api/v1/services",
      { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "name=x" },
      env,
    );
    expect(notJson.status).toBe(415);
    expect(await errorCode(notJson)).toBe("unsupported_media_type");
    const malformed = await app.request(
      "/api/v1/services",
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: "{nope",
      },
      env,
    );
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe("invalid_request");
  });

  it("Should serve the generated OpenAPI document and a script-free reference page", async () => {
    const doc = await call("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    const body = (await doc.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/sign-up/email",
        "/api/v1/services/{serviceId}/connections",
        "/api/v1/connections/{id}/access-token",
        "/api/v1/api-keys",
        "/api/v1/audit",
        "/oauth/callback",
      ]),
    );
    expect(body.paths["/api/v1/connections/{id}/authorize"]?.post).toBeDefined();
    const docs = await call("/api/v1/docs");
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain("/api/v1/connections/{id}/access-token");
    expect(html).not.toContain("<script");
    expect(docs.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("Should send security headers and a strict CSP on API answers", async () => {
    const res = await call("/api/v1/openapi.json");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
