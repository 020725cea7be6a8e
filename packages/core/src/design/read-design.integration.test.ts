import { existsSync } from "node:fs";
import { authorizeByForm, startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readDesign, type ReadDesignInput } from "./read-design.ts";

const CLIENT = { client_id: "emulator-client-id", client_secret: "emulator-client-secret" };

async function control(
  emulator: RunningEmulator,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function apiUsage(emulator: RunningEmulator): Promise<number> {
  return (await control(emulator, "state")).apiUsage as number;
}

/** Authorizes through the emulator's pages and returns the token response. */
async function authorize(
  emulator: RunningEmulator,
): Promise<{ access_token: string; refresh_token: string }> {
  const redirectUri = `http://127.0.0.1:${emulator.port}/oauth/callback`;
  const query = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT.client_id,
    redirect_uri: redirectUri,
  });
  const callback = await authorizeByForm(`${emulator.url}/services/oauth2/authorize?${query}`);
  const response = await fetch(`${emulator.url}/services/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: callback.searchParams.get("code") ?? "",
      redirect_uri: redirectUri,
      ...CLIENT,
    }),
  });
  return (await response.json()) as { access_token: string; refresh_token: string };
}

// Generous timeouts: these tests do real HTTP and may share a busy machine.
describe("readDesign against the in-process emulator", { timeout: 60_000 }, () => {
  let emulator: RunningEmulator;
  let tokens: { access_token: string; refresh_token: string };
  let objects: number;
  let fields: number;
  const input = (extra: Partial<ReadDesignInput> = {}): ReadDesignInput => ({
    instanceUrl: emulator.url,
    accessToken: tokens.access_token,
    maxInFlight: 6,
    ...extra,
  });

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, org: { objects: 120, seed: 3 } });
    await emulator.warm();
    const org = (await control(emulator, "state")).org as { objects: number; fields: number };
    objects = org.objects;
    fields = org.fields;
  }, 60_000);
  beforeEach(async () => {
    await control(emulator, "reset", {});
    tokens = await authorize(emulator);
  }, 60_000);
  afterAll(async () => {
    await emulator.close();
  });

  it("Should read every object and field with the composite strategy in few API calls", async () => {
    const before = await apiUsage(emulator);
    const result = await readDesign(input());
    expect(result.status).toBe("finished");
    expect(result.objects).toHaveLength(objects);
    expect(result.objects.reduce((sum, object) => sum + object.fields.length, 0)).toBe(fields);
    expect(result.objects.find((object) => object.name === "Account")?.labelPlural).toBe(
      "Accounts",
    );
    const used = (await apiUsage(emulator)) - before;
    expect(result.apiCalls).toBe(used);
    expect(used).toBeLessThanOrEqual(Math.ceil(objects / 25) + 3);
  });

  it("Should read the same design with batch and single strategies, at their API cost", async () => {
    const composite = await readDesign(input());
    for (const strategy of ["batch", "single"] as const) {
      const before = await apiUsage(emulator);
      const result = await readDesign(input({ options: { strategy } }));
      expect(result.objects).toEqual(composite.objects);
      expect((await apiUsage(emulator)) - before).toBe(objects + 1);
    }
  });

  it("Should finish an unchanged incremental re-read with one API call", async () => {
    const first = await readDesign(input());
    const before = await apiUsage(emulator);
    const second = await readDesign(input({ previous: first, options: { mode: "incremental" } }));
    expect((await apiUsage(emulator)) - before).toBe(1);
    expect(second).toMatchObject({ status: "finished", read: 0, unchanged: objects });
    expect(second.objects).toEqual(first.objects);
    expect(second.changes.objects).toEqual({ added: [], removed: [], changed: [] });
  });

  it("Should re-read only touched and added objects and drop removed ones", async () => {
    const first = await readDesign(input());
    const account = await (
      await fetch(`${emulator.url}/services/data/v62.0/sobjects/Account/describe`, {
        headers: { Authorization: `Bearer ${tokens.access_token}` },
      })
    ).json();
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // If-Modified-Since has one-second precision
    await control(emulator, "org/touch", { objects: ["Contact"] });
    await control(emulator, "org/touch", {
      add: [{ ...account, name: "Extra__c", label: "Extra" }],
    });
    await control(emulator, "org/touch", { remove: ["Lead"] });
    const second = await readDesign(input({ previous: first, options: { mode: "incremental" } }));
    expect(second).toMatchObject({
      status: "finished",
      read: 2,
      unchanged: objects - 2,
      removed: ["Lead"],
    });
    expect(second.changes.objects.added).toEqual(["Extra__c"]);
    expect(second.changes.objects.removed).toEqual(["Lead"]);
    expect(second.objects).toHaveLength(objects);
  });

  it("Should retry injected 503s and still read everything", async () => {
    await control(emulator, "config", { failureRate: 0.3, seed: 11 });
    const result = await readDesign(
      input({ options: { maxAttempts: 8, retryBaseMs: 5, retryMaxMs: 20 } }),
    );
    expect(result.failedObjects).toEqual([]);
    expect(result.objects).toHaveLength(objects);
  });

  it("Should refresh an expired access token once and finish", async () => {
    const forced: boolean[] = [];
    const result = await readDesign(
      input({
        accessToken: undefined,
        getAccessToken: async (force) => {
          forced.push(force);
          if (!force) return "00Dexpired!token";
          const response = await fetch(`${emulator.url}/services/oauth2/token`, {
            method: "POST",
            body: new URLSearchParams({
              grant_type: "refresh_token",
              refresh_token: tokens.refresh_token,
              ...CLIENT,
            }),
          });
          return ((await response.json()) as { access_token: string }).access_token;
        },
      }),
    );
    expect(forced).toEqual([false, true]);
    expect(result.status).toBe("finished");
    expect(result.objects).toHaveLength(objects);
  });

  it("Should stop before the API budget is crossed", async () => {
    const used = await apiUsage(emulator);
    await control(emulator, "config", { apiLimit: used + 8 });
    const result = await readDesign(input({ options: { strategy: "single" } }));
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("api_budget_exhausted");
    expect((await apiUsage(emulator)) - used).toBe(1);
  });
});

const REAL_ORG = new URL(
  "../../../../../shared/fixtures/salesforce/org-lwrfileupload",
  import.meta.url,
).pathname;

describe.skipIf(!existsSync(REAL_ORG))(
  "readDesign over a real captured org (runs only when ../shared/fixtures exists)",
  { timeout: 60_000 },
  () => {
    it("Should read every one of the 712 objects and 14,606 fields", async () => {
      const emulator = await startEmulator({ port: 0, org: { dir: REAL_ORG } });
      try {
        const tokens = await authorize(emulator);
        const result = await readDesign({
          instanceUrl: emulator.url,
          accessToken: tokens.access_token,
          maxInFlight: 6,
        });
        expect(result.failedObjects).toEqual([]);
        expect(result.objects).toHaveLength(712);
        expect(result.objects.reduce((sum, object) => sum + object.fields.length, 0)).toBe(14_606);
        expect(result.objects.every((object) => object.labelPlural === null)).toBe(true);
      } finally {
        await emulator.close();
      }
    });
  },
);
