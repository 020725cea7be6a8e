import { exports } from "cloudflare:workers";
import { hc } from "hono/client";
import { describe, expect, it } from "vitest";
import { cookieOf, EDGE, randomIp, uniqueEmail } from "../test/helpers.ts";
import type { AppType } from "./index.ts";

// The typed client apps/web uses, driven against the Worker: paths and bodies come from AppType.
const client = hc<AppType>(EDGE, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    exports.default.fetch(new Request(input, init)),
});

describe("AppType with hono's typed client", () => {
  it("Should call chained routes with typed paths, params and bodies", async () => {
    const headers = { origin: EDGE, "cf-connecting-ip": randomIp() };
    const signedUp = await client.api.v1.auth["sign-up"].email.$post(
      { json: { email: uniqueEmail(), password: "typed client password", name: "Typed" } },
      { headers },
    );
    expect(signedUp.status).toBe(200);
    const cookie = cookieOf(signedUp as unknown as Response);
    const services = await client.api.v1.services.$get({}, { headers: { cookie } });
    if (services.status !== 200) throw new Error(`services: ${services.status}`);
    const [first] = (await services.json()).services;
    expect(first?.name).toBe("My Service");
    const created = await client.api.v1.services[":serviceId"].connections.$post(
      { param: { serviceId: first?.id ?? "" }, json: { environment: "production" } },
      { headers: { cookie, origin: EDGE } },
    );
    if (created.status !== 201) throw new Error(`create: ${created.status}`);
    expect((await created.json()).code).toBe("SFORCE001");
  });
});
