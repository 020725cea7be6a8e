import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, errorCode, signIn } from "../../test/helpers.ts";
import { app } from "../app.ts";

type Seeded = {
  email: string;
  organizationId: string;
  serviceId: string;
  connectionId: string | null;
};

async function seed(emulatorUrl: string) {
  const res = await call("/api/v1/dev/seed", {
    body: { emulatorUrl },
    origin: null,
    headers: { "sec-fetch-site": "same-origin" },
  });
  return res;
}

describe("local development seed", () => {
  it("Should create the demo account once and re-point SFORCE001 on every call", async () => {
    const first = (await (await seed("http://127.0.0.1:8788")).json()) as Seeded;
    const second = (await (await seed("http://127.0.0.1:9999/ignored/path")).json()) as Seeded;
    expect(second).toEqual({ ...first, email: "demo@example.com" });
    const users = await env.DB.prepare(
      "SELECT count(*) AS n FROM users WHERE email = 'demo@example.com'",
    ).first<{
      n: number;
    }>();
    expect(users?.n).toBe(1);

    const cookie = await signIn("demo@example.com", "demo-password");
    const me = (await (await call("/api/v1/me", { cookie })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      user: { email: "demo@example.com", name: "Demo User" },
      organization: { name: "Demo Organization" },
      role: "owner",
    });
    const services = (await (await call("/api/v1/services", { cookie })).json()) as {
      services: { name: string }[];
    };
    expect(services.services.map((s) => s.name)).toEqual(["Demo Service"]);
    const connection = (await (
      await call(`/api/v1/connections/${first.connectionId}`, { cookie })
    ).json()) as Record<string, unknown>;
    expect(connection).toMatchObject({
      code: "SFORCE001",
      environment: "custom",
      loginUrl: "http://127.0.0.1:9999",
    });
  });

  it("Should refuse a URL that is not a loopback or Salesforce host", async () => {
    const res = await seed("https://evil.example.com");
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe("invalid_request");
  });

  it("Should not exist outside local development", async () => {
    const res = await app.request(
      "/api/v1/dev/seed",
      {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ emulatorUrl: "http://127.0.0.1:8788" }),
      },
      { ...env, LOCAL_DEV: "false" },
    );
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe("not_found");
  });
});
