import { env } from "cloudflare:workers";

// Steering the Salesforce emulators (started by global-setup.ts) through their /__emulator control API.

export type EmulatorState = {
  apiUsage: number;
  apiLimit: number;
  requests: { total: number; byPath: Record<string, number> };
  tokens: { accessToken: string; refreshToken: string | null; revoked: boolean }[];
  org: { objects: number; fields: number };
};

/** The control API of the emulator at `base`. */
export function emulatorAt(base: string) {
  async function control(method: "GET" | "POST", path: string, body?: unknown) {
    const res = await fetch(`${base}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
    return res;
  }
  return {
    url: base,
    /** Counters, tokens and the org's size. */
    state: async () => (await (await control("GET", "state")).json()) as EmulatorState,
    /** Changes settings (latencyMs, failureRate, refreshTokenRotation, denySpelling, ...). */
    configure: async (patch: Record<string, unknown>) =>
      void (await control("POST", "config", patch)),
    /** Back to defaults: org, counters, tokens, approvals, logins. */
    reset: async () => void (await control("POST", "reset", {})),
    /** Revokes every token, as a Salesforce admin would in "Connected Apps OAuth Usage". */
    revokeAll: async () => void (await control("POST", "revoke-all", {})),
    /** Marks objects modified, adds or replaces describes, or removes objects. */
    touch: async (change: { objects?: string[]; add?: unknown[]; remove?: string[] }) =>
      void (await control("POST", "org/touch", change)),
  };
}

const main = () => emulatorAt(env.EMULATOR_URL);

/** The emulator's counters and tokens. */
export const emulatorState = () => main().state();

/** How many token requests (code exchanges and refreshes) the emulator has served. */
export async function tokenRequests(): Promise<number> {
  return (await emulatorState()).requests.byPath["/services/oauth2/token"] ?? 0;
}

/** Changes emulator settings (latencyMs, refreshTokenRotation, denySpelling, ...). */
export const configureEmulator = (patch: Record<string, unknown>) => main().configure(patch);

/** Back to defaults: counters, tokens, approvals, logins. */
export const resetEmulator = () => main().reset();

/** Revokes every token, as a Salesforce admin would in "Connected Apps OAuth Usage". */
export const revokeAllAtEmulator = () => main().revokeAll();
