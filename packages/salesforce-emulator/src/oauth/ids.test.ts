import { describe, expect, it } from "vitest";
import {
  ORG_ID,
  newAccessToken,
  newAuthorizationCode,
  newRefreshToken,
  to18,
  userId,
} from "./ids.ts";

describe("to18", () => {
  it("Should append Salesforce's case-safe checksum", () => {
    expect(to18("00D000000000062")).toBe("00D000000000062EAA");
    expect(to18("001A0000006Vm9r")).toBe("001A0000006Vm9rIAC");
  });

  it("Should refuse anything but 15 alphanumerics", () => {
    expect(() => to18("00D00000000006")).toThrow(/15-character/);
  });
});

describe("ids and tokens", () => {
  it("Should give 18-character org and user ids with their key prefixes", () => {
    expect(ORG_ID).toMatch(/^00D[0-9A-Za-z]{15}$/);
    expect(userId(1)).toMatch(/^005[0-9A-Za-z]{15}$/);
    expect(userId(1)).not.toBe(userId(2));
  });

  it("Should shape tokens and codes like Salesforce's", () => {
    expect(newAccessToken()).toMatch(/^00D[0-9A-Za-z]{12}!AR[0-9A-Za-z]+$/);
    expect(newRefreshToken()).toMatch(/^5Aep861[0-9A-Za-z]+$/);
    expect(newAuthorizationCode()).toMatch(/^aPrx[\w-]+$/);
    expect(newAccessToken()).not.toBe(newAccessToken());
  });
});
