import { describe, expect, it } from "vitest";
import { buildCompositeDescribeRequest, buildDescribeRequest } from "./requests.ts";
import { createFetchSender, readResponse, toFetchRequest, transportFailure } from "./transport.ts";

const destination = { instanceUrl: "https://acme.my.salesforce.com", accessToken: "00Dx!secret" };

describe("toFetchRequest", () => {
  it("Should resolve the path against instanceUrl and add the bearer token", async () => {
    const request = toFetchRequest(
      buildCompositeDescribeRequest("r1", [{ name: "Account" }]),
      destination,
    );
    expect(request.url).toBe("https://acme.my.salesforce.com/services/data/v62.0/composite");
    expect(request.method).toBe("POST");
    expect(request.headers.get("Authorization")).toBe("Bearer 00Dx!secret");
    expect(request.headers.get("Content-Type")).toBe("application/json");
    const body: unknown = await request.json();
    expect(body).toMatchObject({ allOrNone: false });
  });

  it("Should refuse a relative or non-http instanceUrl", () => {
    const request = buildDescribeRequest("r1", "Account");
    expect(() => toFetchRequest(request, { ...destination, instanceUrl: "acme" })).toThrow(
      TypeError,
    );
    expect(() => toFetchRequest(request, { ...destination, instanceUrl: "ftp://x" })).toThrow(
      /http/,
    );
  });
});

describe("readResponse", () => {
  it("Should parse JSON, the limit header and Last-Modified", async () => {
    const response = new Response(JSON.stringify({ name: "Account" }), {
      status: 200,
      headers: {
        "Sforce-Limit-Info": "api-usage=5/15000",
        "Last-Modified": "Fri, 02 Jan 2026 03:04:05 GMT",
      },
    });
    expect(await readResponse("r1", response)).toEqual({
      id: "r1",
      status: 200,
      headers: {
        limitInfo: { apiUsage: { used: 5, max: 15000 }, perAppApiUsage: null, apiBursts: null },
        lastModified: "Fri, 02 Jan 2026 03:04:05 GMT",
      },
      body: { name: "Account" },
    });
  });

  it("Should give a null body for 304 and the text for non-JSON bodies", async () => {
    expect((await readResponse("a", new Response(null, { status: 304 }))).body).toBeNull();
    expect((await readResponse("b", new Response("<html>down</html>", { status: 503 }))).body).toBe(
      "<html>down</html>",
    );
  });
});

describe("createFetchSender", () => {
  it("Should send through the injected fetch and read the answer", async () => {
    const seen: Request[] = [];
    const send = createFetchSender({
      instanceUrl: destination.instanceUrl,
      fetch: async (input) => {
        seen.push(input as Request);
        return new Response("[]", { status: 200 });
      },
    });
    const answer = await send(buildDescribeRequest("r9", "Case"), "tok");
    expect(answer).toMatchObject({ id: "r9", status: 200, body: [] });
    expect(seen[0]?.headers.get("Authorization")).toBe("Bearer tok");
  });

  it("Should ask for gzip by default and identity when compression is off", async () => {
    const seen: Request[] = [];
    const fetchSpy = async (input: RequestInfo | URL) => {
      seen.push(input as Request);
      return new Response("{}", { status: 200 });
    };
    const hooks = { onHeaders: () => seen.length };
    await createFetchSender({ instanceUrl: destination.instanceUrl, fetch: fetchSpy })(
      buildDescribeRequest("a", "Case"),
      "t",
      hooks,
    );
    await createFetchSender({
      instanceUrl: destination.instanceUrl,
      fetch: fetchSpy,
      compression: false,
    })(buildDescribeRequest("b", "Case"), "t");
    expect(seen.map((request) => request.headers.get("Accept-Encoding"))).toEqual([
      "gzip",
      "identity",
    ]);
  });

  it("Should report header arrival before the body is read, and the elapsed time", async () => {
    const order: string[] = [];
    const send = createFetchSender({
      instanceUrl: destination.instanceUrl,
      fetch: async () => {
        order.push("fetched");
        // highWaterMark 0: nothing is pulled until someone reads the body.
        const body = new ReadableStream(
          {
            pull: (controller) => {
              order.push("body read");
              controller.enqueue(new TextEncoder().encode("{}"));
              controller.close();
            },
          },
          { highWaterMark: 0 },
        );
        return new Response(body);
      },
    });
    const answer = await send(buildDescribeRequest("r1", "Case"), "t", {
      onHeaders: () => order.push("headers"),
    });
    expect(order).toEqual(["fetched", "headers", "body read"]);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it("Should turn network errors into a status 0 answer without the token", async () => {
    const send = createFetchSender({
      instanceUrl: destination.instanceUrl,
      fetch: async () => {
        throw new TypeError("fetch failed for Bearer tok");
      },
    });
    const answer = await send(buildDescribeRequest("r1", "Case"), "tok");
    expect(answer.status).toBe(0);
    expect(JSON.stringify(answer)).not.toContain("tok");
    expect(answer.body).toEqual([
      { errorCode: "FETCH_FAILED", message: "Could not reach Salesforce (TypeError)" },
    ]);
  });

  it("Should report a timeout as TIMEOUT", async () => {
    const send = createFetchSender({
      instanceUrl: destination.instanceUrl,
      timeoutMs: 5,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    });
    const answer = await send(buildDescribeRequest("r1", "Case"), "tok");
    expect(answer.body).toEqual([
      { errorCode: "TIMEOUT", message: "Salesforce did not answer in time" },
    ]);
  });

  it("Should refuse bad options early", () => {
    expect(() => createFetchSender({ instanceUrl: "nope" })).toThrow(TypeError);
    expect(() => createFetchSender({ instanceUrl: destination.instanceUrl, timeoutMs: 0 })).toThrow(
      RangeError,
    );
  });
});

describe("transportFailure", () => {
  it("Should classify abort errors as timeouts", () => {
    const abort = new DOMException("aborted", "AbortError");
    expect(transportFailure("x", abort).body).toEqual([
      { errorCode: "TIMEOUT", message: "Salesforce did not answer in time" },
    ]);
  });
});
