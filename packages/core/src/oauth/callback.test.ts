import { describe, expect, it } from "vitest";
import { parseCallback } from "./callback.ts";

const STATE = "kJ3vQ0x8u1e2Z4w5y6A7b8C9d0E1f2G3h4I5j6K7l8M";
const parse = (query: string) => parseCallback(new URLSearchParams(query));

describe("parseCallback", () => {
  it("Should read a code and state", () => {
    expect(
      parse(`code=aPrxsmIEeqM9PiQroGEWx1UiMQd95_5JUZVEhsOFhS8EVvbfYBBJli2pk%3D%3D&state=${STATE}`),
    ).toEqual({
      kind: "code",
      code: "aPrxsmIEeqM9PiQroGEWx1UiMQd95_5JUZVEhsOFhS8EVvbfYBBJli2pk==",
      state: STATE,
    });
  });

  it.each(["access_denied", "access-denied"])(
    "Should understand the denial spelled %s",
    (spelling) => {
      expect(
        parse(`error=${spelling}&error_description=end-user+denied+authorization&state=${STATE}`),
      ).toEqual({
        kind: "error",
        error: "access_denied",
        denied: true,
        description: "end-user denied authorization",
        state: STATE,
      });
    },
  );

  it("Should report other errors, with or without description and state", () => {
    expect(parse("error=invalid_request")).toEqual({
      kind: "error",
      error: "invalid_request",
      denied: false,
      description: null,
      state: null,
    });
    expect(parse(`error=immediate_unsuccessful&state=${STATE}&code=x`)).toMatchObject({
      kind: "error",
      error: "immediate_unsuccessful",
      state: STATE,
    });
  });

  it.each([
    ["", "missing_code"],
    [`state=${STATE}`, "missing_code"],
    [`code=&state=${STATE}`, "missing_code"],
    ["code=abc", "missing_state"],
    ["code=abc&state=", "missing_state"],
    [`code=a&code=b&state=${STATE}`, "duplicate_parameter"],
    [`code=a&state=${STATE}&state=${STATE}`, "duplicate_parameter"],
    [`code=a&state=has%20space`, "malformed_parameter"],
    [`code=${"x".repeat(2049)}&state=${STATE}`, "malformed_parameter"],
    [`error=%3Cscript%3E&state=${STATE}`, "malformed_parameter"],
  ])("Should refuse %j as %s", (query, reason) => {
    expect(parse(query)).toEqual({ kind: "invalid", reason });
  });
});
