import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { SealingError } from "../errors.ts";
import { importKeyRing, type KeyRing } from "./key-ring.ts";
import { open, reseal, seal, sealedKeyId } from "./seal.ts";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");
const CONTEXT = { owner: "conn_01HX", purpose: "refresh_token" };
const TOKEN = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrJ9xZBNJCcIVbL9ZxfsZTRDBQ7w2Y.hLFkZvHw==";

let oldRing: KeyRing;
let rotatedRing: KeyRing;
let otherRing: KeyRing;

beforeAll(async () => {
  oldRing = await importKeyRing(JSON.stringify({ active: "k1", keys: { k1: K1 } }));
  rotatedRing = await importKeyRing(JSON.stringify({ active: "k2", keys: { k1: K1, k2: K2 } }));
  otherRing = await importKeyRing(
    JSON.stringify({ active: "k1", keys: { k1: randomBytes(32).toString("base64") } }),
  );
});

async function reason(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (error instanceof SealingError) return error.reason;
    throw error;
  }
  throw new Error("expected a SealingError");
}

function tamper(sealed: string, part: 2 | 3): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("seal and open", () => {
  it("Should round-trip text in a v1 envelope naming the active key", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(TOKEN);
    await expect(open(oldRing, sealed, CONTEXT)).resolves.toBe(TOKEN);
    await expect(open(oldRing, await seal(oldRing, "", CONTEXT), CONTEXT)).resolves.toBe("");
    await expect(open(oldRing, await seal(oldRing, "ünïcødé ✓", CONTEXT), CONTEXT)).resolves.toBe(
      "ünïcødé ✓",
    );
  });

  it("Should use a fresh 96-bit IV for every seal", async () => {
    const sealed = await Promise.all(
      Array.from({ length: 20 }, () => seal(oldRing, TOKEN, CONTEXT)),
    );
    const ivs = new Set(sealed.map((value) => value.split(".")[2]));
    expect(ivs.size).toBe(20);
    expect(Buffer.from([...ivs][0] ?? "", "base64url")).toHaveLength(12);
  });

  it("Should refuse another owner or purpose (the AAD binds them)", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    expect(await reason(open(oldRing, sealed, { ...CONTEXT, owner: "conn_other" }))).toBe(
      "auth_failed",
    );
    expect(await reason(open(oldRing, sealed, { ...CONTEXT, purpose: "access_token" }))).toBe(
      "auth_failed",
    );
  });

  it("Should keep owner and purpose apart whatever characters they hold", async () => {
    const sealed = await seal(oldRing, TOKEN, { owner: "a", purpose: "b.c" });
    expect(await reason(open(oldRing, sealed, { owner: "a.b", purpose: "c" }))).toBe("auth_failed");
  });

  it("Should refuse a wrong key that has the same id", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    expect(await reason(open(otherRing, sealed, CONTEXT))).toBe("auth_failed");
  });

  it("Should refuse a tampered IV, ciphertext or key id", async () => {
    const sealed = await seal(rotatedRing, TOKEN, CONTEXT);
    expect(await reason(open(rotatedRing, tamper(sealed, 2), CONTEXT))).toBe("auth_failed");
    expect(await reason(open(rotatedRing, tamper(sealed, 3), CONTEXT))).toBe("auth_failed");
    expect(await reason(open(rotatedRing, sealed.replace("v1.k2.", "v1.k1."), CONTEXT))).toBe(
      "auth_failed",
    );
  });

  it("Should refuse a value sealed under a key the ring no longer holds", async () => {
    const sealed = await seal(rotatedRing, TOKEN, CONTEXT);
    expect(await reason(open(oldRing, sealed, CONTEXT))).toBe("unknown_key");
  });

  it.each([
    ["", "malformed"],
    ["v1.k1.abc", "malformed"],
    ["v1.k1.a.b.c", "malformed"],
    ["v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "unsupported_version"],
    ["v1..AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
    ["v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA", "malformed"],
    ["v1.k1.AAAAAAAAAAAAAAAA.AAAA", "malformed"],
    ["v1.k1.AAAAAAAAAAAAAAAA.!!!!", "malformed"],
  ])("Should refuse the envelope %j as %s", async (sealed, expected) => {
    expect(await reason(open(oldRing, sealed, CONTEXT))).toBe(expected);
  });

  it("Should refuse an empty owner or purpose", async () => {
    await expect(seal(oldRing, TOKEN, { owner: "", purpose: "refresh_token" })).rejects.toThrow(
      /owner/,
    );
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    await expect(open(oldRing, sealed, { owner: "x", purpose: "" })).rejects.toThrow(/purpose/);
  });

  it("Should never put the plaintext or key into an error", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    const error = await open(oldRing, sealed, { ...CONTEXT, owner: "x" }).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).not.toContain(TOKEN);
    expect(String(error)).not.toContain(K1);
  });
});

describe("reseal", () => {
  it("Should move a value from a retired key to the active key", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    const moved = await reseal(rotatedRing, sealed, CONTEXT);
    expect(moved).not.toBeNull();
    expect(sealedKeyId(moved ?? "")).toBe("k2");
    await expect(open(rotatedRing, moved ?? "", CONTEXT)).resolves.toBe(TOKEN);
  });

  it("Should return null when the value is already under the active key", async () => {
    const sealed = await seal(rotatedRing, TOKEN, CONTEXT);
    await expect(reseal(rotatedRing, sealed, CONTEXT)).resolves.toBeNull();
  });

  it("Should refuse to reseal a value of another owner", async () => {
    const sealed = await seal(oldRing, TOKEN, CONTEXT);
    expect(await reason(reseal(rotatedRing, sealed, { ...CONTEXT, owner: "conn_other" }))).toBe(
      "auth_failed",
    );
  });

  it("Should read the key id without opening", () => {
    expect(sealedKeyId("v1.k9.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA")).toBe("k9");
    expect(() => sealedKeyId("garbage")).toThrow(SealingError);
  });
});
