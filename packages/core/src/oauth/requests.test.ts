import { describe, expect, it } from "vitest";
import {
  buildAuthorizationUrl,
  buildCodeExchangeRequest,
  buildIdentityRequest,
  buildIntrospectRequest,
  buildRefreshRequest,
  buildRevokeRequest,
  buildUserInfoRequest,
  DEFAULT_SCOPES,
  type Prompt,
} from "./requests.ts";

const loginUrl = new URL("https://acme.my.salesforce.com");
const base = {
  clientId: "3MVG9client",
  redirectUri: "https://portal.example.com/oauth/callback",
  state: "state123",
  codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
};

async function form(request: Request): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await request.text()));
}

describe("buildAuthorizationUrl", () => {
  it("Should carry the web server flow parameters with PKCE S256 and the default scopes", () => {
    const url = buildAuthorizationUrl(loginUrl, base);
    expect(url.origin + url.pathname).toBe(
      "https://acme.my.salesforce.com/services/oauth2/authorize",
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "3MVG9client",
      redirect_uri: "https://portal.example.com/oauth/callback",
      state: "state123",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
      scope: "api refresh_token id",
    });
    expect(DEFAULT_SCOPES).toEqual(["api", "refresh_token", "id"]);
  });

  it("Should use the origin of the login URL, whatever path it has", () => {
    const url = buildAuthorizationUrl(new URL("http://127.0.0.1:8788/some/path"), base);
    expect(url.href.startsWith("http://127.0.0.1:8788/services/oauth2/authorize?")).toBe(true);
  });

  it("Should send configured scopes, prompts and a login hint", () => {
    const url = buildAuthorizationUrl(loginUrl, {
      ...base,
      scopes: ["api", "offline_access"],
      prompt: ["login", "consent", "login"],
      loginHint: "admin@example.com",
    });
    expect(url.searchParams.get("scope")).toBe("api offline_access");
    expect(url.searchParams.get("prompt")).toBe("login consent");
    expect(url.searchParams.get("login_hint")).toBe("admin@example.com");
  });

  it.each<Prompt>(["login", "consent", "select_account"])(
    "Should accept the prompt %s",
    (prompt) => {
      expect(buildAuthorizationUrl(loginUrl, { ...base, prompt }).searchParams.get("prompt")).toBe(
        prompt,
      );
    },
  );

  it("Should refuse an unknown prompt, empty scopes and scopes with spaces", () => {
    // @ts-expect-error: an unknown prompt must also be refused at run time
    expect(() => buildAuthorizationUrl(loginUrl, { ...base, prompt: "none" })).toThrow(
      /Unknown prompt "none"/,
    );
    expect(() => buildAuthorizationUrl(loginUrl, { ...base, scopes: [] })).toThrow(TypeError);
    expect(() => buildAuthorizationUrl(loginUrl, { ...base, scopes: ["api id"] })).toThrow(
      TypeError,
    );
  });

  it("Should refuse a missing state or challenge", () => {
    expect(() => buildAuthorizationUrl(loginUrl, { ...base, state: "" })).toThrow(/state/);
    expect(() => buildAuthorizationUrl(loginUrl, { ...base, codeChallenge: "" })).toThrow(
      /codeChallenge/,
    );
  });
});

describe("token request builders", () => {
  const secrets = { clientId: "3MVG9client", clientSecret: "s3cret" };

  it("Should build the code exchange as a form POST with the verifier and no redirects", async () => {
    const request = buildCodeExchangeRequest(loginUrl, {
      ...secrets,
      redirectUri: base.redirectUri,
      code: "aPrxcode==",
      codeVerifier: "verifier",
    });
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://acme.my.salesforce.com/services/oauth2/token");
    expect(request.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(request.headers.get("accept")).toBe("application/json");
    expect(request.redirect).toBe("manual");
    expect(await form(request)).toEqual({
      grant_type: "authorization_code",
      code: "aPrxcode==",
      client_id: "3MVG9client",
      client_secret: "s3cret",
      redirect_uri: base.redirectUri,
      code_verifier: "verifier",
    });
  });

  it("Should build the refresh grant", async () => {
    const request = buildRefreshRequest(loginUrl, { ...secrets, refreshToken: "5Aep861refresh" });
    expect(request.url).toBe("https://acme.my.salesforce.com/services/oauth2/token");
    expect(await form(request)).toEqual({
      grant_type: "refresh_token",
      refresh_token: "5Aep861refresh",
      client_id: "3MVG9client",
      client_secret: "s3cret",
    });
  });

  it("Should build the revoke request with only the token", async () => {
    const request = buildRevokeRequest(loginUrl, "5Aep861refresh");
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://acme.my.salesforce.com/services/oauth2/revoke");
    expect(await form(request)).toEqual({ token: "5Aep861refresh" });
  });

  it("Should build the introspection request with a token type hint", async () => {
    const request = buildIntrospectRequest(new URL("https://acme.my.salesforce.com/x"), {
      ...secrets,
      token: "00Daccess",
    });
    expect(request.url).toBe("https://acme.my.salesforce.com/services/oauth2/introspect");
    expect(await form(request)).toEqual({
      token: "00Daccess",
      token_type_hint: "access_token",
      client_id: "3MVG9client",
      client_secret: "s3cret",
    });
    const refresh = buildIntrospectRequest(loginUrl, {
      ...secrets,
      token: "r",
      tokenTypeHint: "refresh_token",
    });
    expect((await form(refresh)).token_type_hint).toBe("refresh_token");
  });

  it("Should refuse empty codes, verifiers, tokens and secrets", () => {
    expect(() => buildRefreshRequest(loginUrl, { ...secrets, refreshToken: "" })).toThrow(
      /refreshToken/,
    );
    expect(() => buildRevokeRequest(loginUrl, "")).toThrow(/token/);
    expect(() =>
      buildCodeExchangeRequest(loginUrl, {
        ...secrets,
        redirectUri: "x",
        code: "c",
        codeVerifier: "",
      }),
    ).toThrow(/codeVerifier/);
    expect(() =>
      buildRefreshRequest(loginUrl, { ...secrets, clientSecret: "", refreshToken: "r" }),
    ).toThrow(/clientSecret/);
  });
});

describe("bearer request builders", () => {
  it("Should GET the identity URL as given, with the bearer token", () => {
    const request = buildIdentityRequest(
      new URL("https://login.salesforce.com/id/00D/005?version=latest"),
      "00Dtok",
    );
    expect(request.method).toBe("GET");
    expect(request.url).toBe("https://login.salesforce.com/id/00D/005?version=latest");
    expect(request.headers.get("authorization")).toBe("Bearer 00Dtok");
    expect(request.redirect).toBe("manual");
  });

  it("Should GET userinfo on the host's origin", () => {
    const request = buildUserInfoRequest(
      new URL("https://acme.my.salesforce.com/anything"),
      "00Dtok",
    );
    expect(request.url).toBe("https://acme.my.salesforce.com/services/oauth2/userinfo");
    expect(request.headers.get("authorization")).toBe("Bearer 00Dtok");
    expect(() => buildUserInfoRequest(loginUrl, "")).toThrow(/accessToken/);
  });
});
