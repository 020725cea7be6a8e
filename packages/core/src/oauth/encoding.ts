/**
 * Byte <-> text encodings on Web APIs only (atob/btoa), shared by the OAuth client and sealing.
 */

/**
 * Encodes bytes as standard base64 with padding.
 * @example encodeBase64(new Uint8Array([1, 2, 3])) // "AQID"
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Encodes bytes as base64url without padding (RFC 4648 section 5).
 * @example encodeBase64Url(new Uint8Array([251, 255])) // "-_8"
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes standard base64 (padding optional). Returns null for anything that is not base64,
 * so callers can word their own error without echoing the input.
 * @example decodeBase64("AQID") // Uint8Array [1, 2, 3]
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64.test(text) || text.replace(/=+$/, "").length % 4 === 1) return null;
  const padded = text.replace(/=+$/, "");
  return decodeBinary(padded + "=".repeat((4 - (padded.length % 4)) % 4));
}

/**
 * Decodes base64url without padding. Returns null for anything else.
 * @example decodeBase64Url("-_8") // Uint8Array [251, 255]
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const standard = text.replace(/-/g, "+").replace(/_/g, "/");
  return decodeBinary(standard + "=".repeat((4 - (standard.length % 4)) % 4));
}

function decodeBinary(base64: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Returns `length` cryptographically random bytes.
 * @example randomBytes(32).length // 32
 */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}
