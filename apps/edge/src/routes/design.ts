import { createRoute, z } from "@hono/zod-openapi";
import {
  ChangesSchema,
  ObjectDesignSchema,
  ObjectNameParamSchema,
  ObjectsPageSchema,
  ObjectsQuerySchema,
  RunSchema,
  StartRunBodySchema,
} from "../api/design-schemas.ts";
import { errorResponses, IdParamSchema } from "../api/schemas.ts";
import { isFromPortal } from "../auth/csrf.ts";
import { actorLabel, requireAuth } from "../auth/principal.ts";
import { readConfig } from "../config.ts";
import { connectionStub } from "../connection/stub.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb } from "../db/client.ts";
import { getConnection } from "../db/connections.ts";
import { ApiError, notFound } from "../errors.ts";
import type { AppContext } from "../types.ts";
import { createApp, json } from "./openapi-app.ts";

const tags = ["Read Design"];
const params = IdParamSchema;

async function tenantConnection(c: AppContext, id: string) {
  const row = await getConnection(createDb(c.env.DB), c.var.principal.organizationId, id);
  if (!row) throw notFound("connection");
  return row;
}

const start = createRoute({
  method: "post",
  path: "/{id}/read-design",
  tags,
  summary: "Start Read Design, or return the active run (one run per connection at a time)",
  middleware: [requireAuth()],
  request: { params, body: { required: false, content: json(StartRunBodySchema) } },
  responses: {
    202: { description: "The new or active run", content: json(RunSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 415),
  },
});

const getRun = createRoute({
  method: "get",
  path: "/{id}/read-design",
  tags,
  summary: "The active or last run",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    200: { description: "The run", content: json(RunSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const cancel = createRoute({
  method: "delete",
  path: "/{id}/read-design",
  tags,
  summary: "Cancel the active run",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    200: { description: "The cancelled run", content: json(RunSchema) },
    ...errorResponses(401, 403, 404, 409),
  },
});

const objects = createRoute({
  method: "get",
  path: "/{id}/design/objects",
  tags,
  summary: "The read objects, sorted by name; q matches name or label (any case)",
  middleware: [requireAuth()],
  request: { params, query: ObjectsQuerySchema },
  responses: {
    200: { description: "One page of objects", content: json(ObjectsPageSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const object = createRoute({
  method: "get",
  path: "/{id}/design/objects/{name}",
  tags,
  summary: "One object with all its fields and child relationships",
  middleware: [requireAuth()],
  request: { params: ObjectNameParamSchema },
  responses: {
    200: { description: "The object", content: json(ObjectDesignSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const changes = createRoute({
  method: "get",
  path: "/{id}/design/changes",
  tags,
  summary: "What changed between the last two finished reads",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    200: { description: "The changes", content: json(ChangesSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const events = createRoute({
  method: "get",
  path: "/{id}/events",
  tags,
  summary:
    "WebSocket: a snapshot {type:'snapshot', run, connection}, then progress, finished, failed and connection events",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    101: { description: "Switching to WebSocket" },
    426: {
      description: "Not a WebSocket upgrade",
      content: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) })),
    },
    ...errorResponses(401, 403, 404),
  },
});

const NO_RUN = () => new ApiError(404, "not_found", "This connection has no Read Design run yet.");

/** `/api/v1/connections/:id/read-design`, `/design/*` and `/events`. */
export const designApp = createApp()
  .openapi(start, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    if (row.status === "needs_reauth")
      throw new ApiError(409, "needs_reauth", "Salesforce refused the token: authorize again.");
    if (row.status !== "authorized")
      throw new ApiError(409, "not_authorized", "Authorize the connection before Read Design.");
    const mode = c.req.valid("json")?.mode ?? "full";
    const { run, created } = await connectionStub(c.env, row.id).startReadDesign({
      connectionId: row.id,
      code: row.code,
      mode,
    });
    if (created) {
      await recordAudit(createDb(c.env.DB), {
        organizationId: row.organizationId,
        actor: actorLabel(c.var.principal),
        action: "read_design.start",
        target: `connection:${row.id}`,
        details: { code: row.code, mode, runId: run.id },
      });
    }
    return c.json(run, 202);
  })
  .openapi(getRun, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    const run = await connectionStub(c.env, row.id).readDesignRun();
    if (!run) throw NO_RUN();
    return c.json(run, 200);
  })
  .openapi(cancel, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    const run = await connectionStub(c.env, row.id).cancelReadDesign();
    if (!run) throw new ApiError(409, "no_active_run", "No Read Design run is active.");
    return c.json(run, 200);
  })
  .openapi(objects, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    const page = await connectionStub(c.env, row.id).designObjects(c.req.valid("query"));
    return c.json(page, 200);
  })
  .openapi(object, async (c) => {
    const { id, name } = c.req.valid("param");
    const row = await tenantConnection(c, id);
    const design = await connectionStub(c.env, row.id).designObject(name);
    if (!design) throw notFound("object");
    return c.json(design, 200);
  })
  .openapi(changes, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    return c.json(await connectionStub(c.env, row.id).designChanges(), 200);
  })
  .openapi(events, async (c) => {
    const row = await tenantConnection(c, c.req.valid("param").id);
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
      return c.json(
        { error: { code: "upgrade_required", message: "Open this with a WebSocket." } },
        426,
      );
    const principal = c.var.principal;
    // Cross-site WebSocket hijacking: a cookie-carried upgrade must come from the portal itself.
    if (
      principal.kind === "user" &&
      !isFromPortal(c.req.raw.headers, readConfig(c.env).allowedOrigins)
    )
      throw new ApiError(403, "csrf", "This request must come from the portal's own origin.");
    const viewer =
      principal.kind === "user" ? `user:${principal.userId}` : `api_key:${principal.apiKeyId}`;
    const headers = new Headers(c.req.raw.headers);
    headers.set("x-connection-id", row.id);
    headers.set("x-connection-code", row.code);
    headers.set("x-viewer", viewer);
    headers.delete("cookie");
    headers.delete("authorization");
    const upgraded = await connectionStub(c.env, row.id).fetch(
      new Request(c.req.raw.url, { headers }),
    );
    // Re-wrapped so the header middlewares can still write to it (a stub's answer is immutable).
    return new Response(upgraded.body, {
      status: upgraded.status,
      headers: upgraded.headers,
      webSocket: upgraded.webSocket,
    });
  });
