import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next.ts";

describe("safeNext", () => {
  it("Should keep a portal path with its query", () => {
    expect(safeNext("/services/s1?connection=c1")).toBe("/services/s1?connection=c1");
  });

  it("Should refuse other origins and fall back to the services", () => {
    expect(safeNext("https://evil.example")).toBe("/services");
    expect(safeNext("//evil.example")).toBe("/services");
    expect(safeNext("/\\evil.example")).toBe("/services");
    expect(safeNext(null)).toBe("/services");
  });
});
