import { describe, expect, it } from "vitest";
import { healthLabel } from "./health.ts";

describe("healthLabel", () => {
  it("Should name each state", () => {
    expect(healthLabel("up")).toBe("online");
    expect(healthLabel("down")).toBe("unreachable");
    expect(healthLabel("checking")).toBe("checking…");
  });
});
