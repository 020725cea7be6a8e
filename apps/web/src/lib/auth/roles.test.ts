import { describe, expect, it } from "vitest";
import { canManage } from "./roles.ts";

describe("canManage", () => {
  it("Should let owners and admins change things, not members", () => {
    expect(canManage("owner")).toBe(true);
    expect(canManage("admin")).toBe(true);
    expect(canManage("member")).toBe(false);
  });
});
