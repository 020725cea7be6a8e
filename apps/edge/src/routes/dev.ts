import { createRoute, z } from "@hono/zod-openapi";
import { LoginHostError } from "@portal/core/errors";
import { parseLoginUrl } from "@portal/core/oauth";
import type { MiddlewareHandler } from "hono";
import { errorResponses } from "../api/schemas.ts";
import { readConfig } from "../config.ts";
import { DEMO, seedDemo } from "../dev/seed.ts";
import { ApiError } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import { createApp, json } from "./openapi-app.ts";

const localDevOnly: MiddlewareHandler<AppEnv> = async function localDevOnly(c, next) {
  if (!readConfig(c.env).localDev) throw new ApiError(404, "not_found", "No such route.");
  await next();
};

const SeedResult = z.object({
  email: z.string(),
  organizationId: z.string(),
  serviceId: z.string(),
  connectionId: z.string().nullable(),
});

const seed = createRoute({
  method: "post",
  path: "/seed",
  security: [],
  tags: ["Local development"],
  summary: "Create or re-point the demo account (LOCAL_DEV only; 404 elsewhere)",
  hide: true,
  middleware: [localDevOnly],
  request: {
    body: { required: true, content: json(z.object({ emulatorUrl: z.string().max(200) })) },
  },
  responses: {
    200: { description: "Seeded", content: json(SeedResult) },
    ...errorResponses(400, 404, 415),
  },
});

/** `/api/v1/dev`: local development helpers. */
export const devApp = createApp().openapi(seed, async (c) => {
  const { emulatorUrl } = c.req.valid("json");
  let loginUrl: string;
  try {
    loginUrl = parseLoginUrl(emulatorUrl, { allowLoopback: true }).origin;
  } catch (error) {
    if (error instanceof LoginHostError) {
      throw new ApiError(400, "invalid_request", `Invalid request: emulatorUrl: ${error.message}`);
    }
    throw error;
  }
  const result = await seedDemo(c.env, loginUrl);
  return c.json(
    {
      email: DEMO.email,
      organizationId: result.organizationId,
      serviceId: result.serviceId,
      connectionId: result.connectionId,
    },
    200,
  );
});
