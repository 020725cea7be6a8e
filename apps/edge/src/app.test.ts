import { exports, env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("health", () => {
  it("Should answer ok", async () => {
    const res = await exports.default.fetch("http://edge.test/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("Should answer unknown API routes with the contract's 404 body", async () => {
    const res = await exports.default.fetch("http://edge.test/api/v1/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("Should have applied the D1 migrations", async () => {
    const row = await env.DB.prepare("select count(*) as n from system_facts").first<{
      n: number;
    }>();
    expect(row?.n).toBe(0);
  });
});
