import { errorFromResponse, networkError } from "./errors.ts";
import { rpc, unwrap } from "./rpc.ts";
import type { Changes, Environment, ObjectDesign, ObjectList, Run } from "./types.ts";

// Every call the portal makes to the edge, in one place.

/** Path parameters go into the URL as they are: encode them once, here. */
function param(value: string): string {
  return encodeURIComponent(value);
}

const v1 = rpc.api.v1;
const connection = v1.connections[":id"];

/**
 * Plain fetch for the routes the edge does not serve yet (Read Design and the design browser,
 * issue 7): they follow the contract until `AppType` carries them, then move to `rpc` like the rest.
 */
async function request<T>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw networkError(cause);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return (await res.json()) as T;
}

/** Query string of the set values only. */
function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type ObjectQuery = { q?: string; custom?: boolean; limit?: number; offset?: number };

/**
 * The edge API (`/api/v1`) for the portal; each call returns the success body or throws ApiError.
 *
 * @example const { services } = await api.services.list();
 */
export const api = {
  auth: {
    signUp: (json: { email: string; password: string; name: string }) =>
      unwrap(v1.auth["sign-up"].email.$post({ json })),
    signIn: (json: { email: string; password: string }) =>
      unwrap(v1.auth["sign-in"].email.$post({ json })),
    signOut: () => unwrap(v1.auth["sign-out"].$post()),
  },
  me: () => unwrap(v1.me.$get()),
  services: {
    list: () => unwrap(v1.services.$get()),
    get: (serviceId: string) =>
      unwrap(v1.services[":serviceId"].$get({ param: { serviceId: param(serviceId) } })),
    create: (name: string) => unwrap(v1.services.$post({ json: { name } })),
  },
  connections: {
    list: (serviceId: string) =>
      unwrap(
        v1.services[":serviceId"].connections.$get({ param: { serviceId: param(serviceId) } }),
      ),
    create: (serviceId: string, json: { environment: Environment; loginUrl?: string }) =>
      unwrap(
        v1.services[":serviceId"].connections.$post({
          param: { serviceId: param(serviceId) },
          json,
        }),
      ),
    get: (id: string) => unwrap(connection.$get({ param: { id: param(id) } })),
    remove: (id: string) => unwrap(connection.$delete({ param: { id: param(id) } })),
    authorize: (id: string, returnTo: string) =>
      unwrap(connection.authorize.$post({ param: { id: param(id) }, json: { returnTo } })),
    test: (id: string) => unwrap(connection.test.$post({ param: { id: param(id) } })),
    revoke: (id: string) => unwrap(connection.revoke.$post({ param: { id: param(id) } })),
  },
  readDesign: {
    start: (id: string, mode: "full" | "incremental" = "full") =>
      request<Run>("POST", `/api/v1/connections/${param(id)}/read-design`, { mode }),
    get: (id: string) => request<Run>("GET", `/api/v1/connections/${param(id)}/read-design`),
    cancel: (id: string) => request<Run>("DELETE", `/api/v1/connections/${param(id)}/read-design`),
  },
  design: {
    objects: (id: string, params: ObjectQuery = {}) =>
      request<ObjectList>("GET", `/api/v1/connections/${param(id)}/design/objects${query(params)}`),
    object: (id: string, name: string) =>
      request<ObjectDesign>(
        "GET",
        `/api/v1/connections/${param(id)}/design/objects/${param(name)}`,
      ),
    changes: (id: string) =>
      request<Changes>("GET", `/api/v1/connections/${param(id)}/design/changes`),
  },
  apiKeys: {
    list: () => unwrap(v1["api-keys"].$get()),
    create: (name: string) => unwrap(v1["api-keys"].$post({ json: { name } })),
    remove: (id: string) => unwrap(v1["api-keys"][":id"].$delete({ param: { id: param(id) } })),
  },
  audit: {
    list: () => unwrap(v1.audit.$get({ query: {} })),
  },
};

/** The events socket's URL for a connection, on this page's own origin. */
export function eventsUrl(connectionId: string, origin: string = location.origin): string {
  return `${origin.replace(/^http/, "ws")}/api/v1/connections/${param(connectionId)}/events`;
}
