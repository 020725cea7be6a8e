/**
 * Benchmark plumbing around the in-process emulator: an access token through the real OAuth
 * web-server flow, and the emulator's own counters (the API usage it charged, HTTP requests).
 */
import { authorizeByForm } from "@portal/salesforce-emulator";

/** Where the emulator listens. */
export interface EmulatorAddress {
  url: string;
  port: number;
}

const CLIENT_ID = "emulator-client-id";
const CLIENT_SECRET = "emulator-client-secret";

/** The emulator's counters (`GET /__emulator/state`). */
export interface EmulatorCounters {
  apiUsage: number;
  requests: number;
  objects: number;
  fields: number;
}

export async function counters(emulator: EmulatorAddress): Promise<EmulatorCounters> {
  const response = await fetch(`${emulator.url}/__emulator/state`);
  if (!response.ok) throw new Error(`emulator state: HTTP ${response.status}`);
  const state = (await response.json()) as {
    apiUsage: number;
    requests: { total: number };
    org: { objects: number; fields: number };
  };
  return {
    apiUsage: state.apiUsage,
    requests: state.requests.total,
    objects: state.org.objects,
    fields: state.org.fields,
  };
}

export async function configure(
  emulator: EmulatorAddress,
  config: Record<string, number>,
): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(config),
  });
  if (!response.ok)
    throw new Error(`emulator config: HTTP ${response.status} ${await response.text()}`);
}

/** Logs in as the default admin and exchanges the code: what a portal user's Authorize does. */
export async function accessToken(emulator: EmulatorAddress): Promise<string> {
  const redirectUri = `http://127.0.0.1:${emulator.port}/oauth/callback`;
  const authorize = new URL("/services/oauth2/authorize", emulator.url);
  authorize.search = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    scope: "api refresh_token id",
    state: "bench",
  }).toString();
  const callback = await authorizeByForm(authorize.toString());
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`authorization failed: ${callback.search}`);
  const response = await fetch(new URL("/services/oauth2/token", emulator.url), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: redirectUri,
    }),
  });
  const body = (await response.json()) as { access_token?: unknown };
  if (!response.ok || typeof body.access_token !== "string")
    throw new Error(`token exchange: HTTP ${response.status}`);
  return body.access_token;
}

/** Runs `work` and measures wall time and what the emulator counted meanwhile. */
export async function measured<T>(emulator: EmulatorAddress, work: () => Promise<T>) {
  const before = await counters(emulator);
  const started = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - started);
  const after = await counters(emulator);
  return {
    value,
    ms,
    apiCalls: after.apiUsage - before.apiUsage,
    requests: after.requests - before.requests,
  };
}
