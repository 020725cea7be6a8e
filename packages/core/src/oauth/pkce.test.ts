import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createS256CodeChallenge, generateCodeVerifier, generateState } from "./pkce.ts";

describe("pkce", () => {
  it("Should match the RFC 7636 appendix B example", async () => {
    await expect(
      createS256CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
    ).resolves.toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("Should encode the SHA-256 digest once, as base64url without padding", async () => {
    const verifier = generateCodeVerifier();
    const expected = createHash("sha256").update(verifier).digest("base64url");
    await expect(createS256CodeChallenge(verifier)).resolves.toBe(expected);
  });

  it("Should generate 256-bit base64url states and verifiers that differ each time", () => {
    for (const generate of [generateState, generateCodeVerifier]) {
      const values = new Set(Array.from({ length: 50 }, generate));
      expect(values.size).toBe(50);
      for (const value of values) {
        expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(value, "base64url")).toHaveLength(32);
      }
    }
  });

  it.each(["short", "x".repeat(129), `${"a".repeat(43)} `, `${"a".repeat(42)}+`])(
    "Should refuse the verifier %j",
    async (verifier) => {
      await expect(createS256CodeChallenge(verifier)).rejects.toThrow(TypeError);
    },
  );
});
