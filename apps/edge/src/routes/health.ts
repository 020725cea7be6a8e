import { createRoute } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema, OkSchema } from "../api/schemas.ts";
import { readConfig } from "../config.ts";
import { checkReadiness } from "../db/readiness.ts";
import { errorBody } from "../errors.ts";
import { createApp, json } from "./openapi-app.ts";

const health = createRoute({
  method: "get",
  path: "/",
  security: [],
  tags: ["Health"],
  summary: "Ready: migrations applied (and, in local development, the demo seed exists)",
  responses: {
    200: { description: "Ready", content: json(OkSchema) },
    503: { description: "Not ready yet", content: json(ErrorSchema) },
    ...errorResponses(),
  },
});

/** `/api/v1/health` (no auth). */
export const healthApp = createApp().openapi(health, async (c) => {
  const problem = await checkReadiness(c.env.DB, { requireSeed: readConfig(c.env).localDev });
  if (problem) return c.json(errorBody(problem.code, problem.message), 503);
  return c.json({ ok: true as const }, 200);
});
