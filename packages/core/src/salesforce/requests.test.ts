import { describe, expect, it } from "vitest";
import {
  buildBatchDescribeRequest,
  buildCompositeDescribeRequest,
  buildDescribeGlobalRequest,
  buildDescribeRequest,
  toHttpDate,
} from "./requests.ts";

describe("request builders", () => {
  it("Should build describeGlobal, conditional when a date is given", () => {
    expect(buildDescribeGlobalRequest("r1")).toEqual({
      id: "r1",
      method: "GET",
      path: "/services/data/v62.0/sobjects/",
      headers: { Accept: "application/json", "Accept-Encoding": "gzip" },
    });
    const since = "Fri, 02 Jan 2026 03:04:05 GMT";
    expect(buildDescribeGlobalRequest("r1", since).headers["If-Modified-Since"]).toBe(since);
  });

  it("Should build a single describe", () => {
    const request = buildDescribeRequest("r2", "My_Object__c", "Fri, 02 Jan 2026 03:04:05 GMT");
    expect(request.path).toBe("/services/data/v62.0/sobjects/My_Object__c/describe");
    expect(request.headers["If-Modified-Since"]).toBe("Fri, 02 Jan 2026 03:04:05 GMT");
  });

  it("Should refuse names that could escape the path", () => {
    expect(() => buildDescribeRequest("r", "../limits")).toThrow(/Not a valid sObject name/);
    expect(() => buildDescribeRequest("r", "")).toThrow(TypeError);
  });

  it("Should build a composite with per-subrequest conditional headers", () => {
    const request = buildCompositeDescribeRequest("r3", [
      { name: "Account" },
      { name: "Contact", ifModifiedSince: "Fri, 02 Jan 2026 03:04:05 GMT" },
    ]);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/services/data/v62.0/composite");
    expect(request.headers["Content-Type"]).toBe("application/json");
    expect(request.body).toEqual({
      allOrNone: false,
      compositeRequest: [
        { method: "GET", url: "/services/data/v62.0/sobjects/Account/describe", referenceId: "d0" },
        {
          method: "GET",
          url: "/services/data/v62.0/sobjects/Contact/describe",
          referenceId: "d1",
          httpHeaders: { "If-Modified-Since": "Fri, 02 Jan 2026 03:04:05 GMT" },
        },
      ],
    });
  });

  it("Should build a composite batch with relative urls", () => {
    expect(buildBatchDescribeRequest("r4", ["Account"]).body).toEqual({
      haltOnError: false,
      batchRequests: [{ method: "GET", url: "v62.0/sobjects/Account/describe" }],
    });
  });

  it("Should refuse empty or oversized composites", () => {
    expect(() => buildCompositeDescribeRequest("r", [])).toThrow(RangeError);
    const names = Array.from({ length: 26 }, (_, i) => `O${i}`);
    expect(() => buildBatchDescribeRequest("r", names)).toThrow(/1 to 25/);
  });
});

describe("toHttpDate", () => {
  it("Should format an HTTP-date in GMT", () => {
    expect(toHttpDate("2026-01-02T03:04:05.678Z")).toBe("Fri, 02 Jan 2026 03:04:05 GMT");
  });

  it("Should refuse an invalid time", () => {
    expect(() => toHttpDate("yesterday-ish")).toThrow(/Not a valid time/);
  });
});
