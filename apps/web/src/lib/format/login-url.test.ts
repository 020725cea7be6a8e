import { describe, expect, it } from "vitest";
import { checkLoginUrl } from "./login-url.ts";

describe("checkLoginUrl", () => {
  it("Should accept https My Domains and the local emulator", () => {
    expect(checkLoginUrl("https://acme.my.salesforce.com")).toBeNull();
    expect(checkLoginUrl(" https://acme--dev.sandbox.my.salesforce.com/ ")).toBeNull();
    expect(checkLoginUrl("http://127.0.0.1:18788")).toBeNull();
    expect(checkLoginUrl("http://localhost:8788")).toBeNull();
  });

  it("Should ask for a full https address", () => {
    expect(checkLoginUrl("acme.my.salesforce.com")).toMatch(/full address/);
    expect(checkLoginUrl("http://acme.my.salesforce.com")).toBe("Start with https://");
  });

  it("Should refuse Lightning addresses", () => {
    expect(checkLoginUrl("https://acme.lightning.force.com")).toMatch(/not the Lightning address/);
  });
});
