/**
 * What the Node-side fault suite needs around one test: an emulator with a generated org, a real
 * `wrangler dev` edge, a signed-up portal user with an authorized connection, and the emulator's
 * control API.
 */
import { generateOrg, startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import { EdgeClient, type Run } from "../bench/edge-client.ts";
import type { LocalEdge } from "../bench/local-edge.ts";

export type EmulatorState = {
  apiUsage: number;
  apiLimit: number;
  requests: { total: number; byPath: Record<string, number> };
  org: { objects: number; fields: number };
};

/** The emulator's control API (`/__emulator/*`). */
export function control(url: string) {
  const call = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const res = await fetch(`${url}/__emulator/${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    state: async () => (await call("GET", "state")) as EmulatorState,
    configure: async (patch: Record<string, unknown>) => void (await call("POST", "config", patch)),
    revokeAll: async () => void (await call("POST", "revoke-all", {})),
  };
}

/** Every object of the generated org with its sorted field names, as Salesforce would describe it. */
export function orgFieldNames(org: { objects: number; seed: number }): Map<string, string[]> {
  const generated = generateOrg(org);
  const names = new Map<string, string[]>();
  for (const object of generated.objects) {
    const describe = generated.describe(object.name) as { fields: { name: string }[] } | undefined;
    if (!describe) throw new Error(`the generator cannot describe ${object.name}`);
    names.set(object.name, describe.fields.map((field) => field.name).sort());
  }
  return names;
}

type ObjectsPage = { objects: { name: string; fieldCount: number }[]; total: number };

/** Every object the edge stored for the connection, with its sorted field names. */
export async function designFieldNames(
  client: EdgeClient,
  connectionId: string,
): Promise<Map<string, string[]>> {
  const base = `/api/v1/connections/${connectionId}/design/objects`;
  const { body: page } = await client.call<ObjectsPage>(`${base}?limit=2000`);
  const names = new Map<string, string[]>();
  // A few at a time: the edge is one local workerd on a busy 2-core machine.
  for (let i = 0; i < page.objects.length; i += 8) {
    const slice = page.objects.slice(i, i + 8);
    const objects = await Promise.all(
      slice.map(async ({ name }) => {
        const { body } = await client.call<{ fields: { name: string }[] }>(
          `${base}/${encodeURIComponent(name)}`,
        );
        return [name, body.fields.map((field) => field.name).sort()] as const;
      }),
    );
    for (const [name, fields] of objects) names.set(name, fields);
  }
  return names;
}

/** The connection as the API shows it. */
export async function connectionView(client: EdgeClient, connectionId: string) {
  const { body } = await client.call<{
    status: string;
    design: { status: string; objects: number; fields: number } | null;
  }>(`/api/v1/connections/${connectionId}`);
  return body;
}

/** Starts Read Design (full). */
export async function startRead(client: EdgeClient, connectionId: string): Promise<Run> {
  const { body } = await client.call<Run>(`/api/v1/connections/${connectionId}/read-design`, {
    mode: "full",
  });
  return body;
}

/** A signed-up user on `edge` with one connection authorized at `emulator`. */
export async function userWithConnection(edge: LocalEdge, emulator: RunningEmulator) {
  const client = new EdgeClient(edge.url);
  const serviceId = await client.signUp();
  const connection = await client.authorizedConnection(serviceId, emulator.url);
  return { client, serviceId, connection };
}

/** Starts an emulator with a generated org (on `port`, or a free one). */
export async function emulatorWith(org: { objects: number; seed: number }, port = 0) {
  return startEmulator({ port, org });
}
