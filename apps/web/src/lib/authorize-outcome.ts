import type { Connection } from "./api/types.ts";

export type AuthorizeResult = "ok" | "denied" | "invalid_state" | "error";

export type AuthorizeOutcome = {
  result: AuthorizeResult;
  /** The connection the callback was about, when the edge knew it. */
  connectionId: string | null;
  orgChanged: boolean;
};

const RESULTS: readonly string[] = ["ok", "denied", "invalid_state", "error"];

/**
 * Reads the outcome the OAuth callback put in the portal URL
 * (`?connection=<id>&authorize=ok|denied|invalid_state|error[&orgChanged=1]`); `null` when absent.
 *
 * @example parseAuthorizeOutcome(new URLSearchParams("connection=c1&authorize=ok"))
 */
export function parseAuthorizeOutcome(params: URLSearchParams): AuthorizeOutcome | null {
  const raw = params.get("authorize");
  if (raw === null) return null;
  const result = (RESULTS.includes(raw) ? raw : "error") as AuthorizeResult;
  return {
    result,
    connectionId: params.get("connection") || null,
    orgChanged: params.get("orgChanged") === "1",
  };
}

export type OutcomeMessage = {
  tone: "success" | "warning" | "danger";
  title: string;
  description: string | null;
};

/**
 * What the page says about an authorization outcome.
 *
 * @example describeAuthorizeOutcome({ result: "ok", ... }, connection).title // "Authorized as admin@example.com"
 */
export function describeAuthorizeOutcome(
  outcome: AuthorizeOutcome,
  connection: Pick<Connection, "salesforce"> | null,
): OutcomeMessage {
  switch (outcome.result) {
    case "ok": {
      const who = connection?.salesforce?.username;
      const title = who ? `Authorized as ${who}` : "Authorized";
      if (outcome.orgChanged) {
        return {
          tone: "warning",
          title,
          description:
            "This connection now points to a different Salesforce org than before. Check that this is the org you meant, and run Read Design again.",
        };
      }
      return { tone: "success", title, description: null };
    }
    case "denied":
      return {
        tone: "danger",
        title: "Access was denied at Salesforce",
        description:
          "Salesforce reported that access was not allowed, so nothing changed. Press Authorize to try again and choose Allow.",
      };
    case "invalid_state":
      return {
        tone: "danger",
        title: "The authorization link expired or was already used",
        description: "Nothing changed. Please try again.",
      };
    case "error":
      return {
        tone: "danger",
        title: "Authorization did not complete",
        description: "Something went wrong while finishing the authorization. Please try again.",
      };
  }
}

/** The portal URL without the callback's outcome parameters, so a reload does not repeat it. */
export function withoutOutcomeParams(url: URL): URL {
  const clean = new URL(url);
  for (const key of ["authorize", "connection", "orgChanged"]) clean.searchParams.delete(key);
  return clean;
}
