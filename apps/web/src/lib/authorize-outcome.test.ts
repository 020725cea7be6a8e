import { describe, expect, it } from "vitest";
import {
  describeAuthorizeOutcome,
  parseAuthorizeOutcome,
  withoutOutcomeParams,
} from "./authorize-outcome.ts";

const salesforce = {
  userId: "005000000000001",
  orgId: "00D000000000001",
  username: "admin@example.com",
  displayName: "Admin User",
};

describe("parseAuthorizeOutcome", () => {
  it("Should read the callback's parameters", () => {
    expect(
      parseAuthorizeOutcome(new URLSearchParams("connection=c1&authorize=ok&orgChanged=1")),
    ).toEqual({
      result: "ok",
      connectionId: "c1",
      orgChanged: true,
    });
  });

  it("Should be null without an outcome", () => {
    expect(parseAuthorizeOutcome(new URLSearchParams("connection=c1"))).toBeNull();
  });

  it("Should treat an unknown outcome as an error and allow no connection", () => {
    expect(parseAuthorizeOutcome(new URLSearchParams("authorize=weird"))).toEqual({
      result: "error",
      connectionId: null,
      orgChanged: false,
    });
  });
});

describe("describeAuthorizeOutcome", () => {
  const base = { connectionId: "c1", orgChanged: false };

  it("Should name the authorized Salesforce user", () => {
    const message = describeAuthorizeOutcome({ ...base, result: "ok" }, { salesforce });
    expect(message).toEqual({
      tone: "success",
      title: "Authorized as admin@example.com",
      description: null,
    });
  });

  it("Should warn when the org changed", () => {
    const message = describeAuthorizeOutcome(
      { ...base, result: "ok", orgChanged: true },
      { salesforce },
    );
    expect(message.tone).toBe("warning");
    expect(message.description).toMatch(/different Salesforce org/);
  });

  it("Should explain a denial, an expired link and a generic failure", () => {
    expect(describeAuthorizeOutcome({ ...base, result: "denied" }, null).title).toBe(
      "Access was denied at Salesforce",
    );
    expect(describeAuthorizeOutcome({ ...base, result: "invalid_state" }, null).title).toBe(
      "The authorization link expired or was already used",
    );
    expect(describeAuthorizeOutcome({ ...base, result: "error" }, null).tone).toBe("danger");
  });
});

describe("withoutOutcomeParams", () => {
  it("Should drop only the outcome parameters", () => {
    const url = new URL(
      "http://127.0.0.1/services/s1?connection=c1&authorize=ok&orgChanged=1&tab=x",
    );
    expect(withoutOutcomeParams(url).href).toBe("http://127.0.0.1/services/s1?tab=x");
  });
});
