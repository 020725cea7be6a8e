import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, errorCode, signUp } from "../../test/helpers.ts";
import { hashApiKey } from "../auth/api-key-secret.ts";

describe("API keys and audit", () => {
  it("Should show a key once, store only its hash, and list it with prefix and last use", async () => {
    const { cookie, email } = await signUp();
    const created = await call("/api/v1/api-keys", { cookie, body: { name: "sync engine" } });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; name: string; prefix: string; key: string };
    expect(key.key.startsWith(key.prefix)).toBe(true);
    const row = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?")
      .bind(key.id)
      .first<Record<string, unknown>>();
    expect(row?.key_hash).toBe(await hashApiKey(key.key));
    expect(JSON.stringify(row)).not.toContain(key.key);

    const used = await call("/api/v1/services", { apiKey: key.key });
    expect(used.status).toBe(200);
    const listed = (await (await call("/api/v1/api-keys", { cookie })).json()) as {
      apiKeys: Record<string, unknown>[];
    };
    expect(listed.apiKeys).toEqual([
      {
        id: key.id,
        name: "sync engine",
        prefix: key.prefix,
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain(key.key);

    expect((await call(`/api/v1/api-keys/${key.id}`, { cookie, method: "DELETE" })).status).toBe(
      204,
    );
    const after = await call("/api/v1/services", { apiKey: key.key });
    expect(after.status).toBe(401);
    expect((await call(`/api/v1/api-keys/${key.id}`, { cookie, method: "DELETE" })).status).toBe(
      404,
    );

    const audit = (await (await call("/api/v1/audit", { cookie })).json()) as {
      events: {
        at: string;
        actor: string;
        action: string;
        target: string;
        details: Record<string, unknown>;
      }[];
    };
    expect(audit.events.map((e) => e.action)).toEqual(["api_key.delete", "api_key.create"]);
    expect(audit.events[1]).toMatchObject({
      actor: email.toLowerCase(),
      target: `api-key:${key.id}`,
    });
    expect(JSON.stringify(audit)).not.toContain(key.key);
  });

  it("Should audit with the API key as actor when a machine acts", async () => {
    const { cookie } = await signUp();
    const created = (await (
      await call("/api/v1/api-keys", { cookie, body: { name: "ci" } })
    ).json()) as {
      key: string;
      prefix: string;
    };
    const service = await call("/api/v1/services", {
      apiKey: created.key,
      body: { name: "From CI" },
    });
    expect(service.status).toBe(201);
    const audit = (await (await call("/api/v1/audit?limit=1", { cookie })).json()) as {
      events: { actor: string; action: string }[];
    };
    expect(audit.events).toEqual([
      expect.objectContaining({ actor: `api-key:${created.prefix}`, action: "service.create" }),
    ]);
    const bad = await call("/api/v1/audit?limit=0", { cookie });
    expect(bad.status).toBe(400);
    expect(await errorCode(bad)).toBe("invalid_request");
  });
});
