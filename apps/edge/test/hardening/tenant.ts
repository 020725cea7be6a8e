import { env } from "cloudflare:workers";
import { expect } from "vitest";
import {
  call,
  createApiKey,
  createConnection,
  firstServiceId,
  signIn,
  signUp,
  uniqueEmail,
  type Account,
} from "../helpers.ts";

/** A signed-up owner with a service, an (unauthorized) emulator connection and an API key. */
export type Tenant = Account & {
  organizationId: string;
  serviceId: string;
  connectionId: string;
  apiKey: string;
  apiKeyId: string;
};

/** Signs up a new organization with one of everything the routes take ids of. */
export async function createTenant(): Promise<Tenant> {
  const account = await signUp();
  const serviceId = await firstServiceId(account.cookie);
  const connection = await createConnection(account.cookie, serviceId);
  const apiKey = await createApiKey(account.cookie);
  const me = (await (await call("/api/v1/me", { cookie: account.cookie })).json()) as {
    organization: { id: string };
  };
  const keys = (await (await call("/api/v1/api-keys", { cookie: account.cookie })).json()) as {
    apiKeys: { id: string }[];
  };
  return {
    ...account,
    organizationId: me.organization.id,
    serviceId,
    connectionId: connection.id,
    apiKey,
    apiKeyId: keys.apiKeys[0]?.id ?? "",
  };
}

/** Adds a person with `role` to the tenant through the members API and signs them in. */
export async function addMember(owner: Tenant, role: "admin" | "member") {
  const email = uniqueEmail(role);
  const password = "member password";
  const res = await call("/api/v1/members", {
    cookie: owner.cookie,
    body: { email, name: role, password, role },
  });
  expect(res.status).toBe(201);
  const { userId } = (await res.json()) as { userId: string };
  return { cookie: await signIn(email, password), email, userId };
}

const TENANT_TABLES = [
  "members",
  "services",
  "connections",
  "oauth_states",
  "api_keys",
  "audit_events",
] as const;

/**
 * Row counts of everything one organization owns, plus all people, sessions and credentials
 * (other suites may run at the same time, so tenant tables are counted per organization).
 */
export async function rowCounts(organizationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TENANT_TABLES) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE organization_id = ?`)
      .bind(organizationId)
      .first<{ n: number }>();
    counts[table] = row?.n ?? -1;
  }
  const people = await env.DB.prepare(
    "SELECT count(*) AS n FROM users WHERE email LIKE 'hostile-%'",
  ).first<{ n: number }>();
  counts["hostile users"] = people?.n ?? -1;
  return counts;
}

/** Asserts the contract's error body and a 4xx status; returns the code. */
export async function expectClientError(res: Response, label: string): Promise<string> {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(
      `${label}: answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
  expect(body, label).toEqual({
    error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) },
  });
  return (body as { error: { code: string } }).error.code;
}
