import type { Reply } from "../http/reply.ts";
import { JSON_TYPE } from "../http/reply.ts";

/** One Salesforce REST error: `{message, errorCode}` (plus `fields` for field errors). */
export interface RestErrorItem {
  message: string;
  errorCode: string;
}

/** A REST error reply with Salesforce's array body. */
export function restError(status: number, errorCode: string, message: string): Reply {
  const body: RestErrorItem[] = [{ message, errorCode }];
  return {
    status,
    headers: { "content-type": JSON_TYPE },
    body: Buffer.from(JSON.stringify(body)),
    compressible: true,
  };
}

/** 404: unknown object, resource or version. */
export const notFound = () => restError(404, "NOT_FOUND", "The requested resource does not exist");
/** 401: missing, revoked or expired access token. */
export const invalidSession = () =>
  restError(401, "INVALID_SESSION_ID", "Session expired or invalid");
/** 403: the request would cross the daily API limit. */
export const limitExceeded = () =>
  restError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
/** 405: metadata resources are read-only. */
export const methodNotAllowed = (method: string, allowed: string) =>
  restError(
    405,
    "METHOD_NOT_ALLOWED",
    `HTTP Method '${method}' not allowed. Allowed are ${allowed}`,
  );
