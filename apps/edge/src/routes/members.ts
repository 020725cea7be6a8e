import { createRoute, z } from "@hono/zod-openapi";
import { createCredentialUser, deleteUser } from "../auth/accounts.ts";
import { createAuth } from "../auth/better-auth.ts";
import { actorLabel, requireAuth } from "../auth/principal.ts";
import {
  errorResponses,
  IdParamSchema,
  MemberSchema,
  NameSchema,
  PasswordSchema,
  COOKIE_ONLY,
} from "../api/schemas.ts";
import { recordAudit } from "../db/audit.ts";
import { createDb } from "../db/client.ts";
import { addMember, getMemberRole, listMembers } from "../db/organizations.ts";
import { ApiError, notFound } from "../errors.ts";
import type { Principal } from "../types.ts";
import { createApp, json } from "./openapi-app.ts";

// Admins add colleagues to their organization by creating their account here (each person
// belongs to one organization; sign-up creates a new one).

const AddMemberBody = z
  .object({
    email: z.email().max(254),
    name: NameSchema,
    password: PasswordSchema,
    role: z.enum(["admin", "member"]),
  })
  .openapi("AddMemberBody");

const list = createRoute({
  method: "get",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["Members"],
  summary: "People in the organization (cookie only)",
  middleware: [requireAuth({ cookieOnly: true })],
  responses: {
    200: { description: "Members", content: json(z.object({ members: z.array(MemberSchema) })) },
    ...errorResponses(401, 403),
  },
});

const add = createRoute({
  method: "post",
  path: "/",
  security: COOKIE_ONLY,
  tags: ["Members"],
  summary: "Create an account in the organization with a role (admins; cookie only)",
  middleware: [requireAuth({ role: "admin", cookieOnly: true })],
  request: { body: { required: true, content: json(AddMemberBody) } },
  responses: {
    201: { description: "Added", content: json(MemberSchema) },
    ...errorResponses(400, 401, 403, 409, 415),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  security: COOKIE_ONLY,
  tags: ["Members"],
  summary: "Remove a person and their account (admins; not the owner; cookie only)",
  middleware: [requireAuth({ role: "admin", cookieOnly: true })],
  request: { params: IdParamSchema },
  responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404) },
});

function userPrincipal(principal: Principal) {
  if (principal.kind !== "user") throw new ApiError(403, "forbidden", "Cookie only.");
  return principal;
}

/** `/api/v1/members`. */
export const membersApp = createApp()
  .openapi(list, async (c) => {
    const rows = await listMembers(createDb(c.env.DB), c.var.principal.organizationId);
    return c.json(
      { members: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) },
      200,
    );
  })
  .openapi(add, async (c) => {
    const principal = userPrincipal(c.var.principal);
    const input = c.req.valid("json");
    const db = createDb(c.env.DB);
    const user = await createCredentialUser(createAuth(c.env), input);
    try {
      await addMember(db, {
        organizationId: principal.organizationId,
        userId: user.id,
        role: input.role,
      });
    } catch (error) {
      await deleteUser(db, user.id);
      throw error;
    }
    await recordAudit(db, {
      organizationId: principal.organizationId,
      actor: actorLabel(principal),
      action: "member.add",
      target: `user:${user.id}`,
      details: { email: user.email, role: input.role },
    });
    return c.json(
      {
        userId: user.id,
        email: user.email,
        name: user.name,
        role: input.role,
        createdAt: new Date().toISOString(),
      },
      201,
    );
  })
  .openapi(remove, async (c) => {
    const principal = userPrincipal(c.var.principal);
    const { id } = c.req.valid("param");
    const db = createDb(c.env.DB);
    const role = await getMemberRole(db, principal.organizationId, id);
    if (role === null) throw notFound("member");
    if (role === "owner") throw new ApiError(403, "forbidden", "The owner cannot be removed.");
    if (id === principal.userId)
      throw new ApiError(403, "forbidden", "You cannot remove yourself.");
    await deleteUser(db, id);
    await recordAudit(db, {
      organizationId: principal.organizationId,
      actor: actorLabel(principal),
      action: "member.remove",
      target: `user:${id}`,
    });
    return c.body(null, 204);
  });
