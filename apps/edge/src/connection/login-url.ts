import { LoginHostError } from "@portal/core/errors";
import { parseLoginUrl } from "@portal/core/oauth";
import type { Environment } from "../db/schema.ts";
import { ApiError } from "../errors.ts";

const GENERIC_LOGIN_URLS = {
  production: "https://login.salesforce.com",
  sandbox: "https://test.salesforce.com",
} as const;

/**
 * The login URL a new connection uses: the generic production or sandbox host, or the given
 * My Domain (custom only), reduced to its origin and checked by core's host rules.
 * @throws {ApiError} 400 invalid_request for a missing, misplaced or refused login URL
 * @example
 * resolveLoginUrl("custom", "https://acme.my.salesforce.com/home", { allowLoopback: false })
 * // "https://acme.my.salesforce.com"
 */
export function resolveLoginUrl(
  environment: Environment,
  loginUrl: string | undefined,
  options: { allowLoopback: boolean },
): string {
  if (environment !== "custom") {
    if (loginUrl !== undefined) {
      throw new ApiError(
        400,
        "invalid_request",
        "Invalid request: loginUrl: only accepted with environment custom",
      );
    }
    return GENERIC_LOGIN_URLS[environment];
  }
  if (loginUrl === undefined) {
    throw new ApiError(
      400,
      "invalid_request",
      "Invalid request: loginUrl: required for environment custom",
    );
  }
  try {
    return parseLoginUrl(loginUrl, options).origin;
  } catch (error) {
    if (error instanceof LoginHostError) {
      throw new ApiError(400, "invalid_request", `Invalid request: loginUrl: ${error.message}`);
    }
    throw error;
  }
}
