import { SalesforceApiError } from "../errors.ts";

/** One entry of a Salesforce REST error array (`[{errorCode, message, fields}]`). */
export interface SalesforceErrorItem {
  errorCode: string;
  message: string;
  fields: string[] | null;
}

function readItem(value: unknown): SalesforceErrorItem | null {
  if (typeof value !== "object" || value === null) return null;
  const errorCode =
    "errorCode" in value && typeof value.errorCode === "string" ? value.errorCode : null;
  // OAuth-style bodies ({error, error_description}) show up on some REST paths too.
  const oauthCode = "error" in value && typeof value.error === "string" ? value.error : null;
  const code = errorCode ?? oauthCode;
  if (code === null) return null;
  const message =
    "message" in value && typeof value.message === "string"
      ? value.message
      : "error_description" in value && typeof value.error_description === "string"
        ? value.error_description
        : "";
  const fields =
    "fields" in value && Array.isArray(value.fields)
      ? value.fields.filter((field): field is string => typeof field === "string")
      : null;
  return { errorCode: code, message, fields };
}

/**
 * Reads a Salesforce error body: the REST array `[{errorCode, message}]`, a single such object,
 * or an OAuth-style `{error, error_description}`. Anything else gives `[]`.
 *
 * @example
 * parseSalesforceErrors([{ errorCode: "NOT_FOUND", message: "..." }])[0]?.errorCode // "NOT_FOUND"
 */
export function parseSalesforceErrors(body: unknown): SalesforceErrorItem[] {
  const items = Array.isArray(body) ? body : [body];
  return items.map(readItem).filter((item): item is SalesforceErrorItem => item !== null);
}

/**
 * Turns an error answer into a `SalesforceApiError` (first error of the array); a body we cannot
 * read becomes `UNKNOWN_ERROR` with the HTTP status.
 *
 * @example
 * throw salesforceApiErrorFrom(401, [{ errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" }]);
 */
export function salesforceApiErrorFrom(status: number, body: unknown): SalesforceApiError {
  const first = parseSalesforceErrors(body)[0];
  return new SalesforceApiError(
    status,
    first?.errorCode ?? "UNKNOWN_ERROR",
    first?.message ?? `HTTP ${status} without a readable error body`,
  );
}
