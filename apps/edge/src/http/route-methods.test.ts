import { describe, expect, it } from "vitest";
import { createMethodLookup } from "./route-methods.ts";

describe("createMethodLookup", () => {
  const lookup = createMethodLookup([
    { method: "ALL", path: "/api/*" },
    { method: "GET", path: "/api/v1/connections/:id" },
    { method: "DELETE", path: "/api/v1/connections/:id" },
    { method: "POST", path: "/api/v1/connections/:id/test" },
  ]);

  it("Should list the methods of a path with parameters", () => {
    expect(lookup("/api/v1/connections/abc")).toEqual(["DELETE", "GET", "HEAD"]);
    expect(lookup("/api/v1/connections/abc/test")).toEqual(["POST"]);
  });

  it("Should know nothing of unknown paths and ignore middleware entries", () => {
    expect(lookup("/api/v1/nope")).toEqual([]);
    expect(lookup("/api/v1/connections/a/b/c")).toEqual([]);
  });
});
