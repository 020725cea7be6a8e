import { bodyBuffer, JSON_TYPE, type Reply } from "../http/reply.ts";
import type { EmulatorState } from "../state.ts";
import { parseDataUrl } from "./data-url.ts";
import { notFound, restError } from "./errors.ts";
import type { ResourceResult } from "./resources.ts";
import { resolveResource } from "./resources.ts";

/** Salesforce's cap on subrequests in `/composite` and `/composite/batch`. */
export const MAX_SUBREQUESTS = 25;

const HALTED = Buffer.from(
  JSON.stringify([
    {
      message:
        "The transaction was rolled back since another operation in the same transaction failed.",
      errorCode: "PROCESSING_HALTED",
    },
  ]),
);

const NULL = Buffer.from("null");
const COMMA = Buffer.from(",");
const BODY_KEY = Buffer.from('{"body":');

/** A structural problem with a composite body (answered 400). */
export const compositeInputError = (message: string) =>
  restError(400, "JSON_PARSER_ERROR", message);

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  ifModifiedSince: string | undefined;
}

function readHeader(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name.toLowerCase() && typeof value === "string") return value;
  }
  return undefined;
}

function parseSubrequests(body: unknown): Subrequest[] | Reply {
  const list = (body as { compositeRequest?: unknown } | null)?.compositeRequest;
  if (!Array.isArray(list) || list.length === 0)
    return compositeInputError("compositeRequest must be a non-empty array");
  if (list.length > MAX_SUBREQUESTS) {
    return restError(
      400,
      "LIMIT_EXCEEDED",
      `Limit Exceeded: a composite request can have at most ${MAX_SUBREQUESTS} subrequests`,
    );
  }
  const seen = new Set<string>();
  const subrequests: Subrequest[] = [];
  for (const item of list as unknown[]) {
    const { method, url, referenceId, httpHeaders } = (item ?? {}) as Record<string, unknown>;
    if (typeof method !== "string" || typeof url !== "string" || typeof referenceId !== "string") {
      return compositeInputError("each subrequest needs method, url and referenceId strings");
    }
    if (seen.has(referenceId))
      return compositeInputError(`Duplicate ReferenceId provided in the request: ${referenceId}`);
    seen.add(referenceId);
    subrequests.push({
      method: method.toUpperCase(),
      url,
      referenceId,
      ifModifiedSince: readHeader(httpHeaders, "If-Modified-Since"),
    });
  }
  return subrequests;
}

function runSubrequest(state: EmulatorState, sub: Subrequest): ResourceResult {
  const target = parseDataUrl(sub.url);
  if (!target?.version || /^composite(\/|$)/.test(target.subPath))
    return { reply: notFound(), describes: 0 };
  return resolveResource(state, {
    method: sub.method,
    version: target.version,
    subPath: target.subPath,
    ifModifiedSince: sub.ifModifiedSince,
  });
}

/**
 * `POST vNN.N/composite`: subrequests served one after another; the whole request costs one API
 * call. With `allOrNone`, one failure turns every other answer into PROCESSING_HALTED.
 */
export function composite(state: EmulatorState, body: unknown): ResourceResult {
  const subrequests = parseSubrequests(body);
  if (!Array.isArray(subrequests)) return { reply: subrequests, describes: 0 };
  const allOrNone = (body as { allOrNone?: unknown }).allOrNone === true;
  const results = subrequests.map((sub) => ({ sub, result: runSubrequest(state, sub) }));
  const failed = results.findIndex(({ result }) => result.reply.status >= 400);
  const pieces: Buffer[] = [Buffer.from('{"compositeResponse":[')];
  results.forEach(({ sub, result }, i) => {
    const halted = allOrNone && failed >= 0 && i !== failed;
    const status = halted ? 400 : result.reply.status;
    const payload = halted ? HALTED : bodyBuffer(result.reply.body ?? NULL);
    if (i > 0) pieces.push(COMMA);
    pieces.push(BODY_KEY, payload.length > 0 ? payload : NULL);
    pieces.push(
      Buffer.from(
        `,"httpHeaders":{},"httpStatusCode":${status},"referenceId":${JSON.stringify(sub.referenceId)}}`,
      ),
    );
  });
  pieces.push(Buffer.from("]}"));
  return {
    reply: {
      status: 200,
      headers: { "content-type": JSON_TYPE },
      body: pieces,
      compressible: true,
    },
    describes: results.reduce((sum, { result }) => sum + result.describes, 0),
  };
}
