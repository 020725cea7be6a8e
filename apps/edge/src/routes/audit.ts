import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../auth/principal.ts";
import { AuditEventSchema, errorResponses, COOKIE_ONLY } from "../api/schemas.ts";
import { listAudit } from "../db/audit.ts";
import { createDb } from "../db/client.ts";
import { createApp, json } from "./openapi-app.ts";

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;

const list = createRoute({
  method: "get",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["Audit"],
  summary: "The organization's audit log, newest first (cookie only)",
  middleware: [requireAuth({ cookieOnly: true })],
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    }),
  },
  responses: {
    200: { description: "Events", content: json(z.object({ events: z.array(AuditEventSchema) })) },
    ...errorResponses(400, 401, 403),
  },
});

/** `/api/v1/audit`. */
export const auditApp = createApp().openapi(list, async (c) => {
  const { limit } = c.req.valid("query");
  const rows = await listAudit(createDb(c.env.DB), c.var.principal.organizationId, limit);
  return c.json({ events: rows.map((row) => ({ ...row, at: row.at.toISOString() })) }, 200);
});
