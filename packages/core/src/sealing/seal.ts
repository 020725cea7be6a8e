import { SealingError } from "../errors.ts";
import { decodeBase64Url, encodeBase64Url, randomBytes } from "../oauth/encoding.ts";
import type { KeyRing } from "./key-ring.ts";

/** What a sealed value belongs to; both are bound into the ciphertext as authenticated data. */
export interface SealingContext {
  /** The owning record, e.g. a connection id. */
  owner: string;
  /** What the value is, e.g. "refresh_token". */
  purpose: string;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals text with the ring's active key: AES-256-GCM, a random 96-bit IV, and the version, key id,
 * owner and purpose as additional authenticated data. Result: `v1.<kid>.<iv b64url>.<ciphertext b64url>`.
 * @example const sealed = await seal(ring, refreshToken, { owner: connectionId, purpose: "refresh_token" });
 */
export async function seal(
  ring: KeyRing,
  plaintext: string,
  context: SealingContext,
): Promise<string> {
  const kid = ring.activeKeyId;
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: additionalData(kid, context) },
    keyOf(ring, kid),
    new TextEncoder().encode(plaintext),
  );
  return [VERSION, kid, encodeBase64Url(iv), encodeBase64Url(new Uint8Array(ciphertext))].join(".");
}

/**
 * Opens a sealed value under whichever ring key sealed it.
 * @throws {SealingError} `malformed`, `unsupported_version`, `unknown_key`, or `auth_failed`
 *   (wrong key, another owner or purpose, or tampering)
 * @example const refreshToken = await open(ring, sealed, { owner: connectionId, purpose: "refresh_token" });
 */
export async function open(
  ring: KeyRing,
  sealed: string,
  context: SealingContext,
): Promise<string> {
  const envelope = parseEnvelope(sealed);
  const key = ring.keys.get(envelope.kid);
  if (key === undefined) {
    throw new SealingError(
      "unknown_key",
      `The value was sealed with key "${envelope.kid}", which is not in the key ring.`,
    );
  }
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: envelope.iv, additionalData: additionalData(envelope.kid, context) },
      key,
      envelope.ciphertext,
    );
  } catch {
    throw new SealingError(
      "auth_failed",
      "The sealed value could not be opened: wrong key, another owner or purpose, or it was altered.",
    );
  }
  return new TextDecoder().decode(plaintext);
}

/**
 * Re-seals a value under the active key after a key rotation; null when it already is.
 * @throws {SealingError} as {@link open}
 * @example
 * const updated = await reseal(ring, row.sealed, ctx);
 * if (updated !== null) await saveSealed(updated);
 */
export async function reseal(
  ring: KeyRing,
  sealed: string,
  context: SealingContext,
): Promise<string | null> {
  if (parseEnvelope(sealed).kid === ring.activeKeyId) return null;
  return seal(ring, await open(ring, sealed, context), context);
}

/**
 * The key id a sealed value names, without opening it (for rotation reports).
 * @throws {SealingError} `malformed` or `unsupported_version`
 * @example sealedKeyId("v1.k2.AAAA.BBBB") // "k2"
 */
export function sealedKeyId(sealed: string): string {
  return parseEnvelope(sealed).kid;
}

function parseEnvelope(sealed: string): {
  kid: string;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: Uint8Array<ArrayBuffer>;
} {
  const parts = typeof sealed === "string" ? sealed.split(".") : [];
  if (parts.length !== 4) throw malformed("expected v1.<kid>.<iv>.<ciphertext>");
  const [version = "", kid = "", ivText = "", ciphertextText = ""] = parts;
  if (version !== VERSION) {
    throw new SealingError(
      "unsupported_version",
      "The sealed value uses an unsupported envelope version.",
    );
  }
  const iv = decodeBase64Url(ivText);
  const ciphertext = decodeBase64Url(ciphertextText);
  if (kid === "") throw malformed("the key id is empty");
  if (iv === null || iv.length !== IV_BYTES) throw malformed("the IV is not 12 bytes of base64url");
  if (ciphertext === null || ciphertext.length < TAG_BYTES)
    throw malformed("the ciphertext is too short or not base64url");
  return { kid, iv, ciphertext };
}

function additionalData(kid: string, context: SealingContext): Uint8Array<ArrayBuffer> {
  for (const name of ["owner", "purpose"] as const) {
    if (typeof context[name] !== "string" || context[name] === "") {
      throw new TypeError(`The sealing context needs a non-empty ${name}.`);
    }
  }
  // JSON keeps the parts unambiguous whatever characters an owner id contains. Copied into a
  // fresh ArrayBuffer: Workers' types say TextEncoder may return a view of a shared buffer.
  const encoded = new TextEncoder().encode(
    JSON.stringify([VERSION, kid, context.owner, context.purpose]),
  );
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length));
  bytes.set(encoded);
  return bytes;
}

function keyOf(ring: KeyRing, kid: string): CryptoKey {
  const key = ring.keys.get(kid);
  if (key === undefined)
    throw new SealingError("unknown_key", `The active key "${kid}" is not in the key ring.`);
  return key;
}

function malformed(detail: string): SealingError {
  return new SealingError("malformed", `The sealed value is malformed: ${detail}.`);
}
