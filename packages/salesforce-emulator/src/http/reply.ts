import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";

const gzipAsync = promisify(gzipCallback);

/** Body bytes: one buffer, or pieces written back to back (a composite answer is never copied). */
export type Body = Buffer | readonly Buffer[];

/** The body as one buffer (joins pieces; only compression and subrequest nesting need that). */
export function bodyBuffer(body: Body): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.concat(body);
}

/** An answer computed by a handler, before encoding and latency. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** `null` = no body (304, 302). */
  body: Body | null;
  /** A cached compressed copy of `body`, when the handler has one. */
  gzip?: () => Promise<Buffer>;
  /** Whether the body may be gzip-encoded for a client that asks (REST answers). */
  compressible?: boolean;
}

/** Salesforce's JSON content type. */
export const JSON_TYPE = "application/json;charset=UTF-8";

/** A JSON reply; `raw` is already-serialized JSON when a string or Buffer. */
export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  const body = Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value));
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body };
}

/** A plain-text reply (identity endpoints answer errors as bare words). */
export function textReply(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { "content-type": "text/plain;charset=UTF-8", ...headers },
    body: Buffer.from(text),
  };
}

/** An HTML page reply. */
export function htmlReply(
  status: number,
  html: string,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: {
      "content-type": "text/html;charset=UTF-8",
      "cache-control": "no-store",
      // Inline styles only; no scripts. No form-action: Chrome would block the redirect to the client.
      "content-security-policy":
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "x-frame-options": "DENY",
      ...headers,
    },
    body: Buffer.from(html),
  };
}

/** A redirect (302, as Salesforce answers the authorize endpoint). */
export function redirectReply(location: string, headers: Record<string, string> = {}): Reply {
  return {
    status: 302,
    headers: { location, "cache-control": "no-store", ...headers },
    body: null,
  };
}

/** True when the client lists gzip with a non-zero quality in Accept-Encoding. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  for (const part of value.split(",")) {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "x-gzip") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Encoded bytes ready to write, so compression happens inside the latency window. */
export interface EncodedReply {
  status: number;
  headers: Record<string, string>;
  body: Body | null;
}

/** Applies gzip when the reply allows it and the client asked for it. */
export async function encodeReply(reply: Reply, req: IncomingMessage): Promise<EncodedReply> {
  if (!reply.body || !reply.compressible) return reply;
  const headers = { ...reply.headers, vary: "Accept-Encoding" };
  if (!acceptsGzip(req.headers["accept-encoding"])) return { ...reply, headers };
  // Fresh bodies (composite answers, errors) use the fastest level: they are built per request.
  const body = reply.gzip
    ? await reply.gzip()
    : await gzipAsync(bodyBuffer(reply.body), { level: 1 });
  return { status: reply.status, headers: { ...headers, "content-encoding": "gzip" }, body };
}

/** Writes an encoded reply and ends the response. */
export function writeReply(res: ServerResponse, reply: EncodedReply): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  const body = reply.body;
  const pieces = body === null ? [] : Buffer.isBuffer(body) ? [body] : body;
  if (body !== null) headers["content-length"] = pieces.reduce((sum, p) => sum + p.length, 0);
  res.writeHead(reply.status, headers);
  // Corked: pieces leave in one writev, without being joined first.
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
}
