import { exports } from "cloudflare:workers";
import { EDGE, randomIp } from "../helpers.ts";

/** A raw request to the edge: the body goes on the wire exactly as given. */
export function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; type?: string | null } = {},
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", randomIp());
  if (options.body !== undefined && options.type !== null)
    headers.set("content-type", options.type ?? "application/json");
  return exports.default.fetch(`${EDGE}${path}`, {
    method,
    headers,
    body: options.body,
    redirect: "manual",
  });
}
