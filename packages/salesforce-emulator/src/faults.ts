import { createHash } from "node:crypto";

/**
 * Decides whether the `attempt`-th request (1-based) for `method path` fails, from a hash of
 * seed, method, path and attempt, so the outcome does not depend on the order of requests.
 * The hash is SHA-256 of `${seed}\n${method}\n${path}\n${attempt}`; its first 4 bytes as an
 * unsigned integer divided by 2^32 are compared with `failureRate`.
 */
export function shouldFail(
  failureRate: number,
  seed: number,
  method: string,
  path: string,
  attempt: number,
): boolean {
  if (failureRate <= 0) return false;
  if (failureRate >= 1) return true;
  const digest = createHash("sha256").update(`${seed}\n${method}\n${path}\n${attempt}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < failureRate;
}

/** Counts attempts per requested path (reset by `POST /__emulator/reset`). */
export class AttemptCounter {
  readonly #counts = new Map<string, number>();

  /** Records one more attempt at `path` and returns its number (1-based). */
  next(path: string): number {
    const n = (this.#counts.get(path) ?? 0) + 1;
    this.#counts.set(path, n);
    return n;
  }

  clear(): void {
    this.#counts.clear();
  }
}

/** The Salesforce-style error body of an injected failure. */
export function failureBody(status: number): { message: string; errorCode: string }[] {
  if (status === 500) {
    return [
      {
        message:
          "An unexpected error occurred. Please include this ErrorId if you contact support.",
        errorCode: "UNKNOWN_EXCEPTION",
      },
    ];
  }
  return [
    {
      message: "Server is temporarily unavailable to handle this request. Please try again later.",
      errorCode: "SERVER_UNAVAILABLE",
    },
  ];
}
