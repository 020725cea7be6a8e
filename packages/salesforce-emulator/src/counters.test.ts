import { describe, expect, it } from "vitest";
import { ApiUsage, RequestCounter, normalizePath } from "./counters.ts";

describe("normalizePath", () => {
  it.each([
    ["/services/data/", "/services/data"],
    ["/services/data/v62.0/sobjects/", "/services/data/vNN.N/sobjects"],
    ["/services/data/v58.0/sobjects/Account/describe/", "/services/data/vNN.N/sobjects/*/describe"],
    ["/services/data/latest/sobjects/Lead/describe", "/services/data/vNN.N/sobjects/*/describe"],
    ["/services/data/v62.0/composite/batch", "/services/data/vNN.N/composite/batch"],
    ["/services/oauth2/token", "/services/oauth2/token"],
    ["/id/00D000000000062EAA/005000000000001AAA", "/id/*/*"],
  ])("Should key %s as %s", (path, key) => {
    expect(normalizePath(path)).toBe(key);
  });
});

describe("RequestCounter", () => {
  it("Should count by normalized path and in total", () => {
    const counter = new RequestCounter();
    counter.record("/services/data/v62.0/sobjects/A/describe");
    counter.record("/services/data/v61.0/sobjects/B/describe/");
    counter.record("/services/oauth2/token");
    expect(counter.snapshot()).toEqual({
      total: 3,
      byPath: { "/services/data/vNN.N/sobjects/*/describe": 2, "/services/oauth2/token": 1 },
    });
  });
});

describe("ApiUsage", () => {
  it("Should refuse a cost that would cross the limit and format Sforce-Limit-Info", () => {
    const usage = new ApiUsage();
    usage.charge(9);
    expect(usage.fits(1, 10)).toBe(true);
    expect(usage.fits(2, 10)).toBe(false);
    expect(usage.header(10)).toBe("api-usage=9/10");
  });
});
