import { describe, expect, it } from "vitest";
import {
  OAuthRequestError,
  SalesforceApiError,
  UnexpectedResponseError,
  UpstreamFetchError,
} from "../errors.ts";
import { parseIdentity } from "./identity.ts";
import { buildIdentityRequest, buildRefreshRequest, buildRevokeRequest } from "./requests.ts";
import {
  defaultFetch,
  sendJsonRequest,
  sendRevokeRequest,
  sendTokenRequest,
  type Fetch,
} from "./send.ts";

const loginUrl = new URL("https://login.salesforce.com");
const refreshRequest = () =>
  buildRefreshRequest(loginUrl, {
    clientId: "cid",
    clientSecret: "secret",
    refreshToken: "5Aep861refresh",
  });
const REFRESHED = {
  id: "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
  issued_at: "1309974610026",
  instance_url: "https://acme.my.salesforce.com",
  signature: "sig=",
  access_token: "refreshed_access_token",
};

function answer(status: number, body: unknown, contentType = "application/json"): Fetch {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return async () =>
    new Response(status === 204 ? null : text, {
      status,
      headers: { "Content-Type": contentType },
    });
}
const unreachable: Fetch = async () => {
  throw new TypeError("fetch failed", { cause: new Error("ECONNREFUSED") });
};

describe("sendTokenRequest", () => {
  it("Should return parsed tokens on 200", async () => {
    const result = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(200, REFRESHED),
    });
    expect(result.ok && result.tokens.accessToken).toBe("refreshed_access_token");
  });

  it("Should classify OAuth error bodies", async () => {
    const body = {
      error: "invalid_grant",
      error_description: "token request is already being processed",
    };
    const result = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(400, body),
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "concurrent_refresh",
      retryable: true,
      status: 400,
    });
  });

  it("Should report a network failure as a retryable value with its cause", async () => {
    const result = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: unreachable,
    });
    expect(result).toMatchObject({ ok: false, reason: "network", retryable: true, status: null });
    expect(!result.ok && result.cause).toBeInstanceOf(TypeError);
  });

  it("Should report a body that dies mid-read as a network failure", async () => {
    const broken: Fetch = async () =>
      new Response(
        new ReadableStream({ pull: (controller) => controller.error(new Error("reset")) }),
        { status: 200 },
      );
    const result = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: broken,
    });
    expect(result).toMatchObject({ ok: false, reason: "network" });
  });

  it("Should report a 200 that is not a token response as unexpected", async () => {
    const html = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(200, "<html>maintenance</html>", "text/html"),
    });
    expect(html).toMatchObject({ ok: false, reason: "unexpected", status: 200 });
    const partial = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(200, { ...REFRESHED, access_token: undefined }),
    });
    expect(partial).toMatchObject({
      ok: false,
      reason: "unexpected",
      description: "token response has no access_token",
    });
  });

  it("Should refuse tokens whose instance_url is not Salesforce (SSRF) unless loopback is allowed for it", async () => {
    const local = { ...REFRESHED, instance_url: "http://127.0.0.1:9999" };
    const refused = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(200, local),
    });
    expect(refused).toMatchObject({ ok: false, reason: "unexpected" });
    const allowed = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: answer(200, local),
      allowLoopback: true,
    });
    expect(allowed.ok).toBe(true);
  });

  it("Should treat a redirect as unexpected instead of following it with the secret", async () => {
    const redirect: Fetch = async () =>
      new Response(null, { status: 302, headers: { Location: "https://evil.example/token" } });
    const result = await sendTokenRequest(refreshRequest(), {
      operation: "refresh_token",
      fetch: redirect,
    });
    expect(result).toMatchObject({ ok: false, reason: "unexpected", status: 302 });
  });
});

describe("sendRevokeRequest", () => {
  it("Should succeed on 200", async () => {
    await expect(
      sendRevokeRequest(buildRevokeRequest(loginUrl, "tok"), { fetch: answer(200, "") }),
    ).resolves.toEqual({
      ok: true,
    });
  });

  it("Should report an unknown or revoked token as invalid_token", async () => {
    const result = await sendRevokeRequest(buildRevokeRequest(loginUrl, "tok"), {
      fetch: answer(400, { error: "invalid_token" }),
    });
    expect(result).toMatchObject({ ok: false, reason: "invalid_token", retryable: false });
  });

  it("Should report network and 5xx failures as retryable", async () => {
    const network = await sendRevokeRequest(buildRevokeRequest(loginUrl, "tok"), {
      fetch: unreachable,
    });
    expect(network).toMatchObject({ ok: false, reason: "network", retryable: true });
    const down = await sendRevokeRequest(buildRevokeRequest(loginUrl, "tok"), {
      fetch: answer(503, "down", "text/plain"),
    });
    expect(down).toMatchObject({ ok: false, reason: "unavailable", retryable: true });
  });
});

describe("sendJsonRequest", () => {
  const identityRequest = () => buildIdentityRequest(new URL(REFRESHED.id), "00Dtoken");
  const IDENTITY = { user_id: "005x", organization_id: "00Dx", username: "admin@example.com" };

  it("Should return the parsed value", async () => {
    const identity = await sendJsonRequest(identityRequest(), parseIdentity, {
      fetch: answer(200, IDENTITY),
    });
    expect(identity.username).toBe("admin@example.com");
  });

  it("Should throw OAuthRequestError for the bare Bad_OAuth_Token answer", async () => {
    const call = sendJsonRequest(identityRequest(), parseIdentity, {
      fetch: answer(403, "Bad_OAuth_Token", "text/plain"),
    });
    await expect(call).rejects.toBeInstanceOf(OAuthRequestError);
    await expect(call).rejects.toMatchObject({ status: 403, code: "Bad_OAuth_Token" });
  });

  it("Should throw OAuthRequestError for an OAuth error body", async () => {
    const call = sendJsonRequest(identityRequest(), parseIdentity, {
      fetch: answer(400, {
        error: "invalid_client",
        error_description: "invalid client credentials",
      }),
    });
    await expect(call).rejects.toMatchObject({
      code: "invalid_client",
      description: "invalid client credentials",
    });
  });

  it("Should throw SalesforceApiError for a REST error array", async () => {
    const body = [{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }];
    const call = sendJsonRequest(identityRequest(), parseIdentity, { fetch: answer(401, body) });
    await expect(call).rejects.toBeInstanceOf(SalesforceApiError);
    await expect(call).rejects.toMatchObject({ status: 401, errorCode: "INVALID_SESSION_ID" });
  });

  it("Should throw UnexpectedResponseError for unknown error pages and wrong shapes", async () => {
    const page = sendJsonRequest(identityRequest(), parseIdentity, {
      fetch: answer(500, "<html>oops</html>", "text/html"),
    });
    await expect(page).rejects.toBeInstanceOf(UnexpectedResponseError);
    const shape = sendJsonRequest(identityRequest(), parseIdentity, {
      fetch: answer(200, { hello: 1 }),
    });
    await expect(shape).rejects.toThrow(/identity lacks/);
  });

  it("Should throw UpstreamFetchError when there is no answer", async () => {
    await expect(
      sendJsonRequest(identityRequest(), parseIdentity, { fetch: unreachable }),
    ).rejects.toBeInstanceOf(UpstreamFetchError);
  });
});

describe("defaultFetch", () => {
  it("Should call the global fetch at call time", async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = async (input) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response("ok");
    };
    try {
      await defaultFetch(new Request("https://login.salesforce.com/x"));
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(["https://login.salesforce.com/x"]);
  });
});
