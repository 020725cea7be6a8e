/** An error answer from the edge (`{"error": {"code", "message"}}`) or a failed request. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The session is gone (or never existed): the person must sign in again. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/** Status 0 stands for "no HTTP answer at all". */
export const NETWORK_ERROR_STATUS = 0;

/**
 * Reads the contract's error body from a failed response; falls back to the HTTP status when the
 * body is not the contract's shape (a proxy's HTML page, an empty 502).
 *
 * @example throw await errorFromResponse(res);
 */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: keep the generic message below.
  }
  if (typeof body === "object" && body !== null && "error" in body) {
    const error: unknown = body.error;
    if (typeof error === "object" && error !== null) {
      const code = "code" in error && typeof error.code === "string" ? error.code : "error";
      const message =
        "message" in error && typeof error.message === "string"
          ? error.message
          : `The server answered ${res.status}.`;
      return new ApiError(res.status, code, message);
    }
  }
  return new ApiError(res.status, `http_${res.status}`, `The server answered ${res.status}.`);
}

/** Wraps a rejected fetch (offline, DNS, aborted) as an ApiError. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError(
    NETWORK_ERROR_STATUS,
    "network_error",
    "Could not reach the server. Check your connection and try again.",
  );
  error.cause = cause;
  return error;
}

/** A sentence for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.isUnauthorized ? "Your session has ended. Please sign in again." : error.message;
  }
  return error instanceof Error && error.message ? error.message : "Something went wrong.";
}
