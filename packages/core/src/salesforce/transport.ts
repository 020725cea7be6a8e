import { type LimitInfo, parseLimitInfo } from "./limit-info.ts";
import type { SalesforceRequest } from "./requests.ts";

/** A REST answer as plain data: what the Read Design engine folds into its state. */
export interface SalesforceResponse {
  id: string;
  /** HTTP status; `0` when no HTTP answer arrived (network error, timeout). */
  status: number;
  headers: { limitInfo: LimitInfo | null; lastModified: string | null };
  /** Parsed JSON; the raw text when it is not JSON; `null` when empty. */
  body: unknown;
  /** Milliseconds from sending to the response headers, when the sender measured it. */
  elapsedMs?: number;
}

/** Where and as whom requests go. */
export interface Destination {
  instanceUrl: string;
  accessToken: string;
}

/** Optional callbacks of a send. */
export interface SendHooks {
  /**
   * Called when the response headers arrive, before the body is read: Salesforce has finished the
   * request, so its concurrency slot is free while the body is still being parsed here.
   */
  onHeaders?: () => void;
}

/** Sends one request with the given access token and never throws for HTTP or network failures. */
export type SalesforceSender = (
  request: SalesforceRequest,
  accessToken: string,
  hooks?: SendHooks,
) => Promise<SalesforceResponse>;

function checkedBase(instanceUrl: string): URL {
  let base: URL;
  try {
    base = new URL(instanceUrl);
  } catch {
    throw new TypeError("instanceUrl must be an absolute http(s) URL");
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new TypeError("instanceUrl must be an absolute http(s) URL");
  }
  return base;
}

/**
 * Turns request data into a `Request` against `instanceUrl`, adding `Authorization: Bearer`.
 *
 * @example
 * await fetch(toFetchRequest(buildDescribeRequest("r1", "Account"), { instanceUrl, accessToken }));
 */
export function toFetchRequest(request: SalesforceRequest, destination: Destination): Request {
  if (!request.path.startsWith("/")) throw new TypeError("Request path must start with /");
  const url = new URL(request.path, checkedBase(destination.instanceUrl));
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${destination.accessToken}`);
  return new Request(url, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

function parseBody(text: string): unknown {
  if (text.length === 0) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Reads a `Response` into plain data: status, `Sforce-Limit-Info`, `Last-Modified` and the body
 * (JSON parsed; gzip already undone by fetch).
 *
 * @example
 * const answer = await readResponse("r1", await fetch(request));
 */
export async function readResponse(id: string, response: Response): Promise<SalesforceResponse> {
  const headers = {
    limitInfo: parseLimitInfo(response.headers.get("Sforce-Limit-Info")),
    lastModified: response.headers.get("Last-Modified"),
  };
  if (response.status === 304 || response.status === 204) {
    await response.body?.cancel();
    return { id, status: response.status, headers, body: null };
  }
  return { id, status: response.status, headers, body: parseBody(await response.text()) };
}

/**
 * The answer recorded when no HTTP answer arrived: status `0` and a Salesforce-style error array
 * (`TIMEOUT` or `FETCH_FAILED`), so the engine treats it like any retryable failure. The message
 * never includes request headers.
 */
export function transportFailure(id: string, error: unknown): SalesforceResponse {
  const timedOut =
    error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  const detail = error instanceof Error ? error.name : "unknown error";
  return {
    id,
    status: 0,
    headers: { limitInfo: null, lastModified: null },
    body: [
      timedOut
        ? { errorCode: "TIMEOUT", message: "Salesforce did not answer in time" }
        : { errorCode: "FETCH_FAILED", message: `Could not reach Salesforce (${detail})` },
    ],
  };
}

/** Options of {@link createFetchSender}. */
export interface FetchSenderOptions {
  instanceUrl: string;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Per-request timeout; default 120 s (a describe of a huge object can take long). */
  timeoutMs?: number;
  /**
   * Ask for gzip (default true, as Salesforce recommends over the internet). `false` asks for
   * `identity`: cheaper on a loopback or same-host emulator, where compressing costs CPU only.
   */
  compression?: boolean;
}

/**
 * A sender over `fetch`: builds the `Request`, applies a timeout, reads the answer, and turns
 * network failures into {@link transportFailure} values.
 *
 * @example
 * const send = createFetchSender({ instanceUrl: "https://acme.my.salesforce.com" });
 * const answer = await send(buildDescribeGlobalRequest("r1"), accessToken);
 */
export function createFetchSender(options: FetchSenderOptions): SalesforceSender {
  checkedBase(options.instanceUrl);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 120_000;
  if (!(timeoutMs > 0)) throw new RangeError("timeoutMs must be positive");
  const encoding: Record<string, string> =
    options.compression === false ? { "Accept-Encoding": "identity" } : {};
  return async function send(request, accessToken, hooks) {
    const prepared = toFetchRequest(
      { ...request, headers: { ...request.headers, ...encoding } },
      { instanceUrl: options.instanceUrl, accessToken },
    );
    const started = Date.now();
    try {
      const response = await fetchImpl(prepared, { signal: AbortSignal.timeout(timeoutMs) });
      const elapsedMs = Date.now() - started;
      hooks?.onHeaders?.();
      return { ...(await readResponse(request.id, response)), elapsedMs };
    } catch (error) {
      return transportFailure(request.id, error);
    }
  };
}
