import { readObjectDesign } from "../design/read-object-design.ts";
import { rpc, unwrap } from "./rpc.ts";
import type { Environment } from "./types.ts";

// Every call the portal makes to the edge, in one place, through Hono's typed client.

/** Path parameters go into the URL as they are: encode them once, here. */
function param(value: string): string {
  return encodeURIComponent(value);
}

const v1 = rpc.api.v1;
const connection = v1.connections[":id"];

export type ObjectQuery = { q?: string; custom?: boolean; limit?: number; offset?: number };

/** Query values as the URL carries them; unset ones are left out. */
function objectQuery(query: ObjectQuery) {
  return {
    q: query.q || undefined,
    custom:
      query.custom === undefined
        ? undefined
        : query.custom
          ? ("true" as const)
          : ("false" as const),
    limit: query.limit === undefined ? undefined : String(query.limit),
    offset: query.offset === undefined ? undefined : String(query.offset),
  };
}

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
      unwrap(connection["read-design"].$post({ param: { id: param(id) }, json: { mode } })),
    get: (id: string) => unwrap(connection["read-design"].$get({ param: { id: param(id) } })),
    cancel: (id: string) => unwrap(connection["read-design"].$delete({ param: { id: param(id) } })),
  },
  design: {
    objects: (id: string, query: ObjectQuery = {}) =>
      unwrap(
        connection.design.objects.$get({ param: { id: param(id) }, query: objectQuery(query) }),
      ),
    object: async (id: string, name: string) =>
      readObjectDesign(
        await unwrap(
          connection.design.objects[":name"].$get({ param: { id: param(id), name: param(name) } }),
        ),
      ),
    changes: (id: string) => unwrap(connection.design.changes.$get({ param: { id: param(id) } })),
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
