/** Everything a test or benchmark can steer at run time (see README "Config"). */
export interface EmulatorConfig {
  /** Added to every OAuth and REST answer, in milliseconds. */
  latencyMs: number;
  /** Added per describe served (304s and composite/batch subrequests included), in milliseconds. */
  perDescribeMs: number;
  /** REST requests in service at once; others queue in arrival order. 0 = unbounded. */
  maxConcurrent: number;
  /** Access tokens die after this much inactivity, counted from their last use. */
  sessionTimeoutSeconds: number;
  /** A refresh grant returns a new refresh token and retires the old one. */
  refreshTokenRotation: boolean;
  /** The authorize step refuses requests without a `code_challenge`. */
  requirePkce: boolean;
  /** The `error` value of a denied authorization: Salesforce documents both spellings. */
  denySpelling: "access_denied" | "access-denied";
  /** Daily API request allocation (Developer Edition: 15,000). */
  apiLimit: number;
  /** Share (0..1) of REST answers that fail whole with `failStatus`. */
  failureRate: number;
  /** Status of an injected failure. */
  failStatus: number;
  /** Seed of the failure-injection hash. */
  seed: number;
  /** Objects whose describe always fails with 500 UNKNOWN_EXCEPTION (ours: broken objects exist). */
  failObjects: readonly string[];
}

/** Built-in defaults: a fast, fault-free Developer Edition org. */
export const DEFAULT_CONFIG: Readonly<EmulatorConfig> = Object.freeze({
  latencyMs: 0,
  perDescribeMs: 0,
  maxConcurrent: 0,
  sessionTimeoutSeconds: 7200,
  refreshTokenRotation: false,
  requirePkce: false,
  denySpelling: "access_denied",
  apiLimit: 15_000,
  failureRate: 0,
  failStatus: 503,
  seed: 1,
  failObjects: Object.freeze([]),
});

type Check = (value: unknown) => string | null;

const nonNegative: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? null : "a finite number >= 0";
const nonNegativeInteger: Check = (v) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? null : "an integer >= 0";
const positive: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v > 0 ? null : "a finite number > 0";
const boolean: Check = (v) => (typeof v === "boolean" ? null : "true or false");

const CHECKS: Record<keyof EmulatorConfig, Check> = {
  latencyMs: nonNegative,
  perDescribeMs: nonNegative,
  maxConcurrent: nonNegativeInteger,
  sessionTimeoutSeconds: positive,
  refreshTokenRotation: boolean,
  requirePkce: boolean,
  denySpelling: (v) =>
    v === "access_denied" || v === "access-denied" ? null : '"access_denied" or "access-denied"',
  apiLimit: nonNegativeInteger,
  failureRate: (v) =>
    typeof v === "number" && v >= 0 && v <= 1 ? null : "a number between 0 and 1",
  failStatus: (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= 400 && v <= 599
      ? null
      : "an HTTP error status (400..599)",
  seed: (v) => (typeof v === "number" && Number.isFinite(v) ? null : "a finite number"),
  failObjects: (v) =>
    Array.isArray(v) && v.every((name) => typeof name === "string")
      ? null
      : "an array of object names",
};

/** Thrown for a config patch that names an unknown key or holds a wrong value. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Validates a partial config (from options or `POST /__emulator/config`) and returns it typed.
 * @example parseConfigPatch({ latencyMs: 150 }) // -> { latencyMs: 150 }
 */
export function parseConfigPatch(input: unknown): Partial<EmulatorConfig> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ConfigError("config must be a JSON object");
  }
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const check = (CHECKS as Record<string, Check | undefined>)[key];
    if (!check) throw new ConfigError(`unknown config key "${key}"`);
    const problem = check(value);
    if (problem) throw new ConfigError(`config "${key}" must be ${problem}`);
    patch[key] = value;
  }
  return patch as Partial<EmulatorConfig>;
}

/** The names of all config fields, in documentation order. */
export const CONFIG_KEYS = Object.keys(CHECKS) as (keyof EmulatorConfig)[];
