import { describe, expect, it } from "vitest";
import { parseLimitInfo } from "./limit-info.ts";

describe("parseLimitInfo", () => {
  it("Should read the api-usage counter", () => {
    expect(parseLimitInfo("api-usage=18/5000")).toEqual({
      apiUsage: { used: 18, max: 5000 },
      perAppApiUsage: null,
      apiBursts: null,
    });
  });

  it("Should read per-app usage with its app name and bursts", () => {
    expect(
      parseLimitInfo(
        "api-usage=25/5000, per-app-api-usage=17/250(appName=sample-app), api-bursts=1/750",
      ),
    ).toEqual({
      apiUsage: { used: 25, max: 5000 },
      perAppApiUsage: { used: 17, max: 250, appName: "sample-app" },
      apiBursts: { used: 1, max: 750 },
    });
  });

  it("Should give null for an absent, empty or unknown header", () => {
    expect(parseLimitInfo(null)).toBeNull();
    expect(parseLimitInfo("")).toBeNull();
    expect(parseLimitInfo("something=else")).toBeNull();
    expect(parseLimitInfo("api-usage=abc/def")).toBeNull();
  });

  it("Should ignore unknown parts beside known ones", () => {
    expect(parseLimitInfo("future-thing=1/2, api-usage=3/4")?.apiUsage).toEqual({
      used: 3,
      max: 4,
    });
  });
});
