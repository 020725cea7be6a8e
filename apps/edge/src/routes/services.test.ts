import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  call,
  createConnection,
  EDGE,
  errorCode,
  firstServiceId,
  signUp,
} from "../../test/helpers.ts";

describe("services and connections", () => {
  it("Should create services and list them by name", async () => {
    const { cookie } = await signUp();
    const created = await call("/api/v1/services", { cookie, body: { name: "Billing" } });
    expect(created.status).toBe(201);
    const service = (await created.json()) as { id: string; name: string };
    expect(service).toEqual({ id: expect.any(String), name: "Billing" });
    const list = (await (await call("/api/v1/services", { cookie })).json()) as {
      services: { name: string }[];
    };
    expect(list.services.map((s) => s.name)).toEqual(["Billing", "My Service"]);
    expect((await call(`/api/v1/services/${service.id}`, { cookie })).status).toBe(200);
    const blank = await call("/api/v1/services", { cookie, body: { name: "  " } });
    expect(blank.status).toBe(400);
    expect(await errorCode(blank)).toBe("invalid_request");
  });

  it("Should number connections per service and never reuse a deleted code", async () => {
    const { cookie } = await signUp();
    const serviceId = await firstServiceId(cookie);
    const first = await createConnection(cookie, serviceId, { environment: "production" });
    const second = await createConnection(cookie, serviceId, { environment: "sandbox" });
    const third = await createConnection(cookie, serviceId, {
      environment: "custom",
      loginUrl: "https://acme.my.salesforce.com/lightning/page?x=1",
    });
    expect([first.code, second.code, third.code]).toEqual(["SFORCE001", "SFORCE002", "SFORCE003"]);
    expect(first).toMatchObject({ status: "new", loginUrl: "https://login.salesforce.com" });
    expect(second.loginUrl).toBe("https://test.salesforce.com");
    expect(third.loginUrl).toBe("https://acme.my.salesforce.com");
    expect(
      (await call(`/api/v1/connections/${third.id}`, { cookie, method: "DELETE" })).status,
    ).toBe(204);
    const fourth = await createConnection(cookie, serviceId, { environment: "production" });
    expect(fourth.code).toBe("SFORCE004");
    const other = await call("/api/v1/services", { cookie, body: { name: "Other" } });
    const otherId = ((await other.json()) as { id: string }).id;
    expect((await createConnection(cookie, otherId, { environment: "production" })).code).toBe(
      "SFORCE001",
    );
    const list = (await (
      await call(`/api/v1/services/${serviceId}/connections`, { cookie })
    ).json()) as {
      connections: { code: string }[];
    };
    expect(list.connections.map((c) => c.code)).toEqual(["SFORCE001", "SFORCE002", "SFORCE004"]);
  });

  it("Should show a new connection in the contract's shape without secrets", async () => {
    const { cookie } = await signUp();
    const connection = await createConnection(cookie, await firstServiceId(cookie), {
      environment: "production",
    });
    const res = await call(`/api/v1/connections/${connection.id}`, { cookie });
    expect(await res.json()).toEqual({
      id: connection.id,
      serviceId: expect.any(String),
      code: "SFORCE001",
      environment: "production",
      loginUrl: "https://login.salesforce.com",
      status: "new",
      instanceUrl: null,
      salesforce: null,
      authorizedAt: null,
      lastRefreshAt: null,
      lastError: null,
      design: null,
    });
  });

  it("Should refuse login URLs outside Salesforce's hosts with 400 invalid_request", async () => {
    const { cookie } = await signUp();
    const serviceId = await firstServiceId(cookie);
    for (const body of [
      { environment: "custom" },
      { environment: "production", loginUrl: "https://acme.my.salesforce.com" },
      { environment: "custom", loginUrl: "https://acme.lightning.force.com" },
      { environment: "custom", loginUrl: "https://evil.example.com" },
      { environment: "custom", loginUrl: "http://acme.my.salesforce.com" },
      { environment: "moon" },
    ]) {
      const res = await call(`/api/v1/services/${serviceId}/connections`, { cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await errorCode(res)).toBe("invalid_request");
    }
  });

  it("Should accept loopback login URLs only in local development", async () => {
    const { cookie } = await signUp();
    const serviceId = await firstServiceId(cookie);
    const local = await createConnection(cookie, serviceId, {
      environment: "custom",
      loginUrl: env.EMULATOR_URL,
    });
    expect(local.loginUrl).toBe(env.EMULATOR_URL);
    const { app } = await import("../app.ts");
    const res = await app.request(
      `/api/v1/services/${serviceId}/connections`,
      {
        method: "POST",
        headers: { cookie, origin: EDGE, "content-type": "application/json" },
        body: JSON.stringify({ environment: "custom", loginUrl: "http://127.0.0.1:8788" }),
      },
      { ...env, LOCAL_DEV: "false" },
    );
    expect(res.status).toBe(400);
  });
});
