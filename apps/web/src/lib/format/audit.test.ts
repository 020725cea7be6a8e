import { describe, expect, it } from "vitest";
import { actionLabel, detailsText } from "./audit.ts";

describe("actionLabel", () => {
  it("Should turn separators into spaces", () => {
    expect(actionLabel("connection.authorize")).toBe("connection authorize");
    expect(actionLabel("api_key.created")).toBe("api key created");
    expect(actionLabel("read-design")).toBe("read design");
  });
});

describe("detailsText", () => {
  it("Should list an object's pairs and nest objects as JSON", () => {
    expect(detailsText({ code: "SFORCE001", orgChanged: true })).toBe(
      "code: SFORCE001, orgChanged: true",
    );
    expect(detailsText({ run: { done: 3 } })).toBe('run: {"done":3}');
  });

  it("Should show plain values and a dash for nothing", () => {
    expect(detailsText("refresh failed")).toBe("refresh failed");
    expect(detailsText(null)).toBe("—");
    expect(detailsText({})).toBe("—");
    expect(detailsText(["a", 1])).toBe("a, 1");
  });
});
