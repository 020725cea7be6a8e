import type { KeyObject } from "node:crypto";
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import type { EmulatorState } from "../state.ts";
import type { AccessRecord } from "./tokens-store.ts";
import type { EmulatorUser } from "./users.ts";

const KEY_ID = "emulator-rs256";
let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;

/** One RSA key per process, made on first use (openid is rare in our flows). */
function keyPair() {
  keys ??= generateKeyPairSync("rsa", { modulusLength: 2048 });
  return keys;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The JWKS served at `/id/keys`. */
export function jwks(): { keys: Record<string, unknown>[] } {
  const jwk = keyPair().publicKey.export({ format: "jwk" });
  return { keys: [{ ...jwk, kid: KEY_ID, use: "sig", alg: "RS256" }] };
}

/** An RS256 id_token for the `openid` scope (claims as Salesforce issues them). */
export function signIdToken(
  state: EmulatorState,
  clientId: string,
  identity: string,
  access: AccessRecord,
  user: EmulatorUser | undefined,
  nonce: string | null,
): string {
  const hash = createHash("sha256").update(access.token).digest();
  const iat = Math.floor(access.issuedAt / 1000);
  const claims: Record<string, unknown> = {
    at_hash: hash.subarray(0, 16).toString("base64url"),
    sub: identity,
    aud: clientId,
    iss: state.baseUrl,
    exp: iat + 300,
    iat,
    ...(nonce ? { nonce } : {}),
    ...(user
      ? {
          preferred_username: user.username,
          email: user.email,
          name: `${user.firstName} ${user.lastName}`,
        }
      : {}),
  };
  const input = `${b64url({ alg: "RS256", kid: KEY_ID, typ: "JWT" })}.${b64url(claims)}`;
  const signature = sign("sha256", Buffer.from(input), keyPair().privateKey).toString("base64url");
  return `${input}.${signature}`;
}
