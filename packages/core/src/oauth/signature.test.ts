import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySignature } from "./signature.ts";

const SECRET = "emulator-client-secret";
const ID = "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P";
const ISSUED_AT = "1278448832702";
const sign = (message: string, key = SECRET) =>
  createHmac("sha256", key).update(message).digest("base64");

function tokens(raw: Record<string, unknown>, signature: string | null) {
  return { raw, signature };
}

describe("verifySignature", () => {
  it("Should accept base64(HMAC-SHA256(secret, id + issued_at))", async () => {
    const signature = sign(ID + ISSUED_AT);
    await expect(
      verifySignature(tokens({ id: ID, issued_at: ISSUED_AT }, signature), SECRET),
    ).resolves.toBe(true);
  });

  it("Should sign the raw issued_at text, also when it arrived as a number", async () => {
    const signature = sign(ID + "1700000000000");
    await expect(
      verifySignature(tokens({ id: ID, issued_at: 1700000000000 }, signature), SECRET),
    ).resolves.toBe(true);
  });

  it("Should refuse another secret, a changed id or a changed issued_at", async () => {
    const signature = sign(ID + ISSUED_AT);
    await expect(
      verifySignature(tokens({ id: ID, issued_at: ISSUED_AT }, signature), "other"),
    ).resolves.toBe(false);
    const otherId = ID.replace("005x", "005y");
    await expect(
      verifySignature(tokens({ id: otherId, issued_at: ISSUED_AT }, signature), SECRET),
    ).resolves.toBe(false);
    await expect(
      verifySignature(tokens({ id: ID, issued_at: "1278448832703" }, signature), SECRET),
    ).resolves.toBe(false);
  });

  it("Should refuse a missing, truncated or non-base64 signature and missing fields", async () => {
    const good = sign(ID + ISSUED_AT);
    const raw = { id: ID, issued_at: ISSUED_AT };
    await expect(verifySignature(tokens(raw, null), SECRET)).resolves.toBe(false);
    await expect(verifySignature(tokens(raw, good.slice(0, 20)), SECRET)).resolves.toBe(false);
    await expect(verifySignature(tokens(raw, "not base64!"), SECRET)).resolves.toBe(false);
    await expect(verifySignature(tokens({ issued_at: ISSUED_AT }, good), SECRET)).resolves.toBe(
      false,
    );
    await expect(verifySignature(tokens({ id: ID }, good), SECRET)).resolves.toBe(false);
    await expect(verifySignature(tokens(raw, good), "")).resolves.toBe(false);
  });
});
