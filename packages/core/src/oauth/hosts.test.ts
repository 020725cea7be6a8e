import { describe, expect, it } from "vitest";
import { LoginHostError } from "../errors.ts";
import { assertSalesforceUrl, parseLoginUrl } from "./hosts.ts";

function reasonOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof LoginHostError) return error.reason;
    throw error;
  }
  throw new Error("expected a LoginHostError");
}

describe("parseLoginUrl", () => {
  it.each([
    ["https://login.salesforce.com", "https://login.salesforce.com/"],
    ["https://test.salesforce.com/", "https://test.salesforce.com/"],
    ["https://acme.my.salesforce.com/lightning/page/home?x=1#y", "https://acme.my.salesforce.com/"],
    ["https://acme--uat.sandbox.my.salesforce.com", "https://acme--uat.sandbox.my.salesforce.com/"],
    [
      "https://acme-dev-ed.develop.my.salesforce.com",
      "https://acme-dev-ed.develop.my.salesforce.com/",
    ],
    ["https://acme.my.site.com/s/login", "https://acme.my.site.com/"],
    ["https://acme.force.com", "https://acme.force.com/"],
    ["https://acme.cloudforce.com", "https://acme.cloudforce.com/"],
    ["HTTPS://ACME.MY.SALESFORCE.COM", "https://acme.my.salesforce.com/"],
    ["  acme.my.salesforce.com  ", "https://acme.my.salesforce.com/"],
    ["https://acme.my.salesforce.com:8443/x", "https://acme.my.salesforce.com/"],
  ])("Should accept %s as %s", (input, expected) => {
    expect(parseLoginUrl(input).href).toBe(expected);
  });

  it.each([
    ["https://acme.lightning.force.com", "lightning_host"],
    ["https://acme--uat.sandbox.lightning.force.com", "lightning_host"],
    ["https://acme.lightning.salesforce.com", "lightning_host"],
    ["http://login.salesforce.com", "not_https"],
    ["ftp://login.salesforce.com", "not_https"],
    ["https://example.com", "not_salesforce"],
    ["https://login.salesforce.com.evil.com", "not_salesforce"],
    ["https://acme.my.salesforce.com%2eevil.com", "not_salesforce"],
    ["https://evilsalesforce.com", "not_salesforce"],
    ["https://my.salesforce.com", "not_salesforce"],
    ["https://..my.salesforce.com", "not_salesforce"],
    ["https://acme.my.salesforce.com.", "not_salesforce"],
    ["https://10.0.0.1", "not_salesforce"],
    ["https://user:pass@acme.my.salesforce.com", "has_credentials"],
    ["", "invalid_url"],
    ["https://", "invalid_url"],
    ["http://[::1", "invalid_url"],
  ])("Should refuse %s with reason %s", (input, reason) => {
    expect(reasonOf(() => parseLoginUrl(input))).toBe(reason);
  });

  it("Should accept loopback hosts with their port only when local development allows them", () => {
    expect(parseLoginUrl("http://127.0.0.1:8788/x", { allowLoopback: true }).href).toBe(
      "http://127.0.0.1:8788/",
    );
    expect(parseLoginUrl("http://localhost:8788", { allowLoopback: true }).href).toBe(
      "http://localhost:8788/",
    );
    expect(parseLoginUrl("http://[::1]:9", { allowLoopback: true }).href).toBe("http://[::1]:9/");
    expect(reasonOf(() => parseLoginUrl("http://127.0.0.1:8788"))).toBe("not_https");
    expect(reasonOf(() => parseLoginUrl("https://localhost:8788"))).toBe("not_salesforce");
  });

  it("Should still refuse non-loopback http hosts when loopback is allowed", () => {
    expect(
      reasonOf(() => parseLoginUrl("http://acme.my.salesforce.com", { allowLoopback: true })),
    ).toBe("not_https");
    expect(reasonOf(() => parseLoginUrl("http://127.0.0.2:80", { allowLoopback: true }))).toBe(
      "not_https",
    );
  });

  it("Should explain a Lightning host refusal in words a user can act on", () => {
    expect(() => parseLoginUrl("https://acme.lightning.force.com")).toThrow(/My Domain/);
  });
});

describe("assertSalesforceUrl", () => {
  it("Should keep the path and query of an identity URL", () => {
    const url = assertSalesforceUrl(
      "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P?version=latest",
    );
    expect(url.href).toBe(
      "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P?version=latest",
    );
  });

  it("Should accept pre-enhanced-domain instance hosts such as na1.salesforce.com", () => {
    expect(assertSalesforceUrl("https://na1.salesforce.com").origin).toBe(
      "https://na1.salesforce.com",
    );
    expect(assertSalesforceUrl("https://cs42.salesforce.com").origin).toBe(
      "https://cs42.salesforce.com",
    );
    expect(reasonOf(() => assertSalesforceUrl("https://help.salesforce.com"))).toBe(
      "not_salesforce",
    );
  });

  it("Should accept a URL object without changing the caller's copy", () => {
    const input = new URL("https://acme.my.salesforce.com:444/id/a/b");
    expect(assertSalesforceUrl(input).href).toBe("https://acme.my.salesforce.com/id/a/b");
    expect(input.port).toBe("444");
  });

  it("Should refuse an instance_url that points at an attacker's host (SSRF)", () => {
    expect(reasonOf(() => assertSalesforceUrl("https://169.254.169.254/latest/meta-data"))).toBe(
      "not_salesforce",
    );
    expect(reasonOf(() => assertSalesforceUrl("http://127.0.0.1:8787/internal"))).toBe("not_https");
  });
});
