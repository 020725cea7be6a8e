import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SealingError } from "../errors.ts";
import { generateKeyRingJson, importKeyRing } from "./key-ring.ts";

const K1 = randomBytes(32).toString("base64");
const K2 = randomBytes(32).toString("base64");

async function refusal(json: string): Promise<SealingError> {
  try {
    await importKeyRing(json);
  } catch (error) {
    if (error instanceof SealingError) return error;
    throw error;
  }
  throw new Error("expected a SealingError");
}

describe("importKeyRing", () => {
  it("Should import every key as a non-extractable AES-GCM key and mark the active one", async () => {
    const ring = await importKeyRing(JSON.stringify({ active: "k2", keys: { k1: K1, k2: K2 } }));
    expect(ring.activeKeyId).toBe("k2");
    expect(ring.keyIds).toEqual(["k1", "k2"]);
    for (const key of ring.keys.values()) {
      expect(key.extractable).toBe(false);
      expect(key.algorithm).toMatchObject({ name: "AES-GCM", length: 256 });
      expect(key.usages.sort()).toEqual(["decrypt", "encrypt"]);
    }
    expect(Object.isFrozen(ring)).toBe(true);
  });

  it("Should accept unpadded and url-safe base64 keys", async () => {
    const bytes = randomBytes(32);
    const json = JSON.stringify({ active: "a", keys: { a: bytes.toString("base64url") } });
    await expect(importKeyRing(json)).resolves.toMatchObject({ activeKeyId: "a" });
  });

  it.each([
    ["not JSON", "{active:", /not valid JSON/],
    ["an array", "[]", /expected an object/],
    ["no keys", JSON.stringify({ active: "k1" }), /"keys" must be an object/],
    ["empty keys", JSON.stringify({ active: "k1", keys: {} }), /at least one key/],
    ["keys as a list", JSON.stringify({ active: "k1", keys: [K1] }), /"keys" must be an object/],
    ["no active", JSON.stringify({ keys: { k1: K1 } }), /"active" must name/],
    ["an unknown active", JSON.stringify({ active: "k9", keys: { k1: K1 } }), /"active" must name/],
    [
      "a key id with a dot",
      JSON.stringify({ active: "k.1", keys: { "k.1": K1 } }),
      /key ids must be/,
    ],
    [
      "a 16-byte key",
      JSON.stringify({ active: "k1", keys: { k1: randomBytes(16).toString("base64") } }),
      /"k1" must be/,
    ],
    [
      "a non-base64 key",
      JSON.stringify({ active: "k1", keys: { k1: "not*base64" } }),
      /"k1" must be/,
    ],
    ["a numeric key", JSON.stringify({ active: "k1", keys: { k1: 12345 } }), /"k1" must be/],
  ])("Should refuse %s with bad_key_ring", async (_name, json, message) => {
    const error = await refusal(json);
    expect(error.reason).toBe("bad_key_ring");
    expect(error.message).toMatch(message);
  });

  it("Should never echo key material in its errors", async () => {
    const short = randomBytes(31).toString("base64");
    const error = await refusal(JSON.stringify({ active: "k1", keys: { k1: K1, k2: short } }));
    expect(error.message).toContain('"k2"');
    expect(error.message).not.toContain(short);
    expect(error.message).not.toContain(K1);
    const broken = await refusal(`{"active":"k1","keys":{"k1":"${K1}"`);
    expect(broken.message).not.toContain(K1);
  });
});

describe("generateKeyRingJson", () => {
  it("Should produce an importable ring with one random 32-byte key", async () => {
    const json = generateKeyRingJson("k7");
    expect(JSON.parse(json)).toEqual({
      active: "k7",
      keys: { k7: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) },
    });
    const key: unknown = JSON.parse(json).keys.k7;
    expect(typeof key === "string" && Buffer.from(key, "base64")).toHaveLength(32);
    await expect(importKeyRing(json)).resolves.toMatchObject({ activeKeyId: "k7" });
    expect(generateKeyRingJson()).not.toBe(generateKeyRingJson());
    expect(JSON.parse(generateKeyRingJson())).toMatchObject({ active: "k1" });
  });

  it("Should refuse a key id that cannot live in the envelope", () => {
    expect(() => generateKeyRingJson("a.b")).toThrow(SealingError);
    expect(() => generateKeyRingJson("")).toThrow(/key ids/);
  });
});
