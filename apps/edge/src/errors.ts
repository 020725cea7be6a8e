import {
  LoginHostError,
  OAuthRequestError,
  SalesforceApiError,
  SealingError,
  UnexpectedResponseError,
  UpstreamFetchError,
} from "@portal/core/errors";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import type { AppEnv } from "./types.ts";

/** The contract's error body: `{"error": {"code", "message"}}`. */
export type ErrorBody = { error: { code: string; message: string } };

/**
 * Builds the contract's error body.
 * @example
 * c.json(errorBody("not_found", "No such connection."), 404)
 */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * An expected failure with its HTTP status and snake_case code; `app.onError` renders it.
 * @example
 * throw new ApiError(409, "needs_reauth", "Salesforce refused the refresh token; authorize again.");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Shorthand for the 404 the contract uses for unknown and foreign resources alike. */
export function notFound(what: string): ApiError {
  return new ApiError(404, "not_found", `No such ${what}.`);
}

/**
 * One readable sentence from zod issues; names the fields, never echoes the values.
 * @example
 * formatZodError(error) // "Invalid request: password: Too small: expected string to have >=8 characters"
 */
export function formatZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  return `Invalid request: ${parts.join("; ")}`;
}

/**
 * The hook `@hono/zod-openapi` runs after validating params, query and body.
 * @example
 * new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context<AppEnv>,
) {
  if (!result.success)
    return c.json(errorBody("invalid_request", formatZodError(result.error)), 400);
  return undefined;
}

const HTTP_EXCEPTION_CODES: Partial<Record<number, string>> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

type Mapped = { status: ContentfulStatusCode; code: string; message: string };

// Structural checks as well as instanceof: a pre-bundled dependency (tests) may carry its own copy
// of the class.
function isHttpException(err: unknown): err is HTTPException {
  return (
    err instanceof HTTPException ||
    (err instanceof Error &&
      "getResponse" in err &&
      typeof (err as { status?: unknown }).status === "number")
  );
}

function isZodError(err: unknown): err is ZodError {
  return (
    err instanceof ZodError || (err instanceof Error && err.name === "ZodError" && "issues" in err)
  );
}

function mapError(err: unknown): Mapped | null {
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  if (isZodError(err)) {
    return { status: 400, code: "invalid_request", message: formatZodError(err) };
  }
  if (isHttpException(err)) {
    const code = HTTP_EXCEPTION_CODES[err.status] ?? "http_error";
    const message = err.status === 415 ? "The request body must be JSON." : err.message;
    return { status: err.status as ContentfulStatusCode, code, message: message || code };
  }
  if (err instanceof LoginHostError)
    return { status: 400, code: "invalid_login_url", message: err.message };
  if (err instanceof OAuthRequestError) {
    return {
      status: 502,
      code: "salesforce_oauth_error",
      message: `Salesforce refused the request (${err.code}).`,
    };
  }
  if (err instanceof SalesforceApiError) {
    return {
      status: 502,
      code: "salesforce_api_error",
      message: `Salesforce answered ${err.status} ${err.errorCode}.`,
    };
  }
  if (err instanceof UpstreamFetchError) {
    return { status: 502, code: "salesforce_unreachable", message: "Could not reach Salesforce." };
  }
  if (err instanceof UnexpectedResponseError) {
    return {
      status: 502,
      code: "salesforce_unexpected_response",
      message: "Salesforce answered in an unexpected way.",
    };
  }
  return null;
}

/**
 * The single error handler: core's typed errors, zod errors, HTTPException and unknown errors
 * become the contract's error body. Only the error's name is logged, never its message (which may
 * quote upstream bodies) and never secrets.
 */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  const mapped = mapError(err);
  if (mapped) {
    if (mapped.status >= 500)
      console.error("request failed", err instanceof Error ? err.name : typeof err);
    const headers = err instanceof ApiError ? err.headers : {};
    return c.json(errorBody(mapped.code, mapped.message), mapped.status, headers);
  }
  const name =
    err instanceof SealingError
      ? `SealingError(${err.reason})`
      : err instanceof Error
        ? err.name
        : typeof err;
  console.error("unhandled error", name);
  return c.json(errorBody("internal_error", "Something went wrong on our side."), 500);
};
