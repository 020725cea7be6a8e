import { createRoute, z } from "@hono/zod-openapi";
import { actorLabel, requireAuth } from "../auth/principal.ts";
import {
  AccessTokenSchema,
  ConnectionSchema,
  errorResponses,
  IdParamSchema,
  ReturnToSchema,
  TestResultSchema,
} from "../api/schemas.ts";
import { toConnectionView } from "../api/views.ts";
import { startAuthorization } from "../connection/authorize.ts";
import { revokeSealedToken } from "../connection/revoke.ts";
import { connectionStub } from "../connection/stub.ts";
import { testConnection } from "../connection/test-connection.ts";
import type { AccessTokenFailureCode } from "../connection/token-broker.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb, type Db } from "../db/client.ts";
import { deleteConnection, getConnection, markStatus } from "../db/connections.ts";
import { ApiError, notFound } from "../errors.ts";
import type { AppContext, Principal } from "../types.ts";
import { createApp, json } from "./openapi-app.ts";

const tags = ["Connections"];
const params = IdParamSchema;

const getOne = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  summary: "One connection",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    200: { description: "The connection", content: json(ConnectionSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  summary: "Delete: revoke at Salesforce (best effort), then delete secrets and design (admins)",
  middleware: [requireAuth({ role: "admin" })],
  request: { params },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

const authorize = createRoute({
  method: "post",
  path: "/{id}/authorize",
  tags,
  summary: "Start the Salesforce authorization: its authorize URL with state and PKCE (admins)",
  middleware: [requireAuth({ role: "admin" })],
  request: {
    params,
    body: { required: false, content: json(z.object({ returnTo: ReturnToSchema.optional() })) },
  },
  responses: {
    200: {
      description: "Salesforce's authorize URL",
      content: json(z.object({ authorizeUrl: z.string() })),
    },
    ...errorResponses(400, 401, 403, 404, 415),
  },
});

const test = createRoute({
  method: "post",
  path: "/{id}/test",
  tags,
  summary: "Check the connection: identity and API usage",
  middleware: [requireAuth()],
  request: { params },
  responses: {
    200: { description: "The outcome", content: json(TestResultSchema) },
    ...errorResponses(401, 403, 404),
  },
});

const revoke = createRoute({
  method: "post",
  path: "/{id}/revoke",
  tags,
  summary: "Revoke the connection's token at Salesforce (admins)",
  middleware: [requireAuth({ role: "admin" })],
  request: { params },
  responses: {
    200: { description: "Revoked", content: json(ConnectionSchema) },
    ...errorResponses(401, 403, 404, 502),
  },
});

const accessToken = createRoute({
  method: "post",
  path: "/{id}/access-token",
  tags,
  summary: "A fresh Salesforce access token (admins and API keys); force after a 401",
  middleware: [requireAuth({ role: "admin" })],
  request: {
    params,
    body: { required: false, content: json(z.object({ force: z.boolean().optional() })) },
  },
  responses: {
    200: { description: "The access token", content: json(AccessTokenSchema) },
    ...errorResponses(400, 401, 403, 404, 409, 415, 502),
  },
});

async function loadConnection(c: AppContext, db: Db, id: string) {
  const row = await getConnection(db, c.var.principal.organizationId, id);
  if (!row) throw notFound("connection");
  return row;
}

function audit(
  db: Db,
  principal: Principal,
  action: string,
  row: { id: string; code: string },
  details = {},
) {
  return recordAudit(db, {
    organizationId: principal.organizationId,
    actor: actorLabel(principal),
    action,
    target: `connection:${row.id}`,
    details: { code: row.code, ...details },
  });
}

const ACCESS_TOKEN_ERRORS: Record<AccessTokenFailureCode, 404 | 409 | 502> = {
  not_found: 404,
  not_authorized: 409,
  needs_reauth: 409,
  refresh_failed: 502,
  salesforce_unavailable: 502,
};

/** `/api/v1/connections/:id` and its actions. */
export const connectionsApp = createApp()
  .openapi(getOne, async (c) => {
    const row = await loadConnection(c, createDb(c.env.DB), c.req.valid("param").id);
    return c.json(toConnectionView(row), 200);
  })
  .openapi(remove, async (c) => {
    const db = createDb(c.env.DB);
    const row = await loadConnection(c, db, c.req.valid("param").id);
    const revoked = await revokeSealedToken(c.env, row).catch(() => null);
    await deleteConnection(db, row.organizationId, row.id);
    await connectionStub(c.env, row.id).destroy();
    await audit(db, c.var.principal, "connection.delete", row, {
      revokedAtSalesforce: revoked?.ok === true ? revoked.detail : "failed",
    });
    return c.body(null, 204);
  })
  .openapi(authorize, async (c) => {
    const principal = c.var.principal;
    const db = createDb(c.env.DB);
    const row = await loadConnection(c, db, c.req.valid("param").id);
    const { returnTo } = c.req.valid("json");
    const authorizeUrl = await startAuthorization(c.env, db, {
      connection: row,
      startedBy: {
        userId: principal.kind === "user" ? principal.userId : null,
        apiKeyId: principal.kind === "api_key" ? principal.apiKeyId : null,
        actor: actorLabel(principal),
      },
      returnTo: returnTo ?? null,
    });
    return c.json({ authorizeUrl }, 200);
  })
  .openapi(test, async (c) => {
    const row = await loadConnection(c, createDb(c.env.DB), c.req.valid("param").id);
    return c.json(await testConnection(c.env, row), 200);
  })
  .openapi(revoke, async (c) => {
    const db = createDb(c.env.DB);
    const row = await loadConnection(c, db, c.req.valid("param").id);
    const outcome = await revokeSealedToken(c.env, row);
    if (!outcome.ok) {
      throw new ApiError(
        502,
        "salesforce_unavailable",
        `Salesforce did not revoke the token (${outcome.failure.reason}); try again.`,
      );
    }
    const updated = await markStatus(db, row.id, "revoked", null);
    if (!updated) throw notFound("connection");
    await connectionStub(c.env, row.id).forgetAccessToken({ connectionId: row.id });
    await audit(db, c.var.principal, "connection.revoke", row, {
      revokedAtSalesforce: outcome.detail,
    });
    return c.json(toConnectionView(updated), 200);
  })
  .openapi(accessToken, async (c) => {
    const row = await loadConnection(c, createDb(c.env.DB), c.req.valid("param").id);
    const { force } = c.req.valid("json");
    const result = await connectionStub(c.env, row.id).getAccessToken({
      connectionId: row.id,
      force: force === true,
      requestedAt: c.var.receivedAt,
    });
    if (!result.ok)
      throw new ApiError(ACCESS_TOKEN_ERRORS[result.code], result.code, result.message);
    c.header("cache-control", "no-store");
    return c.json(
      {
        accessToken: result.accessToken,
        instanceUrl: result.instanceUrl,
        issuedAt: new Date(result.issuedAt).toISOString(),
      },
      200,
    );
  });
