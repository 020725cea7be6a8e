import type { Reply } from "../http/reply.ts";
import { JSON_TYPE } from "../http/reply.ts";
import type { OrgDocument } from "../org/org-store.ts";
import { VERSION_MARK } from "../org/types.ts";
import type { EmulatorState } from "../state.ts";
import { methodNotAllowed, notFound, restError } from "./errors.ts";
import { limitsBody } from "./limits.ts";

/** A metadata resource's answer plus how many describes it served (for `perDescribeMs`). */
export interface ResourceResult {
  reply: Reply;
  describes: number;
}

/** A resource request: top level or a composite/batch subrequest. */
export interface ResourceRequest {
  method: string;
  version: string;
  /** Path below `/services/data/vNN.N`, without query and trailing slash ("sobjects/Account/describe"). */
  subPath: string;
  ifModifiedSince: string | undefined;
}

const json = (value: unknown): Reply => ({
  status: 200,
  headers: { "content-type": JSON_TYPE },
  body: Buffer.from(JSON.stringify(value)),
  compressible: true,
});

/**
 * The If-Modified-Since instant in ms, or `undefined` when absent, unparseable or in the future
 * (then a normal 200 is answered, as HTTP says).
 */
export function conditionalSince(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const since = Date.parse(header);
  return Number.isNaN(since) || since > now ? undefined : since;
}

function document(doc: OrgDocument, request: ResourceRequest, now: number): Reply {
  const since = conditionalSince(request.ifModifiedSince, now);
  // Millisecond precision: a change within the second of the date counts as modified.
  if (since !== undefined && doc.modifiedAt <= since)
    return { status: 304, headers: {}, body: null };
  return {
    status: 200,
    headers: { "content-type": JSON_TYPE },
    body: doc.body,
    gzip: doc.gzip,
    compressible: true,
  };
}

/** Answers a metadata resource (`sobjects`, `sobjects/X`, `sobjects/X/describe`, `limits`, ``). */
export function resolveResource(state: EmulatorState, request: ResourceRequest): ResourceResult {
  const parts = request.subPath === "" ? [] : request.subPath.split("/");
  const read = request.method === "GET" || request.method === "HEAD";
  const none = (reply: Reply): ResourceResult => ({ reply, describes: 0 });
  const now = state.now();
  const base = `/services/data/v${request.version}`;

  if (parts.length === 0) {
    if (!read) return none(methodNotAllowed(request.method, "GET,HEAD"));
    return none(
      json({
        sobjects: `${base}/sobjects`,
        limits: `${base}/limits`,
        composite: `${base}/composite`,
      }),
    );
  }
  const [first, name, leaf, ...rest] = parts;
  if (first === "limits" && parts.length === 1) {
    if (!read) return none(methodNotAllowed(request.method, "GET,HEAD"));
    return none(json(limitsBody(state.usage.used, state.config.apiLimit)));
  }
  if (first !== "sobjects" || rest.length > 0) return none(notFound());
  if (name === undefined) {
    if (!read) return none(methodNotAllowed(request.method, "GET,HEAD"));
    return none(document(state.org.describeGlobal(request.version), request, now));
  }
  const decoded = decodeURIComponent(name);
  if (leaf === undefined) {
    const entry = state.org.globalEntry(decoded);
    if (!entry) return none(notFound());
    if (!read) return none(methodNotAllowed(request.method, "GET,HEAD"));
    const objectDescribe = JSON.parse(
      JSON.stringify(entry).replaceAll(VERSION_MARK, request.version),
    );
    return none(json({ objectDescribe, recentItems: [] }));
  }
  if (leaf !== "describe") return none(notFound());
  const doc = state.org.describe(decoded, request.version);
  if (!doc) return none(notFound());
  if (!read) return none(methodNotAllowed(request.method, "GET,HEAD"));
  if (state.config.failObjects.includes(decoded)) {
    // What a broken object looks like in a real org: the describe fails every time.
    const message =
      "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)";
    return { reply: restError(500, "UNKNOWN_EXCEPTION", message), describes: 1 };
  }
  return { reply: document(doc, request, now), describes: 1 };
}
