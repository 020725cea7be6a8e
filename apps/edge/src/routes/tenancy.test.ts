import { describe, expect, it } from "vitest";
import {
  call,
  createApiKey,
  createConnection,
  errorCode,
  firstServiceId,
  signIn,
  signUp,
  uniqueEmail,
} from "../../test/helpers.ts";

async function addMember(ownerCookie: string, role: "admin" | "member") {
  const email = uniqueEmail(role);
  const password = "member password";
  const res = await call("/api/v1/members", {
    cookie: ownerCookie,
    body: { email, name: role, password, role },
  });
  expect(res.status).toBe(201);
  return { cookie: await signIn(email, password), email };
}

describe("tenancy and roles", () => {
  it("Should hide everything of tenant B from tenant A (404), by cookie and by API key", async () => {
    const a = await signUp();
    const b = await signUp();
    const bService = await firstServiceId(b.cookie);
    const bConnection = await createConnection(b.cookie, bService, { environment: "production" });
    const aKey = await createApiKey(a.cookie);
    const attempts: [string, string, unknown?][] = [
      ["GET", `/api/v1/services/${bService}`],
      ["GET", `/api/v1/services/${bService}/connections`],
      ["POST", `/api/v1/services/${bService}/connections`, { environment: "production" }],
      ["GET", `/api/v1/connections/${bConnection.id}`],
      ["DELETE", `/api/v1/connections/${bConnection.id}`],
      ["POST", `/api/v1/connections/${bConnection.id}/test`, {}],
      ["POST", `/api/v1/connections/${bConnection.id}/revoke`, {}],
      ["POST", `/api/v1/connections/${bConnection.id}/access-token`, {}],
    ];
    for (const [method, path, body] of attempts) {
      for (const auth of [{ cookie: a.cookie }, { apiKey: aKey }]) {
        const res = await call(path, { method, body, ...auth });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(await errorCode(res)).toBe("not_found");
      }
    }
    const authorize = await call(`/api/v1/connections/${bConnection.id}/authorize`, {
      cookie: a.cookie,
      body: {},
    });
    expect(authorize.status).toBe(404);
    const bKeys = (await (await call("/api/v1/api-keys", { cookie: b.cookie })).json()) as {
      apiKeys: unknown[];
    };
    expect(bKeys.apiKeys).toEqual([]);
    const stillThere = await call(`/api/v1/connections/${bConnection.id}`, { cookie: b.cookie });
    expect(stillThere.status).toBe(200);
  });

  it("Should let members view and test but not authorize, revoke, delete or manage keys (403)", async () => {
    const owner = await signUp();
    const serviceId = await firstServiceId(owner.cookie);
    const connection = await createConnection(owner.cookie, serviceId, {
      environment: "production",
    });
    const member = await addMember(owner.cookie, "member");
    const me = (await (await call("/api/v1/me", { cookie: member.cookie })).json()) as {
      role: string;
    };
    expect(me.role).toBe("member");
    expect(
      (await call(`/api/v1/connections/${connection.id}`, { cookie: member.cookie })).status,
    ).toBe(200);
    expect(
      (await call(`/api/v1/services/${serviceId}/connections`, { cookie: member.cookie })).status,
    ).toBe(200);
    const tested = await call(`/api/v1/connections/${connection.id}/test`, {
      cookie: member.cookie,
      body: {},
    });
    expect(await tested.json()).toMatchObject({ ok: false, error: { code: "not_authorized" } });
    expect((await call("/api/v1/audit", { cookie: member.cookie })).status).toBe(200);
    const forbidden: [string, string, unknown?][] = [
      ["POST", `/api/v1/connections/${connection.id}/authorize`, {}],
      ["POST", `/api/v1/connections/${connection.id}/revoke`, {}],
      ["POST", `/api/v1/connections/${connection.id}/access-token`, {}],
      ["DELETE", `/api/v1/connections/${connection.id}`],
      ["POST", `/api/v1/services/${serviceId}/connections`, { environment: "production" }],
      ["POST", "/api/v1/services", { name: "nope" }],
      ["GET", "/api/v1/api-keys"],
      ["POST", "/api/v1/api-keys", { name: "nope" }],
      [
        "POST",
        "/api/v1/members",
        { email: uniqueEmail(), name: "x", password: "password1", role: "member" },
      ],
    ];
    for (const [method, path, body] of forbidden) {
      const res = await call(path, { method, body, cookie: member.cookie });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(res)).toBe("forbidden");
    }
  });

  it("Should let admins authorize, manage keys and add members, but not remove the owner", async () => {
    const owner = await signUp();
    const serviceId = await firstServiceId(owner.cookie);
    const connection = await createConnection(owner.cookie, serviceId, {
      environment: "production",
    });
    const admin = await addMember(owner.cookie, "admin");
    const authorize = await call(`/api/v1/connections/${connection.id}/authorize`, {
      cookie: admin.cookie,
      body: {},
    });
    expect(authorize.status).toBe(200);
    const key = await call("/api/v1/api-keys", {
      cookie: admin.cookie,
      body: { name: "admin key" },
    });
    expect(key.status).toBe(201);
    const colleague = await addMember(admin.cookie, "member");
    const members = (await (await call("/api/v1/members", { cookie: admin.cookie })).json()) as {
      members: { userId: string; role: string; email: string }[];
    };
    expect(members.members.map((m) => m.role)).toEqual(["owner", "admin", "member"]);
    const ownerId = members.members[0]?.userId;
    const removeOwner = await call(`/api/v1/members/${ownerId}`, {
      cookie: admin.cookie,
      method: "DELETE",
    });
    expect(removeOwner.status).toBe(403);
    const colleagueId = members.members.find((m) => m.email === colleague.email)?.userId;
    expect(
      (await call(`/api/v1/members/${colleagueId}`, { cookie: admin.cookie, method: "DELETE" }))
        .status,
    ).toBe(204);
    expect((await call("/api/v1/me", { cookie: colleague.cookie })).status).toBe(401);
  });

  it("Should answer 409 email_taken when adding a member with an email in use", async () => {
    const owner = await signUp();
    const res = await call("/api/v1/members", {
      cookie: owner.cookie,
      body: { email: owner.email, name: "Twin", password: "password123", role: "member" },
    });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe("email_taken");
  });
});
