import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import { startEmulator } from "../server.ts";
import { authorizeByForm } from "./authorize-by-form.ts";

let emulator: RunningEmulator;
const redirectUri = "http://127.0.0.1:5173/oauth/callback";

beforeAll(async () => {
  emulator = await startEmulator({ org: { objects: 40 } });
});
afterAll(() => emulator.close());

function authorizeUrl(extra: Record<string, string> = {}): string {
  const url = new URL("/services/oauth2/authorize", emulator.url);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: "emulator-client-id",
    redirect_uri: redirectUri,
    state: "s-1",
    ...extra,
  }).toString();
  return url.toString();
}

describe("authorizeByForm", () => {
  it("Should log in, press Allow and return the callback with code and state", async () => {
    const callback = await authorizeByForm(authorizeUrl());
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("code")).toMatch(/^aPrx/);
    expect(callback.searchParams.get("state")).toBe("s-1");
  });

  it("Should return the access_denied callback when Deny is pressed", async () => {
    const callback = await authorizeByForm(authorizeUrl({ prompt: "consent" }), {
      decision: "deny",
    });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("error_description")).toBe("end-user denied authorization");
    expect(callback.searchParams.get("state")).toBe("s-1");
  });

  it("Should refuse to Deny when no consent page is shown", async () => {
    await authorizeByForm(authorizeUrl());
    await expect(authorizeByForm(authorizeUrl(), { decision: "deny" })).rejects.toThrow(
      /prompt=consent/,
    );
  });

  it("Should throw on a wrong password", async () => {
    await expect(authorizeByForm(authorizeUrl(), { password: "nope" })).rejects.toThrow(
      /login failed/,
    );
  });

  it("Should throw with the error code of an error page", async () => {
    const url = authorizeUrl().replace("emulator-client-id", "someone-else");
    await expect(authorizeByForm(url)).rejects.toThrow(/invalid_client_id/);
  });
});
