import { createRoute } from "@hono/zod-openapi";
import { requireAuth } from "../auth/principal.ts";
import { errorResponses, MeSchema, COOKIE_ONLY } from "../api/schemas.ts";
import { createDb } from "../db/client.ts";
import { getOrganizationName } from "../db/organizations.ts";
import { ApiError } from "../errors.ts";
import { createApp, json } from "./openapi-app.ts";

const getMe = createRoute({
  method: "get",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["Accounts"],
  summary: "The signed-in person, their organization and role (cookie only)",
  middleware: [requireAuth({ cookieOnly: true })],
  responses: {
    200: { description: "Who is signed in", content: json(MeSchema) },
    ...errorResponses(401, 403),
  },
});

/** `/api/v1/me`. */
export const meApp = createApp().openapi(getMe, async (c) => {
  const principal = c.var.principal;
  if (principal.kind !== "user") throw new ApiError(403, "forbidden", "Cookie only.");
  const name = await getOrganizationName(createDb(c.env.DB), principal.organizationId);
  if (name === null)
    throw new ApiError(403, "forbidden", "Your account belongs to no organization.");
  return c.json(
    {
      user: { id: principal.userId, email: principal.email, name: principal.name },
      organization: { id: principal.organizationId, name },
      role: principal.role,
    },
    200,
  );
});
