// Shared by `pnpm dev`, the browser suites and the benchmarks: how the local stack is wired.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const EDGE_DIR = `${ROOT}apps/edge`;
export const WEB_DIR = `${ROOT}apps/web`;
export const EMULATOR_DIR = `${ROOT}packages/salesforce-emulator`;

/** The emulator's registered client (see packages/salesforce-emulator/README.md). */
export const EMULATOR_CLIENT = { id: "emulator-client-id", secret: "emulator-client-secret" };

export function ports(env = process.env) {
  return {
    emulator: Number(env.SF_EMULATOR_PORT ?? 8788),
    edge: Number(env.EDGE_PORT ?? 8787),
    web: Number(env.WEB_PORT ?? 5173),
  };
}

/** A fresh sealing key ring: one active AES-256 key, base64. */
export function newSealingKeys() {
  const kid = `dev-${Date.now().toString(36)}`;
  return JSON.stringify({ active: kid, keys: { [kid]: randomBytes(32).toString("base64") } });
}

/**
 * Writes apps/edge/.dev.vars once; later runs keep it so sealed tokens stay readable.
 * It holds only local-development secrets (the emulator's client secret, random keys).
 */
export function ensureDevVars(path = `${EDGE_DIR}/.dev.vars`) {
  if (existsSync(path) && readFileSync(path, "utf8").includes("SEALING_KEYS")) return path;
  const lines = [
    `SALESFORCE_CLIENT_SECRET=${EMULATOR_CLIENT.secret}`,
    `SEALING_KEYS='${newSealingKeys()}'`,
    `AUTH_SECRET=${randomBytes(32).toString("base64url")}`,
  ];
  writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 });
  return path;
}

/** `wrangler dev` arguments for a local edge whose portal origin is `portalUrl`. */
export function edgeDevArgs({ edgePort, portalUrl, persistTo }) {
  const args = [
    "exec",
    "wrangler",
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(edgePort),
    "--var",
    `PUBLIC_URL:http://127.0.0.1:${edgePort}`,
    "--var",
    "LOCAL_DEV:true",
    "--var",
    `SALESFORCE_CLIENT_ID:${EMULATOR_CLIENT.id}`,
    "--show-interactive-dev-session=false",
  ];
  if (portalUrl) args.push("--var", `PORTAL_DEV_URL:${portalUrl}`);
  if (persistTo) args.push("--persist-to", persistTo);
  return args;
}

/** Environment for wrangler so it never reaches for the network. */
export const OFFLINE_WRANGLER_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_LOG: "warn",
};

export async function waitFor(url, { timeoutMs = 60_000, ok = (res) => res.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (ok(res)) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${last})`);
}
