import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, ConfigError, DEFAULT_CONFIG, parseConfigPatch } from "./config.ts";

describe("parseConfigPatch", () => {
  it("Should accept every documented key with a valid value", () => {
    const patch = {
      latencyMs: 150,
      perDescribeMs: 20,
      maxConcurrent: 25,
      sessionTimeoutSeconds: 0.5,
      refreshTokenRotation: true,
      requirePkce: true,
      denySpelling: "access-denied",
      apiLimit: 100,
      failureRate: 0.25,
      failStatus: 500,
      seed: 7,
      failObjects: ["Lead"],
    };
    expect(parseConfigPatch(patch)).toEqual(patch);
    expect(Object.keys(patch).sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it("Should refuse unknown keys by name", () => {
    expect(() => parseConfigPatch({ latency: 1 })).toThrow(/unknown config key "latency"/);
  });

  it.each([
    ["latencyMs", -1],
    ["maxConcurrent", 2.5],
    ["sessionTimeoutSeconds", 0],
    ["refreshTokenRotation", "yes"],
    ["denySpelling", "denied"],
    ["failureRate", 1.5],
    ["failStatus", 200],
    ["apiLimit", "many"],
  ])("Should refuse %s = %j with a clear message", (key, value) => {
    expect(() => parseConfigPatch({ [key]: value })).toThrow(ConfigError);
    expect(() => parseConfigPatch({ [key]: value })).toThrow(new RegExp(`config "${key}" must be`));
  });

  it("Should refuse a body that is not an object", () => {
    expect(() => parseConfigPatch([1])).toThrow(/JSON object/);
  });

  it("Should default to a fault-free Developer Edition org", () => {
    expect(DEFAULT_CONFIG).toMatchObject({
      apiLimit: 15000,
      sessionTimeoutSeconds: 7200,
      failureRate: 0,
      failStatus: 503,
    });
  });
});
