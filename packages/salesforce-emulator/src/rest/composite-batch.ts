import { bodyBuffer, JSON_TYPE, type Reply } from "../http/reply.ts";
import type { EmulatorState } from "../state.ts";
import { MAX_SUBREQUESTS, compositeInputError } from "./composite.ts";
import { parseDataUrl } from "./data-url.ts";
import { notFound, restError } from "./errors.ts";
import type { ResourceResult } from "./resources.ts";
import { resolveResource } from "./resources.ts";

const HALTED = Buffer.from(
  JSON.stringify([
    { errorCode: "BATCH_PROCESSING_HALTED", message: "Batch processing halted per request" },
  ]),
);

/** The API cost of a batch body: one per subrequest (at least one for a malformed body). */
export function batchCost(body: unknown): number {
  const list = (body as { batchRequests?: unknown } | null)?.batchRequests;
  return Array.isArray(list) && list.length > 0 ? list.length : 1;
}

/**
 * `POST vNN.N/composite/batch`: `{hasErrors, results: [{statusCode, result}]}`; subrequests run one
 * after another; `haltOnError` answers 412 BATCH_PROCESSING_HALTED for the rest after a failure.
 */
export function compositeBatch(state: EmulatorState, body: unknown): ResourceResult {
  const list = (body as { batchRequests?: unknown } | null)?.batchRequests;
  if (!Array.isArray(list) || list.length === 0) {
    return { reply: compositeInputError("batchRequests must be a non-empty array"), describes: 0 };
  }
  if (list.length > MAX_SUBREQUESTS) {
    const reply: Reply = restError(
      400,
      "LIMIT_EXCEEDED",
      `Limit Exceeded: a batch can have at most ${MAX_SUBREQUESTS} subrequests`,
    );
    return { reply, describes: 0 };
  }
  const haltOnError = (body as { haltOnError?: unknown }).haltOnError === true;
  let halted = false;
  let hasErrors = false;
  let describes = 0;
  const pieces: Buffer[] = [];
  for (const item of list as unknown[]) {
    const { method, url, httpHeaders } = (item ?? {}) as Record<string, unknown>;
    let status: number;
    let payload: Buffer;
    if (halted) {
      status = 412;
      payload = HALTED;
    } else {
      const target = typeof url === "string" ? parseDataUrl(url, true) : undefined;
      const result: ResourceResult =
        typeof method !== "string" || !target?.version || /^composite(\/|$)/.test(target.subPath)
          ? { reply: notFound(), describes: 0 }
          : resolveResource(state, {
              method: method.toUpperCase(),
              version: target.version,
              subPath: target.subPath,
              ifModifiedSince: readIfModifiedSince(httpHeaders),
            });
      describes += result.describes;
      status = result.reply.status;
      const bytes = result.reply.body ? bodyBuffer(result.reply.body) : null;
      payload = bytes && bytes.length > 0 ? bytes : Buffer.from("null");
    }
    if (status >= 400) {
      hasErrors = true;
      if (haltOnError) halted = true;
    }
    if (pieces.length > 0) pieces.push(Buffer.from(","));
    pieces.push(Buffer.from(`{"statusCode":${status},"result":`), payload, Buffer.from("}"));
  }
  const joined = [
    Buffer.from(`{"hasErrors":${hasErrors},"results":[`),
    ...pieces,
    Buffer.from("]}"),
  ];
  return {
    reply: {
      status: 200,
      headers: { "content-type": JSON_TYPE },
      body: joined,
      compressible: true,
    },
    describes,
  };
}

function readIfModifiedSince(headers: unknown): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === "if-modified-since");
  return typeof entry?.[1] === "string" ? entry[1] : undefined;
}
