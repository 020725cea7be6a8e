import { describe, expect, it } from "vitest";
import { LoginHostError } from "../errors.ts";
import { parseTokenResponse } from "./tokens.ts";

// Shape of a real web-server-flow answer (restforce spec/fixtures/auth_success_response.json plus
// the refresh_token, token_type and scope a code grant with `api refresh_token id` carries).
const BODY = {
  access_token:
    "00Dx0000000BV7z!AR8AQAxo9UfVkh8AlV0Gomt9Czx9LjHnSSpwBMmbRcgKFmxOtvxjTrKW19ye6PE3Ds1eQz3z8jr3W7",
  refresh_token: "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrJ9xZBNJCcIVbL9ZxfsZTRDBQ7w2Y.hLFkZvHw==",
  signature: "0CmxinZir53Yex7nE0TD+zMpvIWYGb/bdJh6XfOH6EQ=",
  scope: "refresh_token id api",
  instance_url: "https://acme.my.salesforce.com",
  id: "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
  token_type: "Bearer",
  issued_at: "1278448832702",
};

describe("parseTokenResponse", () => {
  it("Should read every field and keep the raw response", () => {
    const parsed = parseTokenResponse(BODY);
    expect(parsed).toEqual({
      ok: true,
      tokens: {
        accessToken: BODY.access_token,
        refreshToken: BODY.refresh_token,
        instanceUrl: "https://acme.my.salesforce.com",
        idUrl: BODY.id,
        issuedAt: 1278448832702,
        signature: BODY.signature,
        scopes: ["refresh_token", "id", "api"],
        tokenType: "Bearer",
        idToken: null,
        raw: BODY,
      },
    });
    expect(parsed.ok && Object.isFrozen(parsed.tokens.raw)).toBe(true);
  });

  it("Should accept a refresh answer without refresh_token, scope or token_type", () => {
    const { refresh_token: _r, scope: _s, token_type: _t, ...refresh } = BODY;
    const parsed = parseTokenResponse({
      ...refresh,
      sfdc_community_url: "https://acme.my.site.com",
    });
    expect(parsed.ok && parsed.tokens).toMatchObject({
      refreshToken: null,
      scopes: null,
      tokenType: null,
    });
    expect(parsed.ok && parsed.tokens.raw.sfdc_community_url).toBe("https://acme.my.site.com");
  });

  it("Should accept a numeric issued_at and an id_token", () => {
    const parsed = parseTokenResponse({ ...BODY, issued_at: 1700000000000, id_token: "eyJ.x.y" });
    expect(parsed.ok && parsed.tokens).toMatchObject({
      issuedAt: 1700000000000,
      idToken: "eyJ.x.y",
    });
  });

  it("Should accept the emulator's loopback hosts only when allowed", () => {
    const local = {
      ...BODY,
      instance_url: "http://127.0.0.1:8788",
      id: "http://127.0.0.1:8788/id/00D/005",
    };
    expect(parseTokenResponse(local, { allowLoopback: true }).ok).toBe(true);
    expect(parseTokenResponse(local)).toMatchObject({
      ok: false,
      detail: expect.stringContaining("instance_url refused"),
    });
  });

  it.each([
    ["a non-object", "oops", "not a JSON object"],
    ["an array", [BODY], "not a JSON object"],
    ["no access_token", { ...BODY, access_token: undefined }, "no access_token"],
    ["an empty access_token", { ...BODY, access_token: "" }, "no access_token"],
    ["a numeric refresh_token", { ...BODY, refresh_token: 42 }, "invalid refresh_token"],
    ["an empty refresh_token", { ...BODY, refresh_token: "" }, "invalid refresh_token"],
    ["no issued_at", { ...BODY, issued_at: undefined }, "issued_at"],
    ["a textual issued_at", { ...BODY, issued_at: "yesterday" }, "issued_at"],
    ["a negative issued_at", { ...BODY, issued_at: -5 }, "issued_at"],
    ["no instance_url", { ...BODY, instance_url: undefined }, "no instance_url"],
    ["no id", { ...BODY, id: 7 }, "no id"],
  ])("Should refuse %s", (_name, body, detail) => {
    const parsed = parseTokenResponse(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail).toContain(detail);
  });

  it("Should refuse an instance_url or id outside Salesforce and keep the host error as cause (SSRF)", () => {
    const instance = parseTokenResponse({ ...BODY, instance_url: "https://attacker.example" });
    expect(instance.ok).toBe(false);
    expect(!instance.ok && instance.cause).toBeInstanceOf(LoginHostError);
    const id = parseTokenResponse({ ...BODY, id: "https://acme.lightning.force.com/id/a/b" });
    expect(!id.ok && id.detail).toContain("token response id refused");
  });

  it("Should never put a token into the refusal detail", () => {
    const parsed = parseTokenResponse({ ...BODY, instance_url: "https://attacker.example" });
    expect(JSON.stringify(!parsed.ok && parsed.detail)).not.toContain(BODY.access_token);
  });
});
