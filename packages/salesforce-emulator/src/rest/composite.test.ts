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
const postJson = (path: string, body: unknown) =>
  api(emulator, path, token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const describeSub = (name: string, referenceId: string, headers?: Record<string, string>) => ({
  method: "GET",
  url: `/services/data/v62.0/sobjects/${name}/describe`,
  referenceId,
  ...(headers ? { httpHeaders: headers } : {}),
});

interface CompositeBody {
  compositeResponse: {
    body: unknown;
    httpHeaders: Record<string, string>;
    httpStatusCode: number;
    referenceId: string;
  }[];
}
interface BatchBody {
  hasErrors: boolean;
  results: { statusCode: number; result: unknown }[];
}

describe("POST /composite", () => {
  it("Should serve describe subrequests in order and cost one call", async () => {
    const response = await postJson("/services/data/v62.0/composite", {
      compositeRequest: [
        describeSub("Account", "a"),
        describeSub("Nope__c", "b"),
        { method: "GET", url: "/services/data/v62.0/sobjects/", referenceId: "g" },
      ],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CompositeBody;
    expect(body.compositeResponse.map((r) => [r.referenceId, r.httpStatusCode])).toEqual([
      ["a", 200],
      ["b", 404],
      ["g", 200],
    ]);
    expect((body.compositeResponse[0]?.body as { name: string }).name).toBe("Account");
    expect(body.compositeResponse[1]).toEqual({
      body: [{ message: "The requested resource does not exist", errorCode: "NOT_FOUND" }],
      httpHeaders: {},
      httpStatusCode: 404,
      referenceId: "b",
    });
    expect(await usage()).toBe(1);
  });

  it("Should answer 304 with a null body for a subrequest with an unchanged If-Modified-Since", async () => {
    const date = new Date(Date.now() - 1000).toUTCString();
    const body = (await (
      await postJson("/services/data/v62.0/composite", {
        compositeRequest: [describeSub("Lead", "l", { "If-Modified-Since": date })],
      })
    ).json()) as CompositeBody;
    expect(body.compositeResponse[0]).toMatchObject({ body: null, httpStatusCode: 304 });
  });

  it("Should halt the others with allOrNone after a failure", async () => {
    const body = (await (
      await postJson("/services/data/v62.0/composite", {
        allOrNone: true,
        compositeRequest: [describeSub("Account", "a"), describeSub("Nope__c", "b")],
      })
    ).json()) as CompositeBody;
    expect(body.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 404]);
    expect((body.compositeResponse[0]?.body as { errorCode: string }[])[0]?.errorCode).toBe(
      "PROCESSING_HALTED",
    );
  });

  it("Should refuse more than 25 subrequests, duplicates and malformed bodies with 400", async () => {
    const many = Array.from({ length: 26 }, (_, i) => describeSub("Account", `r${i}`));
    expect(
      (await postJson("/services/data/v62.0/composite", { compositeRequest: many })).status,
    ).toBe(400);
    expect(
      (
        await postJson("/services/data/v62.0/composite", {
          compositeRequest: [describeSub("A", "x"), describeSub("B", "x")],
        })
      ).status,
    ).toBe(400);
    const malformed = await api(emulator, "/services/data/v62.0/composite", token, {
      method: "POST",
      body: "{",
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errorCode: string }[])[0]?.errorCode).toBe(
      "JSON_PARSER_ERROR",
    );
    expect((await api(emulator, "/services/data/v62.0/composite", token)).status).toBe(405);
  });
});

describe("POST /composite/batch", () => {
  it("Should serve relative and absolute URLs and cost one call per subrequest", async () => {
    const response = await postJson("/services/data/v62.0/composite/batch", {
      batchRequests: [
        { method: "GET", url: "v62.0/sobjects/Account/describe" },
        { method: "GET", url: "/services/data/v62.0/sobjects/Contact/describe" },
        { method: "GET", url: "v62.0/sobjects/Nope__c/describe" },
      ],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("sforce-limit-info")).toBe("api-usage=3/15000");
    const body = (await response.json()) as BatchBody;
    expect(body.hasErrors).toBe(true);
    expect(body.results.map((r) => r.statusCode)).toEqual([200, 200, 404]);
    expect((body.results[1]?.result as { name: string }).name).toBe("Contact");
  });

  it("Should answer 412 BATCH_PROCESSING_HALTED after a failure with haltOnError", async () => {
    const body = (await (
      await postJson("/services/data/v62.0/composite/batch", {
        haltOnError: true,
        batchRequests: [
          { method: "GET", url: "v62.0/sobjects/Nope__c/describe" },
          { method: "GET", url: "v62.0/sobjects/Account/describe" },
        ],
      })
    ).json()) as BatchBody;
    expect(body.results.map((r) => r.statusCode)).toEqual([404, 412]);
    expect(body.results[1]?.result).toEqual([
      { errorCode: "BATCH_PROCESSING_HALTED", message: "Batch processing halted per request" },
    ]);
  });

  it("Should refuse a whole batch that would cross the daily limit", async () => {
    await control(emulator, "config", { apiLimit: 2 });
    const response = await postJson("/services/data/v62.0/composite/batch", {
      batchRequests: Array.from({ length: 3 }, () => ({ method: "GET", url: "v62.0/sobjects/" })),
    });
    expect(response.status).toBe(403);
    expect(await usage()).toBe(0);
  });

  it("Should still cost one per subrequest when the batch fails whole", async () => {
    await control(emulator, "config", { failureRate: 1 });
    const response = await postJson("/services/data/v62.0/composite/batch", {
      batchRequests: Array.from({ length: 4 }, () => ({ method: "GET", url: "v62.0/sobjects/" })),
    });
    expect(response.status).toBe(503);
    expect(await usage()).toBe(4);
  });
});
