import { hc, type ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
// The edge's route types, as declarations emitted by `pnpm edge-types` (part of `typecheck`): the
// edge's sources need the Workers globals, which this browser program does not have.
import type { AppType } from "../../../node_modules/.cache/edge-types/apps/edge/src/app.ts";
import { errorFromResponse, networkError } from "./errors.ts";

/**
 * Hono's typed client for the edge: paths, params and bodies are checked against the edge's routes.
 * Same origin, so the session cookie rides along and the browser sends the Origin the CSRF check wants.
 *
 * @example await unwrap(rpc.api.v1.services.$get())
 */
export const rpc = hc<AppType>("/", { init: { credentials: "same-origin" } });

export type Rpc = typeof rpc;

/** The body of a response's success statuses only (error bodies become thrown ApiErrors). */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never;

/**
 * Awaits a typed call: the success body, or a thrown ApiError (contract error body, or status 0
 * when there was no answer at all). A 204 gives `undefined`.
 *
 * @example const { services } = await unwrap(rpc.api.v1.services.$get());
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  pending: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await pending;
  } catch (cause) {
    throw networkError(cause);
  }
  // The one cast: hono's ClientResponse is a fetch Response at run time.
  const response = res as unknown as Response;
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as SuccessBody<R>;
  return (await response.json()) as SuccessBody<R>;
}
