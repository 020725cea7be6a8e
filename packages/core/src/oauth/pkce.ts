import { encodeBase64Url, randomBytes } from "./encoding.ts";

/** Bytes of randomness in a state or code verifier: 256 bits, 43 base64url characters. */
const RANDOM_BYTES = 32;

/**
 * A fresh OAuth `state`: 256 random bits, base64url (43 characters).
 * @example const state = generateState(); // "kJ3…" (43 chars)
 */
export function generateState(): string {
  return encodeBase64Url(randomBytes(RANDOM_BYTES));
}

/**
 * A fresh PKCE code verifier: 256 random bits, base64url (43 characters, RFC 7636 minimum).
 * @example const verifier = generateCodeVerifier();
 */
export function generateCodeVerifier(): string {
  return encodeBase64Url(randomBytes(RANDOM_BYTES));
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * The S256 code challenge of a verifier: base64url(SHA-256(verifier)), encoded once, as
 * Salesforce requires.
 * @throws {TypeError} when the verifier is not 43-128 unreserved characters (RFC 7636)
 * @example await createS256CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
 * // "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
 */
export async function createS256CodeChallenge(codeVerifier: string): Promise<string> {
  if (!VERIFIER.test(codeVerifier)) {
    throw new TypeError("A PKCE code verifier must be 43 to 128 characters of [A-Za-z0-9-._~].");
  }
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return encodeBase64Url(new Uint8Array(digest));
}
