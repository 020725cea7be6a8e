import type { SalesforceRequest } from "../../salesforce/requests.ts";
import type { SalesforceResponse } from "../../salesforce/transport.ts";
import { makeDescribe } from "../test-support/fake-salesforce.ts";
import { apply } from "./apply.ts";
import { createReadState } from "./lifecycle.ts";
import { next } from "./next.ts";
import type { ReadOptions, ReadState } from "./types.ts";

/** A hand-made answer with an api-usage header. */
export function answer(
  id: string,
  status: number,
  body: unknown,
  used = 10,
  max = 15_000,
): SalesforceResponse {
  return {
    id,
    status,
    headers: {
      limitInfo: { apiUsage: { used, max }, perAppApiUsage: null, apiBursts: null },
      lastModified: null,
    },
    body,
  };
}

export function listAnswer(id: string, names: readonly string[]): SalesforceResponse {
  return answer(id, 200, {
    encoding: "UTF-8",
    maxBatchSize: 200,
    sobjects: names.map((name) => ({ name })),
  });
}

/** The names a composite/batch/single describe request asks for. */
export function namesOf(request: SalesforceRequest): string[] {
  const body = request.body as
    { compositeRequest?: { url: string }[]; batchRequests?: { url: string }[] } | undefined;
  const urls = body?.compositeRequest?.map((sub) => sub.url) ??
    body?.batchRequests?.map((sub) => sub.url) ?? [request.path];
  return urls.map((url) => /sobjects\/([A-Za-z0-9_]+)\/describe/.exec(url)?.[1] ?? "?");
}

/** A composite answer with one subanswer per requested object (`status(name)` picks each status). */
export function compositeAnswer(
  request: SalesforceRequest,
  status: (name: string) => number = () => 200,
): SalesforceResponse {
  const compositeResponse = namesOf(request).map((name, index) => {
    const code = status(name);
    const body =
      code === 200
        ? makeDescribe(name)
        : code === 304
          ? null
          : [
              {
                errorCode:
                  code === 404
                    ? "NOT_FOUND"
                    : code === 503
                      ? "SERVER_UNAVAILABLE"
                      : "UNKNOWN_EXCEPTION",
                message: `failure ${code}`,
              },
            ];
    return { body, httpHeaders: {}, httpStatusCode: code, referenceId: `d${index}` };
  });
  return answer(request.id, 200, { compositeResponse });
}

/** JSON round trip: what persisting and loading the state does. */
export function persisted<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The clock the engine tests run at. */
export const NOW = Date.parse("2026-03-01T10:00:00Z");
/** Retry jitter fixed at the middle. */
export const half = () => 0.5;

/** The requests `next` sends now; throws when it would not send. */
export function send(
  state: ReadState,
  maxInFlight = 25,
  now = NOW,
): { state: ReadState; requests: SalesforceRequest[] } {
  const step = next(state, { now, maxInFlight });
  if (step.kind !== "send") throw new Error(`expected requests, got ${step.kind}`);
  return step;
}

/** A run whose listing answered with `names` (apply's result). */
export function listedState(
  names: readonly string[],
  options: ReadOptions = {},
  previous: string[] = [],
  readAt: string | null = null,
) {
  const first = send(
    createReadState({ options, previous: { readAt, objects: previous }, now: NOW }),
  );
  return apply(first.state, [listAnswer(first.requests[0]?.id ?? "", names)], { now: NOW + 100 });
}
