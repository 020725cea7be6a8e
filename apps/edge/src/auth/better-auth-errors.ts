import { ApiError } from "../errors.ts";

// better-auth's error codes mapped to the contract's; anything else keeps its status.
const KNOWN: Record<string, { status: 400 | 401 | 403 | 409; code: string; message: string }> = {
  USER_ALREADY_EXISTS: {
    status: 409,
    code: "email_taken",
    message: "An account with this email already exists.",
  },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: {
    status: 409,
    code: "email_taken",
    message: "An account with this email already exists.",
  },
  INVALID_EMAIL_OR_PASSWORD: {
    status: 401,
    code: "invalid_credentials",
    message: "Wrong email or password.",
  },
  INVALID_PASSWORD: {
    status: 401,
    code: "invalid_credentials",
    message: "Wrong email or password.",
  },
  INVALID_EMAIL: {
    status: 400,
    code: "invalid_request",
    message: "Invalid request: email is not valid.",
  },
  PASSWORD_TOO_SHORT: {
    status: 400,
    code: "invalid_request",
    message: "Invalid request: password is too short.",
  },
  PASSWORD_TOO_LONG: {
    status: 400,
    code: "invalid_request",
    message: "Invalid request: password is too long.",
  },
};

function snakeCase(code: string): string {
  return (
    code
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "auth_error"
  );
}

/**
 * Turns a failed better-auth response into the contract's error (its own body is
 * `{code, message}`; rate limiting answers 429 with `X-Retry-After`).
 * @example
 * if (!res.ok) throw await authFailure(res);
 */
export async function authFailure(res: Response): Promise<ApiError> {
  if (res.status === 429) {
    const retryAfter = res.headers.get("x-retry-after") ?? "60";
    return new ApiError(429, "rate_limited", "Too many attempts; try again later.", {
      "retry-after": retryAfter,
    });
  }
  let code: string | null = null;
  try {
    const body: unknown = await res.json();
    if (body && typeof body === "object" && "code" in body && typeof body.code === "string")
      code = body.code;
  } catch {
    // Not JSON: fall through to the status-based answer.
  }
  const known = code ? KNOWN[code] : undefined;
  if (known) return new ApiError(known.status, known.code, known.message);
  if (res.status === 401) return new ApiError(401, "unauthorized", "Not signed in.");
  if (res.status === 403) return new ApiError(403, "forbidden", "Not allowed.");
  if (res.status >= 400 && res.status < 500) {
    return new ApiError(
      400,
      code ? snakeCase(code) : "invalid_request",
      "The account request was refused.",
    );
  }
  return new ApiError(502, "auth_unavailable", "The account service failed; try again.");
}
