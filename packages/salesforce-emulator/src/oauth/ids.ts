import { randomBytes } from "node:crypto";

const SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/**
 * Salesforce's case-safe 18-character id: three checksum characters encode which of the 15
 * characters are upper case.
 * @example to18("00D5g00000EmuLt") // "00D5g00000EmuLtEAK"
 */
export function to18(id15: string): string {
  if (!/^[0-9A-Za-z]{15}$/.test(id15)) throw new Error(`not a 15-character Salesforce id: ${id15}`);
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return id15 + suffix;
}

/** The emulated org's id. */
export const ORG_ID_15 = "00D5g00000EmuLt";
/** The emulated org's 18-character id. */
export const ORG_ID = to18(ORG_ID_15);

/** The user id of the n-th user (1 = the default admin). */
export function userId(n: number): string {
  return to18(`0055g00000${String(n).padStart(5, "0")}`);
}

/** URL-safe random text of `bytes` random bytes. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** An access token shaped like Salesforce's (`<orgId15>!AR...`). */
export const newAccessToken = (): string =>
  `${ORG_ID_15}!AR${randomToken(72).replace(/[-_]/g, "x")}`;
/** A refresh token shaped like Salesforce's (`5Aep861...`). */
export const newRefreshToken = (): string => `5Aep861${randomToken(60).replace(/[-_]/g, "x")}`;
/** An authorization code shaped like Salesforce's (`aPrx...`). */
export const newAuthorizationCode = (): string => `aPrx${randomToken(48)}`;
