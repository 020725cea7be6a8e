import { API_VERSION, createFetchSender, salesforceApiErrorFrom } from "@portal/core/salesforce";
import type { ConnectionRow } from "../db/connections.ts";
import { oauthClientFor } from "./secrets.ts";
import { connectionStub } from "./stub.ts";
import type { AccessToken } from "./token-broker.ts";

/** The contract's answer of `POST /connections/:id/test`. */
export type TestResult =
  | {
      ok: true;
      identity: {
        userId: string;
        orgId: string;
        username: string | null;
        displayName: string | null;
        email: string | null;
      };
      apiUsage: { used: number; max: number } | null;
    }
  | { ok: false; error: { code: string; message: string } };

const LIMITS_PATH = `/services/data/v${API_VERSION}/limits/`;
const TEST_TIMEOUT_MS = 20_000;

function failed(code: string, message: string): TestResult {
  return { ok: false, error: { code, message } };
}

/**
 * Checks a connection end to end: an access token from its Durable Object, a cheap REST call
 * (`/limits`, whose `Sforce-Limit-Info` gives the API usage), and UserInfo for the identity.
 * A 401 forces one refresh and one retry. Never throws for Salesforce failures.
 * @example
 * const result = await testConnection(env, row); // { ok: true, identity, apiUsage: { used: 18, max: 15000 } }
 */
export async function testConnection(env: Env, connection: ConnectionRow): Promise<TestResult> {
  if (connection.status === "needs_reauth") {
    return failed(
      "needs_reauth",
      "Salesforce refused the refresh token; authorize the connection again.",
    );
  }
  if (connection.status !== "authorized")
    return failed("not_authorized", "The connection is not authorized yet.");
  const stub = connectionStub(env, connection.id);
  const request = {
    id: "limits",
    method: "GET" as const,
    path: LIMITS_PATH,
    headers: { Accept: "application/json" },
  };
  const call = (token: AccessToken) =>
    createFetchSender({ instanceUrl: token.instanceUrl, timeoutMs: TEST_TIMEOUT_MS })(
      request,
      token.accessToken,
    );

  let token = await stub.getAccessToken({ connectionId: connection.id, force: false });
  if (!token.ok) return failed(token.code, token.message);
  let answer = await call(token);
  if (answer.status === 401) {
    token = await stub.getAccessToken({
      connectionId: connection.id,
      force: true,
      requestedAt: Date.now(),
    });
    if (!token.ok) return failed(token.code, token.message);
    answer = await call(token);
  }
  if (answer.status === 0) return failed("salesforce_unreachable", "Could not reach Salesforce.");
  if (answer.status !== 200) {
    const error = salesforceApiErrorFrom(answer.status, answer.body);
    return failed(
      "salesforce_api_error",
      `Salesforce answered ${error.status} ${error.errorCode}.`,
    );
  }
  try {
    const info = await oauthClientFor(env).fetchUserInfo(
      new URL(token.instanceUrl),
      token.accessToken,
    );
    return {
      ok: true,
      identity: {
        userId: info.userId,
        orgId: info.organizationId,
        username: info.preferredUsername,
        displayName: info.name,
        email: info.email,
      },
      apiUsage: answer.headers.limitInfo?.apiUsage ?? null,
    };
  } catch (error) {
    return failed(
      "identity_failed",
      `Reading the Salesforce identity failed (${error instanceof Error ? error.name : "error"}).`,
    );
  }
}
