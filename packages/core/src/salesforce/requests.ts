import { API_VERSION } from "./api-version.ts";

/** Most subrequests Salesforce accepts in one `/composite` or `/composite/batch` call. */
export const MAX_SUBREQUESTS = 25;

/**
 * A REST request as plain data, relative to the org's `instance_url`. The sender adds the base URL
 * and `Authorization: Bearer`, so these can be persisted, logged and compared safely.
 */
export interface SalesforceRequest {
  id: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

const DATA_PATH = `/services/data/v${API_VERSION}`;
// Salesforce compresses when asked; fetch decompresses transparently.
const BASE_HEADERS = { Accept: "application/json", "Accept-Encoding": "gzip" } as const;
const JSON_BODY_HEADERS = { ...BASE_HEADERS, "Content-Type": "application/json" } as const;
const SOBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function checkName(name: string): string {
  if (!SOBJECT_NAME.test(name))
    throw new TypeError(`Not a valid sObject name: ${JSON.stringify(name)}`);
  return name;
}

function checkSubrequestCount(names: readonly string[]): void {
  if (names.length < 1 || names.length > MAX_SUBREQUESTS) {
    throw new RangeError(
      `A composite request takes 1 to ${MAX_SUBREQUESTS} objects, got ${names.length}`,
    );
  }
}

/**
 * Formats a time as an HTTP-date (`EEE, dd MMM yyyy HH:mm:ss GMT`) for `If-Modified-Since`.
 *
 * @example
 * toHttpDate("2026-01-02T03:04:05.678Z") // "Fri, 02 Jan 2026 03:04:05 GMT"
 */
export function toHttpDate(time: string | number | Date): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Not a valid time: ${String(time)}`);
  return date.toUTCString();
}

function conditional(ifModifiedSince: string | null | undefined): Record<string, string> {
  return ifModifiedSince ? { "If-Modified-Since": ifModifiedSince } : {};
}

/** The path of one object's describe (`/services/data/vNN.N/sobjects/{name}/describe`). */
export function describePath(name: string): string {
  return `${DATA_PATH}/sobjects/${checkName(name)}/describe`;
}

/**
 * `GET /sobjects/` (describeGlobal), optionally conditional: a `304` then means nothing changed.
 *
 * @example
 * buildDescribeGlobalRequest("r1", "Fri, 02 Jan 2026 03:04:05 GMT")
 */
export function buildDescribeGlobalRequest(
  id: string,
  ifModifiedSince?: string | null,
): SalesforceRequest {
  return {
    id,
    method: "GET",
    path: `${DATA_PATH}/sobjects/`,
    headers: { ...BASE_HEADERS, ...conditional(ifModifiedSince) },
  };
}

/**
 * `GET /sobjects/{name}/describe`, optionally conditional (`304` = unchanged since then).
 *
 * @example
 * buildDescribeRequest("r2", "Account")
 */
export function buildDescribeRequest(
  id: string,
  name: string,
  ifModifiedSince?: string | null,
): SalesforceRequest {
  return {
    id,
    method: "GET",
    path: describePath(name),
    headers: { ...BASE_HEADERS, ...conditional(ifModifiedSince) },
  };
}

/** One object of a composite describe; `ifModifiedSince` makes its subrequest conditional. */
export interface DescribeTarget {
  name: string;
  ifModifiedSince?: string | null;
}

/** The `referenceId` of the i-th subrequest of a composite describe. */
export function compositeReferenceId(index: number): string {
  return `d${index}`;
}

/**
 * `POST /composite` with one describe subrequest per object (at most 25; the whole request counts
 * as one API call). `allOrNone: false` keeps one object's failure from failing the others.
 *
 * @example
 * buildCompositeDescribeRequest("r3", [{ name: "Account" }, { name: "Contact", ifModifiedSince: since }])
 */
export function buildCompositeDescribeRequest(
  id: string,
  targets: readonly DescribeTarget[],
): SalesforceRequest {
  checkSubrequestCount(targets.map((target) => target.name));
  return {
    id,
    method: "POST",
    path: `${DATA_PATH}/composite`,
    headers: { ...JSON_BODY_HEADERS },
    body: {
      allOrNone: false,
      compositeRequest: targets.map((target, index) => {
        const headers = conditional(target.ifModifiedSince);
        return {
          method: "GET",
          url: describePath(target.name),
          referenceId: compositeReferenceId(index),
          ...(Object.keys(headers).length > 0 ? { httpHeaders: headers } : {}),
        };
      }),
    },
  };
}

/**
 * `POST /composite/batch` with one describe subrequest per object (at most 25; each subrequest
 * counts as one API call). Batch subrequests cannot carry headers, so they are never conditional.
 *
 * @example
 * buildBatchDescribeRequest("r4", ["Account", "Contact"])
 */
export function buildBatchDescribeRequest(id: string, names: readonly string[]): SalesforceRequest {
  checkSubrequestCount(names);
  return {
    id,
    method: "POST",
    path: `${DATA_PATH}/composite/batch`,
    headers: { ...JSON_BODY_HEADERS },
    body: {
      haltOnError: false,
      batchRequests: names.map((name) => ({
        method: "GET",
        url: `v${API_VERSION}/sobjects/${checkName(name)}/describe`,
      })),
    },
  };
}
