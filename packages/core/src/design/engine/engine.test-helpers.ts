import type { SalesforceRequest } from "../../salesforce/requests.ts";
import type { SalesforceResponse } from "../../salesforce/transport.ts";
import { makeDescribe } from "../test-support/fake-salesforce.ts";

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
