import { SalesforceOAuthClient } from "@portal/core/oauth";
import { importKeyRing, open, seal, type KeyRing } from "@portal/core/sealing";
import { readConfig } from "../config.ts";

/** Sealing purposes; with the connection id they form the AAD of each envelope. */
export const PURPOSE = { refreshToken: "refresh_token", pkceVerifier: "pkce_verifier" } as const;

// Importing keys costs a few WebCrypto calls; the ring only changes with the secret.
let cachedRing: { json: string; ring: Promise<KeyRing> } | null = null;

/**
 * The sealing key ring from the `SEALING_KEYS` secret (imported once per secret value).
 * @example
 * const ring = await keyRingFor(env);
 */
export function keyRingFor(env: Pick<Env, "SEALING_KEYS">): Promise<KeyRing> {
  if (cachedRing?.json !== env.SEALING_KEYS) {
    const ring = importKeyRing(env.SEALING_KEYS);
    // A bad secret must not stay cached as a rejected promise.
    ring.catch(() => {
      if (cachedRing?.ring === ring) cachedRing = null;
    });
    cachedRing = { json: env.SEALING_KEYS, ring };
  }
  return cachedRing.ring;
}

/**
 * Seals a connection's secret: AES-256-GCM with AAD = connection id + purpose.
 * @example
 * const sealed = await sealFor(env, connectionId, PURPOSE.refreshToken, refreshToken);
 */
export async function sealFor(
  env: Pick<Env, "SEALING_KEYS">,
  connectionId: string,
  purpose: string,
  plaintext: string,
): Promise<string> {
  return seal(await keyRingFor(env), plaintext, { owner: connectionId, purpose });
}

/**
 * Opens a connection's sealed secret.
 * @throws {SealingError} when the key is gone or the value belongs to another connection/purpose
 */
export async function openFor(
  env: Pick<Env, "SEALING_KEYS">,
  connectionId: string,
  purpose: string,
  sealed: string,
): Promise<string> {
  return open(await keyRingFor(env), sealed, { owner: connectionId, purpose });
}

/**
 * Core's Salesforce OAuth client configured from the Worker's bindings.
 * @example
 * const client = oauthClientFor(env);
 */
export function oauthClientFor(
  env: Pick<
    Env,
    | "SALESFORCE_CLIENT_ID"
    | "SALESFORCE_CLIENT_SECRET"
    | "PUBLIC_URL"
    | "PORTAL_DEV_URL"
    | "LOCAL_DEV"
  >,
): SalesforceOAuthClient {
  const config = readConfig(env);
  return new SalesforceOAuthClient({
    clientId: env.SALESFORCE_CLIENT_ID,
    clientSecret: env.SALESFORCE_CLIENT_SECRET,
    redirectUri: config.redirectUri,
    allowLoopback: config.localDev,
  });
}
