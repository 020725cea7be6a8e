import { describe, expect, it } from "vitest";
import { envName, optionsFromEnv } from "./env.ts";

describe("optionsFromEnv", () => {
  it("Should default to port 8788 on 127.0.0.1 with a generated org", () => {
    expect(optionsFromEnv({})).toEqual({
      port: 8788,
      host: "127.0.0.1",
      org: { objects: undefined, seed: undefined },
      config: {},
    });
  });

  it("Should read the org size, seed and every config field", () => {
    const options = optionsFromEnv({
      SF_EMULATOR_PORT: "0",
      SF_EMULATOR_OBJECTS: "3000",
      SF_EMULATOR_ORG_SEED: "7",
      SF_EMULATOR_LATENCY_MS: "150",
      SF_EMULATOR_REFRESH_TOKEN_ROTATION: "true",
      SF_EMULATOR_DENY_SPELLING: "access-denied",
      SF_EMULATOR_FAIL_OBJECTS: "Lead, Case",
    });
    expect(options).toMatchObject({
      port: 0,
      org: { objects: 3000, seed: 7 },
      config: {
        latencyMs: 150,
        refreshTokenRotation: true,
        denySpelling: "access-denied",
        failObjects: ["Lead", "Case"],
      },
    });
  });

  it("Should serve a real org from SF_EMULATOR_ORG_DIR", () => {
    expect(optionsFromEnv({ SF_EMULATOR_ORG_DIR: "/tmp/org" }).org).toEqual({ dir: "/tmp/org" });
  });

  it.each([
    [{ SF_EMULATOR_PORT: "http" }, /SF_EMULATOR_PORT/],
    [{ SF_EMULATOR_OBJECTS: "0" }, /SF_EMULATOR_OBJECTS must be a positive integer/],
    [{ SF_EMULATOR_LATENCY_MS: "fast" }, /SF_EMULATOR_LATENCY_MS must be a number/],
    [{ SF_EMULATOR_REQUIRE_PKCE: "maybe" }, /SF_EMULATOR_REQUIRE_PKCE must be true or false/],
  ])("Should refuse %j", (env, message) => {
    expect(() => optionsFromEnv(env)).toThrow(message);
  });

  it("Should name variables after config fields", () => {
    expect(envName("perDescribeMs")).toBe("SF_EMULATOR_PER_DESCRIBE_MS");
    expect(envName("sessionTimeoutSeconds")).toBe("SF_EMULATOR_SESSION_TIMEOUT_SECONDS");
  });
});
