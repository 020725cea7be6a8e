import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import { api, authorize, control, startTest } from "../testing/test-support.ts";

let emulator: RunningEmulator;
let token: string;
beforeAll(async () => {
  emulator = await startTest();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "reset", {});
  token = (await authorize(emulator)).access_token;
});

const usage = async () => (await control<{ apiUsage: number }>(emulator, "state")).body.apiUsage;
const NOT_FOUND = [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND" }];

describe("GET /services/data/", () => {
  it("Should list versions 31.0 to 62.0 without auth, uncounted, without Sforce-Limit-Info", async () => {
    for (const path of ["/services/data/", "/services/data"]) {
      const response = await fetch(`${emulator.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("sforce-limit-info")).toBeNull();
      const versions = (await response.json()) as { label: string; url: string; version: string }[];
      expect(versions[0]).toEqual({
        label: "Summer '14",
        url: "/services/data/v31.0",
        version: "31.0",
      });
      expect(versions.at(-1)).toEqual({
        label: "Winter '25",
        url: "/services/data/v62.0",
        version: "62.0",
      });
      expect(versions).toHaveLength(32);
    }
    expect(await usage()).toBe(0);
  });
});

describe("describeGlobal and describe", () => {
  it("Should answer describeGlobal with or without the trailing slash, and count each call", async () => {
    for (const path of [
      "/services/data/v62.0/sobjects/",
      "/services/data/v62.0/sobjects",
      "/services/data/latest/sobjects",
    ]) {
      const response = await api(emulator, path, token);
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        encoding: string;
        maxBatchSize: number;
        sobjects: { name: string; urls: { describe: string } }[];
      };
      expect(body.encoding).toBe("UTF-8");
      expect(body.maxBatchSize).toBe(200);
      expect(body.sobjects).toHaveLength(30);
    }
    const v58 = (await (await api(emulator, "/services/data/v58.0/sobjects/", token)).json()) as {
      sobjects: { urls: { describe: string } }[];
    };
    expect(v58.sobjects[0]?.urls.describe).toMatch(
      /^\/services\/data\/v58\.0\/sobjects\/\w+\/describe$/,
    );
    expect(await usage()).toBe(4);
  });

  it("Should answer a describe by name, case-insensitively, with Sforce-Limit-Info", async () => {
    const response = await api(emulator, "/services/data/v62.0/sobjects/account/describe/", token);
    expect(response.status).toBe(200);
    expect(response.headers.get("sforce-limit-info")).toBe("api-usage=1/15000");
    const body = (await response.json()) as {
      name: string;
      fields: { name: string }[];
      urls: Record<string, string>;
    };
    expect(body.name).toBe("Account");
    expect(body.fields.map((f) => f.name)).toContain("BillingAddress");
    expect(body.urls.uiDetailTemplate).toBe(`${emulator.url}/{ID}`);
  });

  it("Should answer the sObject basic information", async () => {
    const body = (await (
      await api(emulator, "/services/data/v62.0/sobjects/Contact", token)
    ).json()) as { objectDescribe: { name: string }; recentItems: unknown[] };
    expect(body.objectDescribe.name).toBe("Contact");
    expect(body.recentItems).toEqual([]);
  });

  it("Should answer 404 NOT_FOUND for unknown objects, resources and versions, counted", async () => {
    for (const path of [
      "/services/data/v62.0/sobjects/Nope__c/describe",
      "/services/data/v62.0/nothing",
      "/services/data/v30.0/sobjects/",
      "/services/data/v63.0/sobjects/",
      "/services/data/v62.0/sobjects/Account/describe/layouts",
    ]) {
      const response = await api(emulator, path, token);
      expect(response.status).toBe(404);
      expect(response.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/15000$/);
      expect(await response.json()).toEqual(NOT_FOUND);
    }
    expect(await usage()).toBe(5);
  });

  it("Should answer 405 METHOD_NOT_ALLOWED for writes to metadata", async () => {
    const response = await api(emulator, "/services/data/v62.0/sobjects/Account/describe", token, {
      method: "POST",
    });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe(
      "METHOD_NOT_ALLOWED",
    );
  });

  it("Should answer the limits with DailyApiRequests after counting the call", async () => {
    const body = (await (
      await api(emulator, "/services/data/v62.0/limits/", token)
    ).json()) as Record<string, { Max: number; Remaining: number }>;
    expect(body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 14999 });
    expect(body.DailyBulkApiBatches?.Max).toBeGreaterThan(0);
  });
});

describe("auth and limits", () => {
  it("Should answer 401 INVALID_SESSION_ID, uncounted, with Sforce-Limit-Info", async () => {
    for (const authorization of ["Bearer nope", ""]) {
      const response = await fetch(`${emulator.url}/services/data/v62.0/sobjects/`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get("sforce-limit-info")).toBe("api-usage=0/15000");
      expect(await response.json()).toEqual([
        { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" },
      ]);
    }
    expect(await usage()).toBe(0);
  });

  it("Should kill tokens idle past the session timeout, at once when it changes, for good", async () => {
    await control(emulator, "config", { sessionTimeoutSeconds: 0.15 });
    expect((await api(emulator, "/services/data/v62.0/limits", token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 220));
    expect((await api(emulator, "/services/data/v62.0/limits", token)).status).toBe(401);
    await control(emulator, "config", { sessionTimeoutSeconds: 7200 });
    expect((await api(emulator, "/services/data/v62.0/limits", token)).status).toBe(401);
  });

  it("Should refuse a request crossing the daily limit with 403 REQUEST_LIMIT_EXCEEDED, uncounted", async () => {
    await control(emulator, "config", { apiLimit: 2 });
    expect((await api(emulator, "/services/data/v62.0/sobjects/", token)).status).toBe(200);
    expect((await api(emulator, "/services/data/v62.0/sobjects/", token)).status).toBe(200);
    const refused = await api(emulator, "/services/data/v62.0/sobjects/", token);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("sforce-limit-info")).toBe("api-usage=2/2");
    expect(await refused.json()).toEqual([
      { message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" },
    ]);
    expect(await usage()).toBe(2);
  });

  it("Should fail the configured share of requests whole with failStatus, counted, the same way every run", async () => {
    await control(emulator, "config", { failureRate: 0.5, failStatus: 503, seed: 3 });
    const run = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await api(emulator, "/services/data/v62.0/sobjects/", token)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    await control(emulator, "config", { failureRate: 1 });
    const before = await usage();
    const failed = await api(emulator, "/services/data/v62.0/sobjects/Lead/describe", token);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual([
      { message: expect.any(String), errorCode: "SERVER_UNAVAILABLE" },
    ]);
    expect(failed.headers.get("sforce-limit-info")).toBe(`api-usage=${before + 1}/15000`);
    await control(emulator, "reset", {});
    token = (await authorize(emulator)).access_token;
    await control(emulator, "config", { failureRate: 0.5, failStatus: 503, seed: 3 });
    expect(await run()).toEqual(first);
    expect((await fetch(`${emulator.url}/services/data/`)).status).toBe(200);
  });
});

describe("If-Modified-Since and gzip", () => {
  const since = (ms: number) => new Date(ms).toUTCString();

  it("Should answer 304 with no body when unchanged, 200 for future or unparseable dates", async () => {
    const path = "/services/data/v62.0/sobjects/Account/describe";
    const unchanged = await api(emulator, path, token, {
      headers: { "if-modified-since": since(Date.now() - 1000) },
    });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("sforce-limit-info")).toBe("api-usage=1/15000");
    for (const header of [since(Date.now() + 3_600_000), "yesterday-ish"]) {
      expect(
        (await api(emulator, path, token, { headers: { "if-modified-since": header } })).status,
      ).toBe(200);
    }
  });

  it("Should see a touch within the same second as the date (millisecond precision)", async () => {
    const date = since(Date.now());
    await control(emulator, "org/touch", { objects: ["Account"] });
    const path = "/services/data/v62.0/sobjects/Account/describe";
    expect(
      (await api(emulator, path, token, { headers: { "if-modified-since": date } })).status,
    ).toBe(200);
    const global = await api(emulator, "/services/data/v62.0/sobjects/", token, {
      headers: { "if-modified-since": date },
    });
    expect(global.status).toBe(200);
    const other = await api(emulator, "/services/data/v62.0/sobjects/Contact/describe", token, {
      headers: { "if-modified-since": date },
    });
    expect(other.status).toBe(304);
  });

  it("Should gzip when asked and send plain bodies for identity", async () => {
    const path = "/services/data/v62.0/sobjects/Case/describe";
    const zipped = await fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" },
    });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    const plain = await fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${token}`, "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(JSON.parse(text).name).toBe("Case");
    expect((await zipped.json()) as unknown).toEqual(JSON.parse(text));
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import("node:http").then(({ get }) =>
        get(
          `${emulator.url}${path}`,
          { headers: { authorization: `Bearer ${token}`, "accept-encoding": "gzip" } },
          (res) => {
            const chunks: Buffer[] = [];
            res
              .on("data", (c: Buffer) => chunks.push(c))
              .on("end", () => resolve(Buffer.concat(chunks)))
              .on("error", reject);
          },
        ),
      );
    });
    expect(gunzipSync(raw).toString()).toBe(text);
  });
});

describe("objects that always fail", () => {
  it("Should answer 500 UNKNOWN_EXCEPTION for a failObjects describe, every time, also inside composite", async () => {
    const emulator = await startTest({ config: { failObjects: ["Lead"] } });
    try {
      const token = (await authorize(emulator)).access_token;
      for (let attempt = 0; attempt < 3; attempt++) {
        const res = await api(emulator, "/services/data/v62.0/sobjects/Lead/describe", token);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual([
          { message: expect.any(String), errorCode: "UNKNOWN_EXCEPTION" },
        ]);
      }
      const ok = await api(emulator, "/services/data/v62.0/sobjects/Account/describe", token);
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    } finally {
      await emulator.close();
    }
  });
});
