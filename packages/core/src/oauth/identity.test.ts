import { describe, expect, it } from "vitest";
import { parseIdentity, parseIdUrl, parseIntrospection, parseUserInfo } from "./identity.ts";

// Shapes of Salesforce's identity URL, UserInfo and introspection answers (salesforce-api.md §1.13).
const IDENTITY = {
  id: "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
  asserted_user: true,
  user_id: "005x00000012Q9P",
  organization_id: "00Dx0000000BV7z",
  username: "admin@example.com",
  nick_name: "admin1.3950",
  display_name: "Admin User",
  email: "admin@example.com",
  email_verified: true,
  first_name: "Admin",
  last_name: "User",
  timezone: "America/Los_Angeles",
  photos: {
    picture: "https://acme.file.force.com/profilephoto/005/F",
    thumbnail: "https://acme.file.force.com/profilephoto/005/T",
  },
  status: { created_date: null, body: null },
  urls: { rest: "https://acme.my.salesforce.com/services/data/v{version}/" },
  active: true,
  user_type: "STANDARD",
  language: "en_US",
  locale: "en_US",
};
const USERINFO = {
  sub: "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
  user_id: "005x00000012Q9P",
  organization_id: "00Dx0000000BV7z",
  preferred_username: "admin@example.com",
  nickname: "admin1.3950",
  name: "Admin User",
  email: "admin@example.com",
  email_verified: true,
  zoneinfo: "America/Los_Angeles",
  is_salesforce_integration_user: false,
};

describe("parseIdentity", () => {
  it("Should read the fields the portal shows and keep the rest raw", () => {
    const parsed = parseIdentity(IDENTITY);
    expect(parsed.ok && parsed.value).toMatchObject({
      userId: "005x00000012Q9P",
      organizationId: "00Dx0000000BV7z",
      username: "admin@example.com",
      displayName: "Admin User",
      email: "admin@example.com",
      userType: "STANDARD",
      active: true,
    });
    expect(parsed.ok && parsed.value.raw.timezone).toBe("America/Los_Angeles");
  });

  it("Should leave unverified optional fields null when absent", () => {
    const { active: _a, user_type: _u, display_name: _d, email: _e, ...minimal } = IDENTITY;
    const parsed = parseIdentity(minimal);
    expect(parsed.ok && parsed.value).toMatchObject({
      active: null,
      userType: null,
      displayName: null,
      email: null,
    });
  });

  it.each([
    ["a string", "Bad_OAuth_Token"],
    ["no user_id", { ...IDENTITY, user_id: undefined }],
    ["no organization_id", { ...IDENTITY, organization_id: 5 }],
    ["no username", { ...IDENTITY, username: "" }],
  ])("Should refuse %s", (_name, body) => {
    expect(parseIdentity(body).ok).toBe(false);
  });
});

describe("parseUserInfo", () => {
  it("Should read the OpenID Connect claims", () => {
    const parsed = parseUserInfo(USERINFO);
    expect(parsed.ok && parsed.value).toMatchObject({
      sub: USERINFO.sub,
      userId: "005x00000012Q9P",
      organizationId: "00Dx0000000BV7z",
      preferredUsername: "admin@example.com",
      name: "Admin User",
      email: "admin@example.com",
    });
  });

  it("Should refuse an answer without user or org id", () => {
    expect(parseUserInfo({ ...USERINFO, user_id: null }).ok).toBe(false);
    expect(parseUserInfo([USERINFO]).ok).toBe(false);
  });
});

describe("parseIntrospection", () => {
  it("Should convert exp and iat from seconds to ms", () => {
    const parsed = parseIntrospection({
      active: true,
      scope: "id api refresh_token",
      client_id: "3MVG9client",
      username: "admin@example.com",
      sub: USERINFO.sub,
      token_type: "access_token",
      exp: 1700007200,
      iat: 1700000000,
      nbf: 1700000000,
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      active: true,
      expiresAt: 1700007200000,
      issuedAt: 1700000000000,
      scopes: ["id", "api", "refresh_token"],
      clientId: "3MVG9client",
      username: "admin@example.com",
      tokenType: "access_token",
    });
  });

  it("Should accept an inactive answer with nothing else", () => {
    const parsed = parseIntrospection({ active: false });
    expect(parsed.ok && parsed.value).toMatchObject({
      active: false,
      expiresAt: null,
      scopes: null,
    });
  });

  it("Should refuse an answer without a boolean active", () => {
    expect(parseIntrospection({ active: "true" }).ok).toBe(false);
    expect(parseIntrospection(null).ok).toBe(false);
  });
});

describe("parseIdUrl", () => {
  it("Should read org and user ids", () => {
    expect(parseIdUrl(IDENTITY.id)).toEqual({
      orgId: "00Dx0000000BV7z",
      userId: "005x00000012Q9P",
    });
    expect(parseIdUrl("http://127.0.0.1:8788/id/00D000000000001AAA/005000000000001AAA/")).toEqual({
      orgId: "00D000000000001AAA",
      userId: "005000000000001AAA",
    });
  });

  it.each([
    "not a url",
    "https://login.salesforce.com/id/00D",
    "https://login.salesforce.com/x/00D/005",
  ])("Should return null for %s", (input) => {
    expect(parseIdUrl(input)).toBeNull();
  });
});
