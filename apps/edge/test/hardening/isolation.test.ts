import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { EDGE, PORTAL } from "../helpers.ts";
import { apiRoutes, fillPath, type ApiRoute } from "./openapi-routes.ts";
import { send } from "./send.ts";
import { addMember, createTenant, expectClientError, rowCounts, type Tenant } from "./tenant.ts";

const routes = (await apiRoutes()).filter((route) => route.auth !== "none");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

// What only admins (and API keys, which act as admins) may do; everything else members may.
const ADMIN_ONLY = new Set([
  "POST /api/v1/services",
  "POST /api/v1/services/{serviceId}/connections",
  "DELETE /api/v1/connections/{id}",
  "POST /api/v1/connections/{id}/authorize",
  "POST /api/v1/connections/{id}/revoke",
  "POST /api/v1/connections/{id}/access-token",
  "POST /api/v1/members",
  "DELETE /api/v1/members/{id}",
  "GET /api/v1/api-keys",
  "POST /api/v1/api-keys",
  "DELETE /api/v1/api-keys/{id}",
]);

function idsOf(tenant: Tenant, template: string): Record<string, string> {
  if (template.startsWith("/api/v1/api-keys")) return { id: tenant.apiKeyId };
  if (template.startsWith("/api/v1/members")) return { id: tenant.userId };
  return { id: tenant.connectionId, serviceId: tenant.serviceId, name: "Account" };
}

const BODIES: Record<string, string> = {
  "POST /api/v1/services": '{"name":"cross"}',
  "POST /api/v1/services/{serviceId}/connections": '{"environment":"production"}',
  "POST /api/v1/members":
    '{"email":"hostile-x@example.com","name":"x","password":"password123","role":"member"}',
  "POST /api/v1/api-keys": '{"name":"cross"}',
};

function request(route: ApiRoute, method: string, path: string, auth: Record<string, string>) {
  const body = method === "GET" ? undefined : (BODIES[`${method} ${route.template}`] ?? "{}");
  const upgrade: Record<string, string> = route.template.endsWith("/events")
    ? { upgrade: "websocket" }
    : {};
  return send(method, path, { headers: { ...auth, ...upgrade, origin: EDGE }, body });
}

let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
});

describe("tenant isolation on every operation of the OpenAPI document, every verb", () => {
  it("Should answer tenant A exactly as for an unknown id when it names tenant B's resources", async () => {
    const before = await rowCounts(b.organizationId);
    let attempts = 0;
    const paths = new Map<string, ApiRoute>();
    for (const route of routes.filter((r) => r.params.length > 0)) {
      paths.set(fillPath(route.template, idsOf(b, route.template)), route);
    }
    for (const [path, route] of paths) {
      const unknownPath = fillPath(route.template, {
        id: crypto.randomUUID(),
        serviceId: crypto.randomUUID(),
        name: "Account",
      });
      for (const method of METHODS) {
        const credentials = [{ cookie: a.cookie }];
        if (route.auth === "any")
          credentials.push({ authorization: `Bearer ${a.apiKey}` } as never);
        for (const auth of credentials) {
          const label = `${method} ${path} as A (${Object.keys(auth)[0]})`;
          const foreign = await request(route, method, path, auth);
          const unknown = await request(route, method, unknownPath, auth);
          const code = await expectClientError(foreign, label);
          expect(foreign.status, label).toBe(unknown.status);
          expect(code, label).toBe(await expectClientError(unknown, label));
          expect(["not_found", "method_not_allowed", "forbidden"], label).toContain(code);
          attempts++;
        }
      }
    }
    console.log(`isolation: ${attempts} foreign-id requests`);
    expect(attempts).toBeGreaterThanOrEqual(100);
    expect(await rowCounts(b.organizationId)).toEqual(before);
    const still = await send("GET", `/api/v1/connections/${b.connectionId}`, {
      headers: { cookie: b.cookie },
    });
    expect(still.status).toBe(200);
  }, 120_000);

  it("Should list none of tenant B's resources to tenant A", async () => {
    const lists = routes.filter((route) => route.method === "GET" && route.params.length === 0);
    expect(lists.length).toBeGreaterThanOrEqual(5);
    for (const route of lists) {
      const res = await send("GET", route.template, { headers: { cookie: a.cookie } });
      expect(res.status, route.label).toBe(200);
      const text = await res.text();
      for (const id of [b.organizationId, b.serviceId, b.connectionId, b.apiKeyId, b.userId]) {
        expect(text, `${route.label} shows ${id}`).not.toContain(id);
      }
      expect(text).not.toContain(b.email);
    }
  });

  it("Should refuse events sockets of another tenant (404), without auth (401) and from a foreign origin (403 csrf)", async () => {
    const path = `${EDGE}/api/v1/connections/${a.connectionId}/events`;
    const cases: [string, Record<string, string>, number, string][] = [
      ["no credentials", {}, 401, "unauthorized"],
      ["B's cookie", { cookie: b.cookie, origin: EDGE }, 404, "not_found"],
      ["B's API key", { authorization: `Bearer ${b.apiKey}` }, 404, "not_found"],
      [
        "A's cookie, foreign origin",
        { cookie: a.cookie, origin: "https://evil.example" },
        403,
        "csrf",
      ],
      ["A's cookie, no origin", { cookie: a.cookie }, 403, "csrf"],
      ["A's cookie, null origin", { cookie: a.cookie, origin: "null" }, 403, "csrf"],
      [
        "A's cookie, cross-site fetch",
        { cookie: a.cookie, "sec-fetch-site": "cross-site" },
        403,
        "csrf",
      ],
      [
        "A's cookie, origin with other port",
        { cookie: a.cookie, origin: "http://127.0.0.1:9999" },
        403,
        "csrf",
      ],
    ];
    for (const [name, headers, status, code] of cases) {
      const res = await exports.default.fetch(path, {
        headers: { ...headers, upgrade: "websocket" },
      });
      expect(res.status, name).toBe(status);
      expect(res.webSocket, name).toBeNull();
      expect(await expectClientError(res, name)).toBe(code);
    }
    for (const [name, headers] of [
      ["A's cookie from the portal", { cookie: a.cookie, origin: PORTAL }],
      [
        "A's API key from anywhere",
        { authorization: `Bearer ${a.apiKey}`, origin: "https://evil.example" },
      ],
    ] as const) {
      const res = await exports.default.fetch(path, {
        headers: { ...headers, upgrade: "websocket" },
      });
      expect(res.status, name).toBe(101);
      res.webSocket?.accept();
      res.webSocket?.close(1000);
    }
  });

  it("Should refuse members what only admins may do with 403 and allow them the rest", async () => {
    const member = await addMember(a, "member");
    const known = new Set(routes.map((route) => route.label));
    for (const label of ADMIN_ONLY) expect(known, label).toContain(label);
    const before = await rowCounts(a.organizationId);
    for (const route of routes) {
      // Sign-out would end the member's session; the events socket is covered above.
      if (route.template.endsWith("/events") || route.template.endsWith("/sign-out")) continue;
      const path = fillPath(route.template, idsOf(a, route.template));
      const res = await request(route, route.method, path, { cookie: member.cookie });
      if (ADMIN_ONLY.has(route.label)) {
        expect(res.status, route.label).toBe(403);
        expect(await expectClientError(res, route.label)).toBe("forbidden");
      } else {
        expect(res.status, route.label).not.toBe(403);
        expect(res.status, route.label).toBeLessThan(500);
      }
    }
    const after = await rowCounts(a.organizationId);
    // Members may start a Read Design and test (audited); they changed nothing else.
    expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
  }, 120_000);
});
