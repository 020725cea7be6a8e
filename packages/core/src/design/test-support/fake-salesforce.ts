/**
 * An in-memory Salesforce for the engine's unit tests: describeGlobal, describe, /composite and
 * /composite/batch over plain request data, with If-Modified-Since, API-usage counting, the daily
 * limit, 401s for unknown tokens and injectable faults. Web APIs only; not part of the public API.
 */
import { API_VERSION } from "../../salesforce/api-version.ts";
import type { SalesforceRequest } from "../../salesforce/requests.ts";
import type { SalesforceResponse } from "../../salesforce/transport.ts";

type Answer = { status: number; body: unknown };
type Describe = { name: string; fields: unknown[]; [key: string]: unknown };

/** A fault to inject: return an answer to replace the real one, or null to serve normally. */
export type Fault = (target: {
  path: string;
  name: string | null;
  attempt: number;
}) => Answer | null;

const DATA = `/services/data/v${API_VERSION}`;
const errors = (errorCode: string, message: string) => [{ errorCode, message }];

/** A describe with `count` simple fields, enough for the engine to normalize. */
export function makeDescribe(
  name: string,
  count = 3,
  extra: Record<string, unknown> = {},
): Describe {
  const fields = Array.from({ length: count }, (_, i) => ({
    name: i === 0 ? "Id" : `F${i}__c`,
    type: i === 0 ? "id" : "string",
    label: `F${i}`,
    length: 80,
  }));
  return { name, label: name, custom: name.endsWith("__c"), queryable: true, fields, ...extra };
}

export class FakeSalesforce {
  readonly objects = new Map<string, { describe: Describe; modifiedAt: number }>();
  readonly tokens = new Set<string>(["token-1"]);
  readonly log: SalesforceRequest[] = [];
  apiUsage = 0;
  apiLimit = 15_000;
  fault: Fault | null = null;
  private attempts = new Map<string, number>();
  private listModifiedAt = 0;

  constructor(names: readonly string[], at = 1_000_000) {
    for (const name of names)
      this.objects.set(name, { describe: makeDescribe(name), modifiedAt: at });
    this.listModifiedAt = at;
  }

  /** Changes (or adds) an object at `at` (epoch ms). */
  put(describe: Describe, at: number): void {
    this.objects.set(describe.name, { describe, modifiedAt: at });
    this.listModifiedAt = Math.max(this.listModifiedAt, at);
  }

  remove(name: string, at: number): void {
    this.objects.delete(name);
    this.listModifiedAt = Math.max(this.listModifiedAt, at);
  }

  private attempt(key: string): number {
    const count = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, count);
    return count;
  }

  private notModified(header: string | undefined, modifiedAt: number): boolean {
    if (!header) return false;
    const since = Date.parse(header);
    return Number.isFinite(since) && modifiedAt < since;
  }

  private describe(name: string, ifModifiedSince: string | undefined, path: string): Answer {
    const fault = this.fault?.({ path, name, attempt: this.attempt(`describe:${name}`) });
    if (fault) return fault;
    const object = this.objects.get(name);
    if (!object)
      return { status: 404, body: errors("NOT_FOUND", "The requested resource does not exist") };
    if (this.notModified(ifModifiedSince, object.modifiedAt)) return { status: 304, body: null };
    return { status: 200, body: structuredClone(object.describe) };
  }

  private serve(request: SalesforceRequest): { answer: Answer; cost: number } {
    const path = request.path;
    if (request.method === "GET" && path === `${DATA}/sobjects/`) {
      if (this.notModified(request.headers["If-Modified-Since"], this.listModifiedAt))
        return { answer: { status: 304, body: null }, cost: 1 };
      const sobjects = [...this.objects.keys()].sort().map((name) => ({ name, queryable: true }));
      return {
        answer: { status: 200, body: { encoding: "UTF-8", maxBatchSize: 200, sobjects } },
        cost: 1,
      };
    }
    const single = new RegExp(`^${DATA}/sobjects/([A-Za-z0-9_]+)/describe$`).exec(path);
    if (request.method === "GET" && single?.[1]) {
      return {
        answer: this.describe(single[1], request.headers["If-Modified-Since"], path),
        cost: 1,
      };
    }
    const body = request.body as {
      compositeRequest?: {
        url: string;
        referenceId: string;
        httpHeaders?: Record<string, string>;
      }[];
      batchRequests?: { url: string }[];
    };
    if (path === `${DATA}/composite` && body.compositeRequest) {
      const compositeResponse = body.compositeRequest.map((sub) => {
        const name = /sobjects\/([A-Za-z0-9_]+)\/describe$/.exec(sub.url)?.[1] ?? "";
        const answer = this.describe(name, sub.httpHeaders?.["If-Modified-Since"], sub.url);
        return {
          body: answer.body,
          httpHeaders: {},
          httpStatusCode: answer.status,
          referenceId: sub.referenceId,
        };
      });
      return { answer: { status: 200, body: { compositeResponse } }, cost: 1 };
    }
    if (path === `${DATA}/composite/batch` && body.batchRequests) {
      const results = body.batchRequests.map((sub) => {
        const name = /sobjects\/([A-Za-z0-9_]+)\/describe$/.exec(sub.url)?.[1] ?? "";
        const answer = this.describe(name, undefined, sub.url);
        return { statusCode: answer.status, result: answer.body };
      });
      return {
        answer: {
          status: 200,
          body: { hasErrors: results.some((r) => r.statusCode >= 400), results },
        },
        cost: results.length,
      };
    }
    return {
      answer: { status: 404, body: errors("NOT_FOUND", "The requested resource does not exist") },
      cost: 1,
    };
  }

  /** Serves one request as Salesforce would; the engine's `send`. */
  send = async (request: SalesforceRequest, accessToken: string): Promise<SalesforceResponse> => {
    this.log.push(request);
    await Promise.resolve(); // Answer asynchronously, as a network would.
    const limitInfo = () => ({
      apiUsage: { used: this.apiUsage, max: this.apiLimit },
      perAppApiUsage: null,
      apiBursts: null,
    });
    const reply = (status: number, body: unknown): SalesforceResponse => ({
      id: request.id,
      status,
      headers: { limitInfo: limitInfo(), lastModified: null },
      body,
    });
    if (!this.tokens.has(accessToken))
      return reply(401, errors("INVALID_SESSION_ID", "Session expired or invalid"));
    const whole = this.fault?.({
      path: request.path,
      name: null,
      attempt: this.attempt(`request:${request.path}`),
    });
    const { answer, cost } = whole ? { answer: whole, cost: 1 } : this.serve(request);
    if (this.apiUsage + cost > this.apiLimit)
      return reply(403, errors("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
    this.apiUsage += cost;
    return reply(answer.status, answer.body);
  };

  /** The same over `fetch`, for `readDesign`. */
  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      if (key === "if-modified-since") headers["If-Modified-Since"] = value;
    });
    const token = (request.headers.get("Authorization") ?? "").replace(/^Bearer /, "");
    const answer = await this.send(
      {
        id: "fetch",
        method: request.method === "POST" ? "POST" : "GET",
        path: url.pathname,
        headers,
        ...(text ? { body: JSON.parse(text) as unknown } : {}),
      },
      token,
    );
    const usage = answer.headers.limitInfo?.apiUsage;
    return new Response(
      answer.status === 304 || answer.body === null ? null : JSON.stringify(answer.body),
      {
        status: answer.status,
        headers: usage ? { "Sforce-Limit-Info": `api-usage=${usage.used}/${usage.max}` } : {},
      },
    );
  };
}

/** `n` object names: a few standard ones, then custom ones. */
export function objectNames(n: number): string[] {
  const standard = ["Account", "Case", "Contact", "Lead", "Opportunity", "Task", "User"];
  return Array.from(
    { length: n },
    (_, i) => standard[i] ?? `Custom${String(i).padStart(4, "0")}__c`,
  );
}
