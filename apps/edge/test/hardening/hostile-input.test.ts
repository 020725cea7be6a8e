import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDGE, uniqueEmail } from "../helpers.ts";
import {
  BAD_CREDENTIALS,
  HOSTILE_PARAMS,
  INVALID_STRINGS,
  MALFORMED_JSON,
  NOT_AN_OBJECT,
  NOT_JSON,
  wrongTypes,
} from "./hostile-cases.ts";
import { apiRoutes, fillPath, type ApiRoute } from "./openapi-routes.ts";
import { send } from "./send.ts";
import { createTenant, expectClientError, rowCounts, type Tenant } from "./tenant.ts";

// Generated from GET /api/v1/openapi.json: a new route gets every case below without edits here.
const routes = await apiRoutes();
const bodyRoutes = routes.filter((route) => route.body !== "none");
const paramRoutes = routes.filter((route) => route.params.length > 0);
// Sign-out documents no 401: without a session it still clears the cookie.
const authRoutes = routes.filter(
  (route) => route.auth !== "none" && route.statuses.includes("401"),
);
const MANY_REQUESTS = 120_000;

// A valid body per route, so a wrong-typed field is the only thing wrong with the request.
function validBody(route: ApiRoute, tenant: Tenant): Record<string, unknown> {
  const email = uniqueEmail("hostile");
  const bases: Record<string, Record<string, unknown>> = {
    "POST /api/v1/auth/sign-up/email": { email, password: "correct horse battery", name: "H" },
    "POST /api/v1/auth/sign-in/email": { email: tenant.email, password: tenant.password },
    "POST /api/v1/members": { email, name: "H", password: "member password", role: "member" },
    "POST /api/v1/services/{serviceId}/connections": { environment: "production" },
    "POST /api/v1/connections/{id}/authorize": { returnTo: "/services" },
    "POST /api/v1/connections/{id}/read-design": { mode: "full" },
    "POST /api/v1/connections/{id}/access-token": { force: true },
  };
  return bases[route.label] ?? { name: "hostile name" };
}

function pathFor(route: ApiRoute, tenant: Tenant, override?: string): string {
  const values: Record<string, string> = {
    id: route.template.startsWith("/api/v1/api-keys") ? tenant.apiKeyId : tenant.connectionId,
    serviceId: tenant.serviceId,
    name: "Account",
  };
  if (route.template.startsWith("/api/v1/members")) values.id = tenant.userId;
  if (override !== undefined) for (const name of route.params) values[name] = override;
  return fillPath(route.template, values);
}

function credentials(route: ApiRoute, tenant: Tenant): Record<string, string> {
  if (route.auth === "none") return { origin: EDGE };
  return { cookie: tenant.cookie, origin: EDGE };
}

let tenant: Tenant;
let cases = 0;

beforeAll(async () => {
  tenant = await createTenant();
});

afterAll(() => {
  console.log(`hostile-input: ${cases} cases over ${routes.length} operations`);
  expect(cases).toBeGreaterThanOrEqual(300);
});

describe("hostile input on every operation of the OpenAPI document: 4xx with the contract's body, never 5xx, nothing stored", () => {
  it("Should derive a non-trivial route list from the OpenAPI document", () => {
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(8);
  });

  for (const route of bodyRoutes) {
    it(
      `Should refuse malformed, non-object, non-JSON and huge bodies: ${route.label}`,
      async () => {
        const before = await rowCounts(tenant.organizationId);
        const path = pathFor(route, tenant);
        const headers = credentials(route, tenant);
        for (const [name, body] of Object.entries({ ...MALFORMED_JSON, ...NOT_AN_OBJECT })) {
          const res = await send(route.method, path, { headers, body });
          const code = await expectClientError(res, `${route.label} ${name}`);
          expect(code, `${route.label} ${name}`).toBe("invalid_request");
          cases++;
        }
        for (const [name, { type, body }] of Object.entries(NOT_JSON)) {
          const res = await send(route.method, path, { headers, body, type });
          const code = await expectClientError(res, `${route.label} ${name}`);
          expect(code, `${route.label} ${name}`).toBe("unsupported_media_type");
          cases++;
        }
        const huge = await send(route.method, path, {
          headers,
          body: JSON.stringify({ name: "a".repeat(70_000) }),
        });
        expect(await expectClientError(huge, `${route.label} huge`)).toBe("payload_too_large");
        cases++;
        expect(await rowCounts(tenant.organizationId)).toEqual(before);
      },
      MANY_REQUESTS,
    );

    it(
      `Should refuse wrong types and invalid strings field by field: ${route.label}`,
      async () => {
        const before = await rowCounts(tenant.organizationId);
        const path = pathFor(route, tenant);
        const headers = credentials(route, tenant);
        for (const [field, type] of Object.entries(route.bodyFields)) {
          const values: Record<string, unknown> = wrongTypes(type);
          // Passwords are opaque: any character is allowed, only the length is checked.
          if (type === "string" && field !== "password") Object.assign(values, INVALID_STRINGS);
          for (const [name, value] of Object.entries(values)) {
            const body = JSON.stringify({ ...validBody(route, tenant), [field]: value });
            const res = await send(route.method, path, { headers, body });
            const code = await expectClientError(res, `${route.label} ${field}=${name}`);
            expect(code, `${route.label} ${field}=${name}`).toBe("invalid_request");
            cases++;
          }
        }
        expect(await rowCounts(tenant.organizationId)).toEqual(before);
      },
      MANY_REQUESTS,
    );
  }

  for (const route of paramRoutes) {
    it(
      `Should answer hostile path parameters with 400 or 404: ${route.label}`,
      async () => {
        const before = await rowCounts(tenant.organizationId);
        for (const [name, value] of Object.entries(HOSTILE_PARAMS)) {
          const body = route.body === "none" ? undefined : JSON.stringify(validBody(route, tenant));
          const res = await send(route.method, pathFor(route, tenant, value), {
            headers: {
              ...credentials(route, tenant),
              ...(route.template.endsWith("/events") ? { upgrade: "websocket" } : {}),
            },
            body,
          });
          const code = await expectClientError(res, `${route.label} ${name}`);
          expect(["not_found", "invalid_request"], `${route.label} ${name}`).toContain(code);
          cases++;
        }
        expect(await rowCounts(tenant.organizationId)).toEqual(before);
      },
      MANY_REQUESTS,
    );
  }

  for (const route of authRoutes) {
    it(
      `Should answer 401 to missing, unknown and malformed credentials: ${route.label}`,
      async () => {
        const before = await rowCounts(tenant.organizationId);
        for (const [name, headers] of Object.entries(BAD_CREDENTIALS)) {
          const body = route.body === "none" ? undefined : JSON.stringify(validBody(route, tenant));
          const res = await send(route.method, pathFor(route, tenant), {
            headers: { ...headers, origin: EDGE },
            body,
          });
          const code = await expectClientError(res, `${route.label} ${name}`);
          // A bearer header on a cookie-only route is refused as such before it is looked up.
          const expected =
            route.auth === "cookie" && headers.authorization
              ? ["unauthorized", "forbidden"]
              : ["unauthorized"];
          expect(expected, `${route.label} ${name}`).toContain(code);
          cases++;
        }
        expect(await rowCounts(tenant.organizationId)).toEqual(before);
      },
      MANY_REQUESTS,
    );
  }

  it(
    "Should answer every unsupported method of every path with 405, Allow and the error body",
    async () => {
      const byPath = new Map<string, Set<string>>();
      for (const route of routes) {
        const path = pathFor(route, tenant);
        byPath.set(path, (byPath.get(path) ?? new Set()).add(route.method));
      }
      const before = await rowCounts(tenant.organizationId);
      for (const [path, methods] of byPath) {
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
          if (methods.has(method)) continue;
          const res = await send(method, path, {
            headers: { cookie: tenant.cookie, origin: EDGE },
            body: method === "GET" ? undefined : "{}",
          });
          expect(await expectClientError(res, `${method} ${path}`)).toBe("method_not_allowed");
          const allow = res.headers.get("allow")?.split(", ") ?? [];
          for (const known of methods) expect(allow, `${method} ${path}`).toContain(known);
          cases++;
        }
      }
      expect(await rowCounts(tenant.organizationId)).toEqual(before);
    },
    MANY_REQUESTS,
  );

  it(
    "Should answer unknown routes with 404 not_found",
    async () => {
      const unknown = [
        "/api/v1/nope",
        "/api/v2/services",
        "/api/v1/services/x/y/z",
        "/api/v1/connections/x/unknown-action",
        "/api/v1/../../etc/passwd",
        "/api/v1/%2e%2e/%2e%2e/etc/passwd",
        "/api/v1/services%00",
        "/api/v1/admin",
        "/api/v1/dev/seed/extra",
        "/oauth/authorize",
        "/api/",
        "/api/v1/" + "a".repeat(5000),
      ];
      for (const path of unknown) {
        for (const method of ["GET", "POST"]) {
          const res = await send(method, path, {
            headers: { cookie: tenant.cookie, origin: EDGE },
            body: method === "POST" ? "{}" : undefined,
          });
          expect(await expectClientError(res, `${method} ${path}`)).toBe("not_found");
          cases++;
        }
      }
    },
    MANY_REQUESTS,
  );

  it(
    "Should refuse hostile Read Design queries with 400 and treat search text literally",
    async () => {
      const base = `/api/v1/connections/${tenant.connectionId}/design/objects`;
      const refused = [
        "limit=0",
        "limit=-1",
        "limit=abc",
        "limit=1e400",
        "limit=2.5",
        "offset=-1",
        "offset=x",
        "custom=maybe",
        "queryable=1",
        `q=${"a".repeat(201)}`,
      ];
      for (const query of refused) {
        const res = await send("GET", `${base}?${query}`, { headers: { cookie: tenant.cookie } });
        expect(await expectClientError(res, query)).toBe("invalid_request");
        cases++;
      }
      for (const q of ["' OR '1'='1", "%", "_", "\u0000", "%E2%80%AE"]) {
        const res = await send("GET", `${base}?q=${encodeURIComponent(q)}`, {
          headers: { cookie: tenant.cookie },
        });
        expect(res.status, q).toBe(200);
        expect(await res.json()).toEqual({ objects: [], total: 0 });
        cases++;
      }
    },
    MANY_REQUESTS,
  );
});
