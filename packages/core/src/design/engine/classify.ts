import { parseSalesforceErrors } from "../../salesforce/error-body.ts";

/** What to do with one answer (a whole request or one subrequest). */
export type Outcome =
  | { kind: "ok" }
  | { kind: "not-modified" }
  | { kind: "unauthorized" }
  | { kind: "limit-exceeded"; message: string }
  | { kind: "retry"; reason: string }
  | { kind: "fail"; reason: string };

// Transient by nature: overload, gateway trouble, rate limiting (Airbyte retries the same set).
const RETRY_STATUSES = new Set([0, 420, 429, 502, 503, 504]);
const RETRY_CODES = new Set([
  "UNABLE_TO_LOCK_ROW",
  "SERVER_UNAVAILABLE",
  "TIMEOUT",
  "FETCH_FAILED",
]);

/**
 * Classifies a Salesforce answer. `level` matters for 500: a whole request answering 500 is
 * retried, while a subrequest's 500 inside a composite fails only that object.
 *
 * @example
 * classifyAnswer(403, [{ errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." }], "request")
 * // { kind: "limit-exceeded", message: "TotalRequests Limit exceeded." }
 */
export function classifyAnswer(
  status: number,
  body: unknown,
  level: "request" | "subrequest",
): Outcome {
  if (status >= 200 && status < 300) return { kind: "ok" };
  if (status === 304) return { kind: "not-modified" };
  if (status === 401) return { kind: "unauthorized" };
  const first = parseSalesforceErrors(body)[0];
  const code = first?.errorCode ?? null;
  const message = first?.message ?? "";
  const reason = code ? `${code}: ${message}`.replace(/: $/, "") : `HTTP ${status}`;
  if (code === "REQUEST_LIMIT_EXCEEDED") {
    // The concurrent-request cap clears by itself; the daily limit does not.
    return /concurrent/i.test(message)
      ? { kind: "retry", reason }
      : { kind: "limit-exceeded", message };
  }
  if (RETRY_STATUSES.has(status) || (code !== null && RETRY_CODES.has(code)))
    return { kind: "retry", reason };
  if (status === 500 && level === "request") return { kind: "retry", reason };
  return { kind: "fail", reason };
}
