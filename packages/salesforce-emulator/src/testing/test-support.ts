import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RunningEmulator, StartOptions } from "../server.ts";
import { startEmulator } from "../server.ts";
import { authorizeByForm } from "./authorize-by-form.ts";

/** The captured payloads beside the repo (absent in a user's clone: tests using them skip). */
export const FIXTURES_DIR = fileURLToPath(
  new URL("../../../../../shared/fixtures/salesforce", import.meta.url),
);
export const HAS_FIXTURES = existsSync(FIXTURES_DIR);

/** The registered client, as tests use it. */
export const CLIENT_ID = "emulator-client-id";
export const CLIENT_SECRET = "emulator-client-secret";
export const REDIRECT_URI = "http://127.0.0.1:5173/oauth/callback";

/** Tokens as the token endpoint answers them. */
export interface TokenBody {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
  issued_at: string;
  signature: string;
  token_type: string;
  scope: string;
  [field: string]: unknown;
}

/** Starts an emulator with a small org unless told otherwise. */
export function startTest(options: StartOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ org: { objects: 30 }, ...options });
}

/** The authorize URL of the registered client, with extra query parameters. */
export function authorizeUrl(
  emulator: RunningEmulator,
  extra: Record<string, string> = {},
): string {
  const url = new URL("/services/oauth2/authorize", emulator.url);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state: "st",
    ...extra,
  }).toString();
  return url.toString();
}

/** POSTs a form to the token endpoint. */
export function tokenRequest(
  emulator: RunningEmulator,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${emulator.url}/services/oauth2/token`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
}

/** Runs the browser flow and the code exchange; returns the token response. */
export async function authorize(
  emulator: RunningEmulator,
  extra: Record<string, string> = {},
): Promise<TokenBody> {
  const callback = await authorizeByForm(authorizeUrl(emulator, extra));
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`no code in ${callback.toString()}`);
  const response = await tokenRequest(emulator, {
    grant_type: "authorization_code",
    code,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: REDIRECT_URI,
  });
  if (response.status !== 200) throw new Error(`token exchange failed: ${await response.text()}`);
  return (await response.json()) as TokenBody;
}

/** A refresh grant. */
export function refreshRequest(emulator: RunningEmulator, refreshToken: string): Promise<Response> {
  return tokenRequest(emulator, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
}

/** A REST call with a bearer token. */
export function api(
  emulator: RunningEmulator,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return fetch(`${emulator.url}${path}`, { ...init, headers });
}

/** A control-API call. */
export async function control<T = Record<string, unknown>>(
  emulator: RunningEmulator,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
