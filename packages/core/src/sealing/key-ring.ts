import { SealingError } from "../errors.ts";
import { decodeBase64, decodeBase64Url, encodeBase64, randomBytes } from "../oauth/encoding.ts";

/** AES-256: keys are exactly 32 bytes. */
const KEY_BYTES = 32;
// Key ids appear in the `v1.<kid>.…` envelope, so they must not contain its separator.
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Imported sealing keys: several may open, only the active one seals. */
export interface KeyRing {
  readonly activeKeyId: string;
  readonly keyIds: readonly string[];
  /** Non-extractable AES-GCM keys by id. */
  readonly keys: ReadonlyMap<string, CryptoKey>;
}

/**
 * Imports a key ring from the `SEALING_KEYS` secret text:
 * `{"active":"k2","keys":{"k1":"<base64 of 32 bytes>","k2":"<base64 of 32 bytes>"}}`.
 * Keys become non-extractable CryptoKeys. Error messages name key ids, never key material.
 *
 * @throws {SealingError} reason `bad_key_ring`
 * @example const ring = await importKeyRing(env.SEALING_KEYS);
 */
export async function importKeyRing(json: string): Promise<KeyRing> {
  const config = parseConfig(json);
  const keys = new Map<string, CryptoKey>();
  for (const [kid, encoded] of config.entries) {
    // `openssl rand -base64 32` gives standard base64; accept the url-safe alphabet too.
    const text = typeof encoded === "string" ? encoded.trim() : "";
    const bytes = decodeBase64(text) ?? decodeBase64Url(text);
    if (bytes === null || bytes.length !== KEY_BYTES) {
      throw badRing(`key "${kid}" must be the base64 encoding of exactly ${KEY_BYTES} bytes`);
    }
    keys.set(
      kid,
      await crypto.subtle.importKey("raw", bytes, { name: "AES-GCM" }, false, [
        "encrypt",
        "decrypt",
      ]),
    );
    bytes.fill(0);
  }
  return Object.freeze({
    activeKeyId: config.active,
    keyIds: Object.freeze([...keys.keys()]),
    keys,
  });
}

/**
 * A new key ring secret with one random 32-byte key, for setup docs and tools.
 * @throws {SealingError} reason `bad_key_ring` for a key id that is not 1-32 of [A-Za-z0-9_-]
 * @example generateKeyRingJson("k1") // '{"active":"k1","keys":{"k1":"…44 base64 chars…"}}'
 */
export function generateKeyRingJson(kid = "k1"): string {
  if (!KEY_ID.test(kid)) throw badRing("key ids must be 1 to 32 characters of [A-Za-z0-9_-]");
  return JSON.stringify({ active: kid, keys: { [kid]: encodeBase64(randomBytes(KEY_BYTES)) } });
}

function parseConfig(json: string): { active: string; entries: [string, unknown][] } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw badRing("it is not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRing('expected an object {"active": "<kid>", "keys": {"<kid>": "<base64>"}}');
  }
  const active: unknown = "active" in value ? value.active : undefined;
  const keys: unknown = "keys" in value ? value.keys : undefined;
  if (
    typeof keys !== "object" ||
    keys === null ||
    Array.isArray(keys) ||
    Object.keys(keys).length === 0
  ) {
    throw badRing('"keys" must be an object with at least one key');
  }
  const entries = Object.entries(keys);
  const badId = entries.find(([kid]) => !KEY_ID.test(kid));
  if (badId) throw badRing("key ids must be 1 to 32 characters of [A-Za-z0-9_-]");
  if (typeof active !== "string" || !entries.some(([kid]) => kid === active)) {
    throw badRing('"active" must name one of the key ids in "keys"');
  }
  return { active, entries };
}

function badRing(detail: string): SealingError {
  return new SealingError("bad_key_ring", `The sealing key ring is invalid: ${detail}.`);
}
