import type { EmulatorConfig } from "./config.ts";
import { CONFIG_KEYS, ConfigError, parseConfigPatch } from "./config.ts";
import type { StartOptions } from "./server.ts";

/** `latencyMs` -> `SF_EMULATOR_LATENCY_MS`. */
export function envName(key: keyof EmulatorConfig): string {
  return `SF_EMULATOR_${key.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}`;
}

function parseValue(key: keyof EmulatorConfig, raw: string): unknown {
  if (key === "denySpelling") return raw;
  if (key === "failObjects")
    return raw
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
  if (key === "refreshTokenRotation" || key === "requirePkce") {
    if (raw === "true" || raw === "1") return true;
    if (raw === "false" || raw === "0") return false;
    throw new ConfigError(`${envName(key)} must be true or false`);
  }
  const value = Number(raw);
  if (raw.trim() === "" || Number.isNaN(value))
    throw new ConfigError(`${envName(key)} must be a number`);
  return value;
}

function positiveInteger(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ConfigError(`${name} must be a positive integer`);
  return value;
}

/**
 * Start options from the environment (`SF_EMULATOR_*`), as the CLI reads them.
 * @example optionsFromEnv({ SF_EMULATOR_PORT: "8788", SF_EMULATOR_LATENCY_MS: "150" })
 */
export function optionsFromEnv(env: Record<string, string | undefined>): StartOptions {
  const port = env.SF_EMULATOR_PORT === undefined ? 8788 : Number(env.SF_EMULATOR_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError("SF_EMULATOR_PORT must be a port number");
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const raw = env[envName(key)];
    if (raw !== undefined) config[key] = parseValue(key, raw);
  }
  const dir = env.SF_EMULATOR_ORG_DIR;
  const org = dir
    ? { dir }
    : {
        objects: positiveInteger("SF_EMULATOR_OBJECTS", env.SF_EMULATOR_OBJECTS),
        seed: positiveInteger("SF_EMULATOR_ORG_SEED", env.SF_EMULATOR_ORG_SEED),
      };
  return { port, host: env.SF_EMULATOR_HOST ?? "127.0.0.1", org, config: parseConfigPatch(config) };
}
