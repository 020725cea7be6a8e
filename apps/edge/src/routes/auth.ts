import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { deleteUser } from "../auth/accounts.ts";
import { authFailure } from "../auth/better-auth-errors.ts";
import { AUTH_BASE_PATH, createAuth } from "../auth/better-auth.ts";
import { hasBearerCredential } from "../auth/csrf.ts";
import {
  errorResponses,
  OkSchema,
  SignInBodySchema,
  SignUpBodySchema,
  UserSchema,
  COOKIE_ONLY,
} from "../api/schemas.ts";
import { createDb } from "../db/client.ts";
import { createOrganization } from "../db/organizations.ts";
import { ApiError } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import { createApp, json } from "./openapi-app.ts";

// better-auth keeps its own request handling (cookies, rate limits); these routes validate the
// contract's body, forward it, and rewrap the answer into the contract's shapes.

const FORWARDED_HEADERS = ["cookie", "user-agent", "cf-connecting-ip", "origin"];

const refuseApiKeys: MiddlewareHandler<AppEnv> = async function refuseApiKeys(c, next) {
  if (hasBearerCredential(c.req.raw.headers)) {
    throw new ApiError(403, "forbidden", "Account routes are for people, not API keys.");
  }
  await next();
};

function forward(c: Context<AppEnv>, path: string, body: unknown): Request {
  const headers = new Headers({ "content-type": "application/json" });
  for (const name of FORWARDED_HEADERS) {
    const value = c.req.header(name);
    if (value) headers.set(name, value);
  }
  return new Request(new URL(`${AUTH_BASE_PATH}${path}`, c.req.url), {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
}

function copyCookies(c: Context<AppEnv>, res: Response): void {
  for (const cookie of res.headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
}

async function readUser(res: Response): Promise<z.infer<typeof UserSchema>> {
  const body = z.object({ user: UserSchema }).parse(await res.json());
  return { id: body.user.id, email: body.user.email, name: body.user.name };
}

const UserResponse = z.object({ user: UserSchema }).openapi("UserResponse");

const signUp = createRoute({
  method: "post",
  path: "/sign-up/email",
  security: [],
  tags: ["Accounts"],
  summary: "Create an account, its organization and a first service; signs in",
  middleware: [refuseApiKeys],
  request: { body: { required: true, content: json(SignUpBodySchema) } },
  responses: {
    200: { description: "Signed up; session cookie set", content: json(UserResponse) },
    ...errorResponses(400, 403, 409, 415, 429),
  },
});

const signIn = createRoute({
  method: "post",
  path: "/sign-in/email",
  security: [],
  tags: ["Accounts"],
  summary: "Sign in with email and password",
  middleware: [refuseApiKeys],
  request: { body: { required: true, content: json(SignInBodySchema) } },
  responses: {
    200: { description: "Signed in; session cookie set", content: json(UserResponse) },
    ...errorResponses(400, 401, 403, 415, 429),
  },
});

const signOut = createRoute({
  method: "post",
  path: "/sign-out",
  security: COOKIE_ONLY,
  tags: ["Accounts"],
  summary: "Sign out (ends the session, clears the cookie)",
  middleware: [refuseApiKeys],
  responses: {
    200: { description: "Signed out", content: json(OkSchema) },
    ...errorResponses(403),
  },
});

/** `/api/v1/auth`: the contract's account routes over better-auth. */
export const authApp = createApp()
  .openapi(signUp, async (c) => {
    const input = c.req.valid("json");
    const res = await createAuth(c.env).handler(forward(c, "/sign-up/email", input));
    if (!res.ok) throw await authFailure(res);
    const user = await readUser(res);
    const db = createDb(c.env.DB);
    try {
      await createOrganization(db, {
        ownerId: user.id,
        name: `${user.name}'s organization`,
        firstServiceName: "My Service",
      });
    } catch (error) {
      // An account without an organization could not use the portal; undo the sign-up.
      await deleteUser(db, user.id);
      throw error;
    }
    copyCookies(c, res);
    return c.json({ user }, 200);
  })
  .openapi(signIn, async (c) => {
    const input = c.req.valid("json");
    const res = await createAuth(c.env).handler(forward(c, "/sign-in/email", input));
    if (!res.ok) throw await authFailure(res);
    const user = await readUser(res);
    copyCookies(c, res);
    return c.json({ user }, 200);
  })
  .openapi(signOut, async (c) => {
    const res = await createAuth(c.env).handler(forward(c, "/sign-out", {}));
    // Without a valid session there is nothing to end; still clear the cookie client-side.
    if (!res.ok && res.status !== 401) throw await authFailure(res);
    copyCookies(c, res);
    return c.json({ ok: true as const }, 200);
  });
