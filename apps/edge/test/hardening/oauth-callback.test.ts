import { env } from "cloudflare:workers";
import { authorizeByForm } from "@portal/salesforce-emulator";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/sha256.ts";
import { call, createConnection, firstServiceId, PORTAL, signUp } from "../helpers.ts";
import { send } from "./send.ts";

const HOME_INVALID = `${PORTAL}/?authorize=invalid_state`;

async function startAuthorize(cookie: string, connectionId: string) {
  const res = await call(`/api/v1/connections/${connectionId}/authorize`, { cookie, body: {} });
  expect(res.status).toBe(200);
  const { authorizeUrl } = (await res.json()) as { authorizeUrl: string };
  return { authorizeUrl, state: new URL(authorizeUrl).searchParams.get("state") ?? "" };
}

async function freshConnection() {
  const account = await signUp();
  const serviceId = await firstServiceId(account.cookie);
  const connection = await createConnection(account.cookie, serviceId);
  return { ...account, serviceId, connectionId: connection.id };
}

/** The callback as a browser reaches it; always a 302 to the portal, never an error page. */
async function callback(query: string, cookie?: string): Promise<string> {
  const res = await send("GET", `/oauth/callback?${query}`, {
    headers: cookie ? { cookie } : {},
  });
  expect(res.status, query.slice(0, 80)).toBe(302);
  const location = res.headers.get("location") ?? "";
  expect(location.startsWith(`${PORTAL}/`), location).toBe(true);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return location;
}

async function storedToken(connectionId: string): Promise<string | null> {
  const row = await env.DB.prepare("SELECT sealed_refresh_token AS t FROM connections WHERE id = ?")
    .bind(connectionId)
    .first<{ t: string | null }>();
  return row?.t ?? null;
}

const FORGED_QUERIES: Record<string, string> = {
  "no query": "",
  "code only": "code=abc",
  "empty state": "code=abc&state=",
  "forged state": `code=abc&state=${"A".repeat(43)}`,
  "state of 600 characters": `code=abc&state=${"A".repeat(600)}`,
  "state with markup": "code=abc&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "state with sql": `code=abc&state=${encodeURIComponent("' OR '1'='1")}`,
  "state with nul": "code=abc&state=abc%00def",
  "state with bad percent encoding": "code=abc&state=%E0%A4%A",
  "two forged states": "code=abc&state=aaaa&state=bbbb",
  "state as array syntax": "code=abc&state[]=aaaa",
  "error without state": "error=access_denied",
  "error with forged state": `error=server_error&state=${"B".repeat(43)}`,
  "huge error description": `error=access_denied&error_description=${"x".repeat(8000)}`,
  "code of 10,000 characters": `code=${"c".repeat(10_000)}&state=${"C".repeat(43)}`,
};

describe("OAuth callback with hostile queries (requests reach the emulator for real)", () => {
  it("Should send missing, forged and malformed states to the portal home with invalid_state", async () => {
    for (const [name, query] of Object.entries(FORGED_QUERIES)) {
      expect(await callback(query), name).toBe(HOME_INVALID);
    }
  });

  it("Should answer Salesforce's errors with denied or error on the connection's page, storing nothing", async () => {
    const person = await freshConnection();
    const long = "d".repeat(3000);
    const errors: [string, string, string][] = [
      ["access_denied", "end-user+denied+authorization", "denied"],
      // Salesforce also says access_denied when the user is not allowed to approve the app.
      ["access_denied", long, "error"],
      ["server_error", long, "error"],
      ["invalid_request", long, "error"],
      ["temporarily_unavailable", "", "error"],
      ["invalid_scope", "%00%1b", "error"],
      [encodeURIComponent("<script>"), long, "error"],
    ];
    for (const [error, description, outcome] of errors) {
      const { state } = await startAuthorize(person.cookie, person.connectionId);
      const location = new URL(
        await callback(`error=${error}&error_description=${description}&state=${state}`),
      );
      expect(location.searchParams.get("authorize"), error).toBe(outcome);
      expect(location.searchParams.get("connection")).toBe(person.connectionId);
      // A second use of the state is a replay.
      expect(await callback(`error=${error}&state=${state}`)).toBe(HOME_INVALID);
    }
    expect(await storedToken(person.connectionId)).toBeNull();
  });

  it("Should refuse an expired state even with a genuine code, storing nothing", async () => {
    const person = await freshConnection();
    const { authorizeUrl, state } = await startAuthorize(person.cookie, person.connectionId);
    const landed = await authorizeByForm(authorizeUrl, { decision: "allow" });
    await env.DB.prepare("UPDATE oauth_states SET expires_at = ? WHERE state_hash = ?")
      .bind(Date.now() - 1, await sha256Hex(state))
      .run();
    const location = new URL(await callback(landed.search.slice(1), person.cookie));
    expect(location.searchParams.get("authorize")).toBe("invalid_state");
    expect(await storedToken(person.connectionId)).toBeNull();
  });

  it("Should accept a state once and refuse a reused code under a new state", async () => {
    const person = await freshConnection();
    const first = await startAuthorize(person.cookie, person.connectionId);
    const landed = await authorizeByForm(first.authorizeUrl, { decision: "allow" });
    const ok = new URL(await callback(landed.search.slice(1), person.cookie));
    expect(ok.searchParams.get("authorize")).toBe("ok");
    const sealed = await storedToken(person.connectionId);
    expect(sealed).toMatch(/^v1\./);
    // Replaying the whole callback: the state is spent.
    expect(await callback(landed.search.slice(1), person.cookie)).toBe(HOME_INVALID);
    // The spent code with a fresh state: Salesforce refuses it (and PKCE would not match).
    const second = await startAuthorize(person.cookie, person.connectionId);
    const code = landed.searchParams.get("code") ?? "";
    const reused = new URL(await callback(`code=${code}&state=${second.state}`, person.cookie));
    expect(reused.searchParams.get("authorize")).toBe("error");
    expect(await storedToken(person.connectionId)).toBe(sealed);
  });

  it("Should refuse another tenant's state in a browser signed in to this tenant (state injection)", async () => {
    const attacker = await freshConnection();
    const victim = await freshConnection();
    const { authorizeUrl } = await startAuthorize(attacker.cookie, attacker.connectionId);
    // The victim consents at Salesforce and lands on our callback with the attacker's state.
    const landed = await authorizeByForm(authorizeUrl, { decision: "allow" });
    const location = await callback(landed.search.slice(1), victim.cookie);
    expect(location).toBe(HOME_INVALID);
    expect(location).not.toContain(attacker.connectionId);
    expect(await storedToken(attacker.connectionId)).toBeNull();
    // The state is spent: the attacker cannot finish it either.
    expect(await callback(landed.search.slice(1), attacker.cookie)).toBe(HOME_INVALID);
    expect(await storedToken(attacker.connectionId)).toBeNull();
  });

  it("Should refuse a state started by one person of the organization in another person's browser", async () => {
    const owner = await freshConnection();
    const { authorizeUrl } = await startAuthorize(owner.cookie, owner.connectionId);
    const colleague = await signUp();
    const landed = await authorizeByForm(authorizeUrl, { decision: "allow" });
    expect(await callback(landed.search.slice(1), colleague.cookie)).toBe(HOME_INVALID);
    expect(await storedToken(owner.connectionId)).toBeNull();
  });
});
