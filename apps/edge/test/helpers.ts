import { env, exports } from "cloudflare:workers";

/** The edge's public origin in tests (PUBLIC_URL in vitest.config.ts). */
export const EDGE = "http://127.0.0.1:8787";
/** The web dev server's origin in tests (PORTAL_DEV_URL). */
export const PORTAL = "http://127.0.0.1:5173";

type CallOptions = {
  method?: string;
  body?: unknown;
  cookie?: string;
  apiKey?: string;
  origin?: string | null;
  headers?: Record<string, string>;
};

/**
 * Calls the edge like the portal does: JSON body, session cookie, and the portal's Origin on
 * writes (pass `origin: null` to leave it out).
 */
export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.apiKey) headers.set("authorization", `Bearer ${options.apiKey}`);
  if (options.origin !== null && method !== "GET") headers.set("origin", options.origin ?? EDGE);
  return exports.default.fetch(`${EDGE}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    redirect: "manual",
  });
}

/** `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

/** A unique email per call so tests never collide in the shared D1. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

/** A random client address: better-auth rate-limits sign-up and sign-in per IP. */
export function randomIp(): string {
  const byte = () => Math.floor(Math.random() * 250) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export type Account = { cookie: string; userId: string; email: string; password: string };

/** Signs up a new person (and organization) and returns their session cookie. */
export async function signUp(
  input: { email?: string; name?: string; password?: string } = {},
): Promise<Account> {
  const email = input.email ?? uniqueEmail();
  const password = input.password ?? "correct horse battery";
  const res = await call("/api/v1/auth/sign-up/email", {
    body: { email, password, name: input.name ?? "Test Person" },
    headers: { "cf-connecting-ip": randomIp() },
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { cookie: cookieOf(res), userId: body.user.id, email, password };
}

/** Signs in and returns the session cookie. */
export async function signIn(email: string, password: string): Promise<string> {
  const res = await call("/api/v1/auth/sign-in/email", {
    body: { email, password },
    headers: { "cf-connecting-ip": randomIp() },
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookieOf(res);
}

/** The first service of the signed-in person's organization ("My Service" after sign-up). */
export async function firstServiceId(cookie: string): Promise<string> {
  const res = await call("/api/v1/services", { cookie });
  const body = (await res.json()) as { services: { id: string }[] };
  const id = body.services[0]?.id;
  if (!id) throw new Error("no service");
  return id;
}

/** Creates a connection; `loginUrl` defaults to the emulator (custom). */
export async function createConnection(
  cookie: string,
  serviceId: string,
  body: { environment: string; loginUrl?: string } = {
    environment: "custom",
    loginUrl: env.EMULATOR_URL,
  },
) {
  const res = await call(`/api/v1/services/${serviceId}/connections`, { cookie, body });
  if (res.status !== 201)
    throw new Error(`create connection failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; code: string; status: string; loginUrl: string };
}

/** Creates an API key and returns the key itself. */
export async function createApiKey(cookie: string, name = "sync engine"): Promise<string> {
  const res = await call("/api/v1/api-keys", { cookie, body: { name } });
  if (res.status !== 201) throw new Error(`create key failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

/** The contract's error code of a response. */
export async function errorCode(res: Response): Promise<string | undefined> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code;
}

/**
 * Presses Authorize in the portal and Allow (or Deny) at the emulator, then follows the callback;
 * returns the portal URL the callback redirected to.
 */
export async function authorizeThroughEmulator(
  cookie: string,
  connectionId: string,
  decision: "allow" | "deny" = "allow",
): Promise<URL> {
  const { authorizeByForm } = await import("@portal/salesforce-emulator");
  const started = await call(`/api/v1/connections/${connectionId}/authorize`, { cookie, body: {} });
  if (started.status !== 200) throw new Error(`authorize failed: ${started.status}`);
  const { authorizeUrl } = (await started.json()) as { authorizeUrl: string };
  const consent = decision === "deny" ? `${authorizeUrl}&prompt=consent` : authorizeUrl;
  const callback = await authorizeByForm(consent, { decision });
  if (`${callback.origin}${callback.pathname}` !== `${PORTAL}/oauth/callback`)
    throw new Error(`Salesforce redirected to ${callback.origin}${callback.pathname}`);
  const res = await call(`/oauth/callback${callback.search}`);
  if (res.status !== 302) throw new Error(`callback answered ${res.status}`);
  return new URL(res.headers.get("location") ?? "");
}
