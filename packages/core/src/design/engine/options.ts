import { MAX_SUBREQUESTS } from "../../salesforce/requests.ts";
import type { ReadOptions, ResolvedReadOptions } from "./types.ts";

/** Defaults: typical Salesforce round trip and per-describe cost, refined from measured answers. */
export const DEFAULT_READ_OPTIONS: ResolvedReadOptions = {
  mode: "full",
  strategy: "composite",
  batchSize: MAX_SUBREQUESTS,
  maxAttempts: 4,
  retryBaseMs: 500,
  retryMaxMs: 10_000,
  extraCalls: 2,
  budgetPercent: 50,
  requestMs: 200,
  perObjectMs: 25,
};

function integer(
  name: string,
  value: number | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

function positive(name: string, value: number | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    throw new RangeError(
      `${name} must be a number above 0 and at most ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Applies defaults and checks every knob, with a clear error for a bad one.
 *
 * @example
 * resolveReadOptions({ strategy: "batch" }).batchSize // 25
 */
export function resolveReadOptions(options: ReadOptions = {}): ResolvedReadOptions {
  const d = DEFAULT_READ_OPTIONS;
  const mode = options.mode ?? d.mode;
  if (mode !== "full" && mode !== "incremental")
    throw new RangeError(`Unknown mode: ${String(mode)}`);
  const strategy = options.strategy ?? d.strategy;
  if (strategy !== "composite" && strategy !== "batch" && strategy !== "single") {
    throw new RangeError(`Unknown strategy: ${String(strategy)}`);
  }
  const batchSize =
    strategy === "single"
      ? 1
      : integer("batchSize", options.batchSize, 1, MAX_SUBREQUESTS, d.batchSize);
  const retryBaseMs = positive("retryBaseMs", options.retryBaseMs, 3_600_000, d.retryBaseMs);
  const retryMaxMs = positive("retryMaxMs", options.retryMaxMs, 3_600_000, d.retryMaxMs);
  if (retryMaxMs < retryBaseMs) throw new RangeError("retryMaxMs must not be below retryBaseMs");
  return {
    mode,
    strategy,
    batchSize,
    maxAttempts: integer("maxAttempts", options.maxAttempts, 1, 100, d.maxAttempts),
    retryBaseMs,
    retryMaxMs,
    extraCalls: integer("extraCalls", options.extraCalls, 0, 1000, d.extraCalls),
    budgetPercent: positive("budgetPercent", options.budgetPercent, 100, d.budgetPercent),
    requestMs: positive("costModel.requestMs", options.costModel?.requestMs, 600_000, d.requestMs),
    perObjectMs: positive(
      "costModel.perObjectMs",
      options.costModel?.perObjectMs,
      600_000,
      d.perObjectMs,
    ),
  };
}
