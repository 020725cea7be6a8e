import { describe, expect, it } from "vitest";
import {
  decodeBase64,
  decodeBase64Url,
  encodeBase64,
  encodeBase64Url,
  randomBytes,
} from "./encoding.ts";

describe("encoding", () => {
  it("Should round-trip every byte value through base64 and base64url", () => {
    const bytes = new Uint8Array(256).map((_, index) => index);
    expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
    expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(encodeBase64Url(bytes)).toBe(Buffer.from(bytes).toString("base64url"));
  });

  it("Should use the url-safe alphabet without padding for base64url", () => {
    expect(encodeBase64Url(new Uint8Array([251, 255]))).toBe("-_8");
    expect(encodeBase64(new Uint8Array([251, 255]))).toBe("+/8=");
  });

  it("Should accept base64 with or without padding", () => {
    expect(decodeBase64("AQI=")).toEqual(new Uint8Array([1, 2]));
    expect(decodeBase64("AQI")).toEqual(new Uint8Array([1, 2]));
  });

  it.each(["A", "AQ=I", "AQ I", "-_8", "AQI==="])("Should reject %j as base64", (text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it.each(["A", "+/8", "AQ=="])("Should reject %j as base64url", (text) => {
    expect(decodeBase64Url(text)).toBeNull();
  });

  it("Should return fresh random bytes of the asked length", () => {
    const first = randomBytes(32);
    expect(first).toHaveLength(32);
    expect(randomBytes(32)).not.toEqual(first);
  });
});
