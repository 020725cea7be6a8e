import { describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey, looksLikeApiKey } from "./api-key-secret.ts";

describe("API key secrets", () => {
  it("Should generate distinct keys with a visible prefix and a matching hash", async () => {
    const first = await generateApiKey();
    const second = await generateApiKey();
    expect(first.key).not.toBe(second.key);
    expect(first.key.startsWith(first.prefix)).toBe(true);
    expect(first.prefix).toMatch(/^sfp_.{8}$/);
    expect(first.hash).toBe(await hashApiKey(first.key));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(looksLikeApiKey(first.key)).toBe(true);
  });

  it("Should refuse values that are not keys", () => {
    expect(looksLikeApiKey("sfp_short")).toBe(false);
    expect(looksLikeApiKey(`xyz_${"a".repeat(43)}`)).toBe(false);
  });
});
