import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { csrf } from "./auth/csrf.ts";
import { renderDocs } from "./docs/render-docs.ts";
import { ApiError, errorBody, handleError, validationHook } from "./errors.ts";
import { createMethodLookup } from "./http/route-methods.ts";
import { apiKeysApp } from "./routes/api-keys.ts";
import { auditApp } from "./routes/audit.ts";
import { authApp } from "./routes/auth.ts";
import { connectionsApp } from "./routes/connections.ts";
import { designApp } from "./routes/design.ts";
import { devApp } from "./routes/dev.ts";
import { healthApp } from "./routes/health.ts";
import { meApp } from "./routes/me.ts";
import { membersApp } from "./routes/members.ts";
import { oauthApp } from "./routes/oauth.ts";
import { servicesApp } from "./routes/services.ts";
import type { AppEnv } from "./types.ts";

const MAX_BODY_BYTES = 64 * 1024;
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const DOCS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

const DEFAULT_SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

const OPENAPI_CONFIG = {
  openapi: "3.1.0",
  info: {
    title: "Connection Portal edge API",
    version: "v1",
    description:
      "The portal and machines use the same API: a session cookie (portal) or `Authorization: Bearer <api key>`.",
  },
  // Routes that need no credentials or only the cookie say so themselves.
  security: DEFAULT_SECURITY,
};

const base = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

base.use("*", async function receivedAt(c, next) {
  c.set("receivedAt", Date.now());
  await next();
});
base.use("*", secureHeaders({ contentSecurityPolicy: undefined, overwrite: false }));
base.use("*", async function contentSecurityPolicy(c, next) {
  await next();
  if (!c.res.headers.has("content-security-policy"))
    c.res.headers.set("content-security-policy", API_CSP);
});
// API answers carry sessions, tokens and tenant data: never kept by browsers or shared caches.
base.use("/api/*", async function privateAnswers(c, next) {
  await next();
  if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
});
base.use(
  "/api/*",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
      );
    },
  }),
);
base.use("/api/*", csrf());

/** The edge's routes, chained so `AppType` carries every path for `hc<AppType>()`. */
export const app = base
  .route("/api/v1/health", healthApp)
  .route("/api/v1/auth", authApp)
  .route("/api/v1/me", meApp)
  .route("/api/v1/members", membersApp)
  .route("/api/v1/services", servicesApp)
  .route("/api/v1/connections", connectionsApp)
  .route("/api/v1/connections", designApp)
  .route("/api/v1/api-keys", apiKeysApp)
  .route("/api/v1/audit", auditApp)
  .route("/api/v1/dev", devApp)
  .route("/oauth", oauthApp);

app.openAPIRegistry.registerComponent("securitySchemes", "session", {
  type: "apiKey",
  in: "cookie",
  name: "portal.session_token",
});
app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
  type: "http",
  scheme: "bearer",
});
app.doc31("/api/v1/openapi.json", OPENAPI_CONFIG);
app.get("/api/v1/docs", (c) => {
  c.header("content-security-policy", DOCS_CSP);
  return c.html(renderDocs(app.getOpenAPI31Document(OPENAPI_CONFIG)));
});

const allowedMethods = createMethodLookup(app.routes);
app.notFound((c) => {
  const allowed = allowedMethods(c.req.path);
  if (allowed.length > 0) {
    return c.json(errorBody("method_not_allowed", `Use ${allowed.join(", ")} here.`), 405, {
      allow: allowed.join(", "),
    });
  }
  return c.json(errorBody("not_found", "No such route."), 404);
});
app.onError(handleError);

/** The type `hc<AppType>()` takes in apps/web. */
export type AppType = typeof app;
