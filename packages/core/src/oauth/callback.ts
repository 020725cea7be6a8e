/** What the OAuth callback query string says. */
export type CallbackResult =
  | { kind: "code"; code: string; state: string }
  | {
      kind: "error";
      /** The OAuth error code; both documented spellings of a denial become `access_denied`. */
      error: string;
      /** True when the user pressed Deny. */
      denied: boolean;
      description: string | null;
      state: string | null;
    }
  | { kind: "invalid"; reason: CallbackInvalidReason };

/** Why a callback query string cannot be used. */
export type CallbackInvalidReason =
  "missing_code" | "missing_state" | "duplicate_parameter" | "malformed_parameter";

const MAX_LENGTH = 2048;
// Our states are base64url; anything else never came from us and is not worth a lookup.
const STATE = /^[A-Za-z0-9_-]{1,512}$/;
const ERROR_CODE = /^[A-Za-z0-9_.-]{1,128}$/;

/**
 * Reads the callback query (`?code&state` or `?error&error_description&state`). Salesforce's
 * web-server docs spell a denial `access-denied`, the user-agent flow `access_denied`: both count.
 * @example
 * parseCallback(new URL(request.url).searchParams)
 * // { kind: "code", code: "aPrx…", state: "kJ3…" }
 */
export function parseCallback(params: URLSearchParams): CallbackResult {
  for (const name of ["code", "state", "error", "error_description"]) {
    if (params.getAll(name).length > 1) return { kind: "invalid", reason: "duplicate_parameter" };
    const value = params.get(name);
    if (value !== null && value.length > MAX_LENGTH)
      return { kind: "invalid", reason: "malformed_parameter" };
  }
  const rawState = params.get("state");
  const state = rawState === null || rawState === "" ? null : rawState;
  if (state !== null && !STATE.test(state))
    return { kind: "invalid", reason: "malformed_parameter" };
  const error = params.get("error");
  if (error !== null && error !== "") {
    if (!ERROR_CODE.test(error)) return { kind: "invalid", reason: "malformed_parameter" };
    const normalized = error === "access-denied" ? "access_denied" : error;
    return {
      kind: "error",
      error: normalized,
      denied: normalized === "access_denied",
      description: params.get("error_description") || null,
      state,
    };
  }
  const code = params.get("code");
  if (code === null || code === "") return { kind: "invalid", reason: "missing_code" };
  if (state === null) return { kind: "invalid", reason: "missing_state" };
  return { kind: "code", code, state };
}
