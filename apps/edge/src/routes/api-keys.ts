import { createRoute, z } from "@hono/zod-openapi";
import { generateApiKey } from "../auth/api-key-secret.ts";
import { actorLabel, requireAuth } from "../auth/principal.ts";
import {
  ApiKeySchema,
  CreatedApiKeySchema,
  errorResponses,
  IdParamSchema,
  NameSchema,
  COOKIE_ONLY,
} from "../api/schemas.ts";
import { iso } from "../api/views.ts";
import { deleteApiKey, insertApiKey, listApiKeys } from "../db/api-keys.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb } from "../db/client.ts";
import { ApiError, notFound } from "../errors.ts";
import { createApp, json } from "./openapi-app.ts";

const adminsOnly = requireAuth({ role: "admin", cookieOnly: true });

const create = createRoute({
  method: "post",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["API keys"],
  summary: "Create an API key; the key is shown once (admins; cookie only)",
  middleware: [adminsOnly],
  request: { body: { required: true, content: json(z.object({ name: NameSchema })) } },
  responses: {
    201: { description: "Created", content: json(CreatedApiKeySchema) },
    ...errorResponses(400, 401, 403, 415),
  },
});

const list = createRoute({
  method: "get",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["API keys"],
  summary: "The organization's API keys, without the keys (admins; cookie only)",
  middleware: [adminsOnly],
  responses: {
    200: { description: "API keys", content: json(z.object({ apiKeys: z.array(ApiKeySchema) })) },
    ...errorResponses(401, 403),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  security: COOKIE_ONLY,
  tags: ["API keys"],
  summary: "Delete an API key (admins; cookie only)",
  middleware: [adminsOnly],
  request: { params: IdParamSchema },
  responses: { 204: { description: "Deleted" }, ...errorResponses(401, 403, 404) },
});

/** `/api/v1/api-keys`. */
export const apiKeysApp = createApp()
  .openapi(create, async (c) => {
    const principal = c.var.principal;
    if (principal.kind !== "user") throw new ApiError(403, "forbidden", "Cookie only.");
    const { name } = c.req.valid("json");
    const { key, prefix, hash } = await generateApiKey();
    const db = createDb(c.env.DB);
    const row = await insertApiKey(db, {
      organizationId: principal.organizationId,
      name,
      prefix,
      keyHash: hash,
      createdBy: principal.userId,
    });
    await recordAudit(db, {
      organizationId: principal.organizationId,
      actor: actorLabel(principal),
      action: "api_key.create",
      target: `api-key:${row.id}`,
      details: { name, prefix },
    });
    return c.json({ id: row.id, name: row.name, prefix: row.prefix, key }, 201);
  })
  .openapi(list, async (c) => {
    const rows = await listApiKeys(createDb(c.env.DB), c.var.principal.organizationId);
    const apiKeys = rows.map((row) => ({
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: iso(row.lastUsedAt),
    }));
    return c.json({ apiKeys }, 200);
  })
  .openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = createDb(c.env.DB);
    const deleted = await deleteApiKey(db, c.var.principal.organizationId, id);
    if (!deleted) throw notFound("API key");
    await recordAudit(db, {
      organizationId: c.var.principal.organizationId,
      actor: actorLabel(c.var.principal),
      action: "api_key.delete",
      target: `api-key:${id}`,
      details: deleted,
    });
    return c.body(null, 204);
  });
