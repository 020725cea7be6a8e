import { createRoute, z } from "@hono/zod-openapi";
import { completeAuthorization } from "../connection/callback.ts";
import { createApp } from "./openapi-app.ts";

const QueryValue = z.union([z.string(), z.array(z.string())]).optional();

const callback = createRoute({
  method: "get",
  path: "/callback",
  security: [],
  tags: ["Connections"],
  summary: "Salesforce's redirect back (browser; the state is the credential)",
  request: {
    // Any shape passes here: core's parseCallback turns every query into an outcome (duplicates too).
    query: z.object({
      code: QueryValue,
      state: QueryValue,
      error: QueryValue,
      error_description: QueryValue,
    }),
  },
  responses: {
    302: {
      description: "To the connection's portal page with ?authorize=ok|denied|invalid_state|error",
    },
  },
});

/** `/oauth`: the OAuth callback. */
export const oauthApp = createApp().openapi(callback, async (c) => {
  const location = await completeAuthorization(c.env, new URL(c.req.url).searchParams, {
    headers: c.req.raw.headers,
  });
  c.header("cache-control", "no-store");
  c.header("referrer-policy", "no-referrer");
  return c.redirect(location, 302);
});
