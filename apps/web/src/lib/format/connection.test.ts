import { describe, expect, it } from "vitest";
import {
  authorizeLabel,
  environmentLabel,
  errorText,
  isRunOver,
  loginHost,
  phaseLabel,
  statusLabel,
  statusTone,
} from "./connection.ts";

describe("statusLabel and statusTone", () => {
  it("Should name every status as the portal shows it", () => {
    expect(statusLabel("new")).toBe("new");
    expect(statusLabel("authorized")).toBe("authorized");
    expect(statusLabel("needs_reauth")).toBe("needs re-authorization");
    expect(statusLabel("revoked")).toBe("revoked");
    expect(statusLabel("error")).toBe("error");
  });

  it("Should colour problems as warnings or dangers", () => {
    expect(statusTone("authorized")).toBe("success");
    expect(statusTone("needs_reauth")).toBe("warning");
    expect(statusTone("error")).toBe("danger");
  });
});

describe("environmentLabel", () => {
  it("Should call custom login hosts My Domain", () => {
    expect(environmentLabel("production")).toBe("Production");
    expect(environmentLabel("sandbox")).toBe("Sandbox");
    expect(environmentLabel("custom")).toBe("My Domain");
  });
});

describe("loginHost", () => {
  it("Should keep only the host (and port)", () => {
    expect(loginHost("https://acme.my.salesforce.com")).toBe("acme.my.salesforce.com");
    expect(loginHost("http://127.0.0.1:18788")).toBe("127.0.0.1:18788");
  });

  it("Should show what it cannot parse as is, and a dash for nothing", () => {
    expect(loginHost("login.salesforce.com")).toBe("login.salesforce.com");
    expect(loginHost(null)).toBe("—");
  });
});

describe("authorizeLabel", () => {
  it("Should say Authorize for a connection never authorized", () => {
    expect(authorizeLabel({ status: "new", authorizedAt: null })).toBe("Authorize");
  });

  it("Should say Re-authorize once authorized, also after revocation or a refused refresh", () => {
    expect(authorizeLabel({ status: "authorized", authorizedAt: "2026-05-01T09:00:00Z" })).toBe(
      "Re-authorize",
    );
    expect(authorizeLabel({ status: "needs_reauth", authorizedAt: "2026-05-01T09:00:00Z" })).toBe(
      "Re-authorize",
    );
    expect(authorizeLabel({ status: "revoked", authorizedAt: null })).toBe("Re-authorize");
  });
});

describe("errorText", () => {
  it("Should read both error shapes", () => {
    expect(errorText("expired access/refresh token")).toBe("expired access/refresh token");
    expect(errorText({ code: "invalid_grant", message: "Token revoked" })).toBe("Token revoked");
    expect(errorText({ code: "invalid_grant", message: "" })).toBe("invalid_grant");
    expect(errorText(null)).toBeNull();
  });
});

describe("runs", () => {
  it("Should name phases and know when a run is over", () => {
    expect(phaseLabel("describing")).toBe("Reading objects");
    expect(isRunOver("running")).toBe(false);
    expect(isRunOver("queued")).toBe(false);
    expect(isRunOver("finished")).toBe(true);
    expect(isRunOver("cancelled")).toBe(true);
    expect(isRunOver("failed")).toBe(true);
  });
});
