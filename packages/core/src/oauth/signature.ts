import { decodeBase64 } from "./encoding.ts";
import { optionalString } from "./json.ts";
import type { SalesforceTokens } from "./tokens.ts";

/**
 * Verifies a token response's `signature`: base64(HMAC-SHA256(key = client secret,
 * message = id + issued_at)), proof that the identity URL was not changed in transit.
 * Compares in constant time (crypto.subtle.verify). False when the signature is missing.
 *
 * @param tokens - a parsed token response; the raw `id` and `issued_at` text is signed
 * @example
 * if (!(await verifySignature(tokens, clientSecret))) throw new Error("tampered");
 */
export async function verifySignature(
  tokens: Pick<SalesforceTokens, "raw" | "signature">,
  clientSecret: string,
): Promise<boolean> {
  if (tokens.signature === null || clientSecret === "") return false;
  const signature = decodeBase64(tokens.signature);
  const id = optionalString(tokens.raw, "id");
  const issuedAtValue = tokens.raw.issued_at;
  const issuedAt =
    typeof issuedAtValue === "string" || typeof issuedAtValue === "number"
      ? String(issuedAtValue)
      : null;
  if (signature === null || id === null || issuedAt === null) return false;
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(clientSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", key, signature, encoder.encode(id + issuedAt));
}
