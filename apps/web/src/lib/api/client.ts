import { errorFromResponse, networkError } from "./errors.ts";
import type {
  ApiKey,
  AuditEvent,
  Changes,
  Connection,
  CreatedApiKey,
  Environment,
  Me,
  ObjectDesign,
  ObjectList,
  Run,
  Service,
  TestResult,
  User,
} from "./types.ts";

// Every call the portal makes to the edge, in one place. Same origin: the session cookie rides along
// and the browser adds the Origin header that the edge's CSRF check wants.

type Method = "GET" | "POST" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

function segment(value: string): string {
  return encodeURIComponent(value);
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
 * The edge API (`/api/v1`) for the portal.
 *
 * @example const { services } = await api.services.list();
 */
export const api = {
  auth: {
    signUp: (input: { email: string; password: string; name: string }) =>
      request<{ user: User }>("POST", "/api/v1/auth/sign-up/email", input),
    signIn: (input: { email: string; password: string }) =>
      request<{ user: User }>("POST", "/api/v1/auth/sign-in/email", input),
    signOut: () => request<unknown>("POST", "/api/v1/auth/sign-out", {}),
  },
  me: () => request<Me>("GET", "/api/v1/me"),
  services: {
    list: () => request<{ services: Service[] }>("GET", "/api/v1/services"),
    create: (name: string) => request<Service>("POST", "/api/v1/services", { name }),
  },
  connections: {
    list: (serviceId: string) =>
      request<{ connections: Connection[] }>(
        "GET",
        `/api/v1/services/${segment(serviceId)}/connections`,
      ),
    create: (serviceId: string, input: { environment: Environment; loginUrl?: string }) =>
      request<Connection>("POST", `/api/v1/services/${segment(serviceId)}/connections`, input),
    get: (id: string) => request<Connection>("GET", `/api/v1/connections/${segment(id)}`),
    remove: (id: string) => request<void>("DELETE", `/api/v1/connections/${segment(id)}`),
    authorize: (id: string, returnTo: string) =>
      request<{ authorizeUrl: string }>("POST", `/api/v1/connections/${segment(id)}/authorize`, {
        returnTo,
      }),
    test: (id: string) =>
      request<TestResult>("POST", `/api/v1/connections/${segment(id)}/test`, {}),
    revoke: (id: string) =>
      request<Connection>("POST", `/api/v1/connections/${segment(id)}/revoke`, {}),
  },
  readDesign: {
    start: (id: string, mode: "full" | "incremental" = "full") =>
      request<Run>("POST", `/api/v1/connections/${segment(id)}/read-design`, { mode }),
    get: (id: string) => request<Run>("GET", `/api/v1/connections/${segment(id)}/read-design`),
    cancel: (id: string) =>
      request<Run>("DELETE", `/api/v1/connections/${segment(id)}/read-design`),
  },
  design: {
    objects: (id: string, params: ObjectQuery = {}) =>
      request<ObjectList>(
        "GET",
        `/api/v1/connections/${segment(id)}/design/objects${query(params)}`,
      ),
    object: (id: string, name: string) =>
      request<ObjectDesign>(
        "GET",
        `/api/v1/connections/${segment(id)}/design/objects/${segment(name)}`,
      ),
    changes: (id: string) =>
      request<Changes>("GET", `/api/v1/connections/${segment(id)}/design/changes`),
  },
  apiKeys: {
    list: () => request<{ apiKeys: ApiKey[] }>("GET", "/api/v1/api-keys"),
    create: (name: string) => request<CreatedApiKey>("POST", "/api/v1/api-keys", { name }),
    remove: (id: string) => request<void>("DELETE", `/api/v1/api-keys/${segment(id)}`),
  },
  audit: {
    list: () => request<{ events: AuditEvent[] }>("GET", "/api/v1/audit"),
  },
};

/** The events socket's URL for a connection, on this page's own origin. */
export function eventsUrl(connectionId: string, origin: string = location.origin): string {
  return `${origin.replace(/^http/, "ws")}/api/v1/connections/${segment(connectionId)}/events`;
}
