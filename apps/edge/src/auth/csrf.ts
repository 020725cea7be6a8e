import type { MiddlewareHandler } from "hono";
import { readConfig } from "../config.ts";
import { ApiError } from "../errors.ts";
import type { AppEnv } from "../types.ts";
import { AUTH_BASE_PATH } from "./better-auth.ts";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE_NAMES = new Set(["portal.session_token", "__Secure-portal.session_token"]);

/** Whether the request carries the portal's session cookie. */
export function hasSessionCookie(headers: Headers): boolean {
  const cookie = headers.get("cookie");
  if (!cookie) return false;
  return cookie
    .split(";")
    .some((part) => SESSION_COOKIE_NAMES.has(part.split("=")[0]?.trim() ?? ""));
}

/** Whether the request authenticates with `Authorization: Bearer ...` (machines; no cookie rules). */
export function hasBearerCredential(headers: Headers): boolean {
  return /^bearer\s/i.test(headers.get("authorization") ?? "");
}

/**
 * The contract's origin rule for browser requests: `Origin` is one of the portal's own origins, or,
 * without `Origin`, `Sec-Fetch-Site: same-origin`. Also for WebSocket upgrades that carry a cookie.
 * @example
 * if (!isFromPortal(request.headers, config.allowedOrigins)) throw new ApiError(403, "csrf", "...");
 */
export function isFromPortal(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const origin = headers.get("origin");
  if (origin) return allowedOrigins.includes(origin);
  return headers.get("sec-fetch-site") === "same-origin";
}

/**
 * Refuses cookie-authenticated writes (and every sign-up, sign-in and sign-out: login CSRF) that do
 * not come from the portal's own origins with `403 csrf`. API-key requests carry no cookie and pass.
 */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async function csrf(c, next) {
    const headers = c.req.raw.headers;
    if (WRITE_METHODS.has(c.req.method) && !hasBearerCredential(headers)) {
      const isAccountRoute = c.req.path.startsWith(`${AUTH_BASE_PATH}/`);
      if (
        (isAccountRoute || hasSessionCookie(headers)) &&
        !isFromPortal(headers, readConfig(c.env).allowedOrigins)
      ) {
        throw new ApiError(403, "csrf", "This request must come from the portal's own origin.");
      }
    }
    await next();
  };
}
