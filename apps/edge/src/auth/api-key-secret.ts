import { sha256Hex } from "../sha256.ts";

const KEY_PREFIX = "sfp_";
const KEY_RANDOM_BYTES = 32;
const VISIBLE_PREFIX_LENGTH = KEY_PREFIX.length + 8;

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * SHA-256 of an API key, hex. Keys carry 256 random bits, so a fast hash is enough: nobody can
 * guess a key from its hash.
 * @example
 * await hashApiKey("sfp_...") // "3f1c..."
 */
export async function hashApiKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/**
 * A new API key: the key (shown once), its visible prefix and the hash to store.
 * @example
 * const { key, prefix, hash } = await generateApiKey(); // key "sfp_Zq3...", prefix "sfp_Zq3xY1ab"
 */
export async function generateApiKey(): Promise<{ key: string; prefix: string; hash: string }> {
  const key = KEY_PREFIX + base64Url(crypto.getRandomValues(new Uint8Array(KEY_RANDOM_BYTES)));
  return { key, prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), hash: await hashApiKey(key) };
}

/** Whether a bearer credential has the shape of one of our keys (cheap check before hashing). */
export function looksLikeApiKey(value: string): boolean {
  return /^sfp_[A-Za-z0-9_-]{43}$/.test(value);
}
