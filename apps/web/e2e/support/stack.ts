import { E2E_PORTS } from "../../playwright.config.ts";

/** The local Salesforce emulator the suites authorize against. */
export const EMULATOR_URL = `http://127.0.0.1:${E2E_PORTS.emulator}`;

/** The portal (the edge serving the built SPA). */
export const PORTAL_URL = `http://127.0.0.1:${E2E_PORTS.edge}`;

/** The emulator's default user. */
export const SALESFORCE_ADMIN = { username: "admin@example.com", password: "password" };

/** A name no other test of this run uses (emails, emulator users). */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Adds a user to the emulator, so its first authorization shows "Allow Access?" again
 * (approvals are remembered per user).
 */
export async function createSalesforceUser(): Promise<{ username: string; password: string }> {
  const user = { username: `${unique("sf")}@example.com`, password: "e2e-password" };
  const res = await fetch(`${EMULATOR_URL}/__emulator/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`emulator refused the user: HTTP ${res.status}`);
  return user;
}

/** Revokes every token at the emulator, as a Salesforce admin would. */
export async function revokeAllAtSalesforce(): Promise<void> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/revoke-all`, { method: "POST" });
  if (!res.ok) throw new Error(`emulator revoke-all failed: HTTP ${res.status}`);
}

export type EmulatorConfig = { latencyMs?: number; perDescribeMs?: number; maxConcurrent?: number };

/** Changes the emulator's latency model (e.g. to watch a Read Design move); returns a restore. */
export async function configureEmulator(config: EmulatorConfig): Promise<() => Promise<void>> {
  const send = async (body: EmulatorConfig) => {
    const res = await fetch(`${EMULATOR_URL}/__emulator/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator config failed: HTTP ${res.status}`);
  };
  await send(config);
  return () => send({ latencyMs: 0, perDescribeMs: 0, maxConcurrent: 0 });
}
