import { env, exports } from "cloudflare:workers";
import { runDurableObjectAlarm } from "cloudflare:test";
import { connectionStub } from "../../src/connection/stub.ts";
import { emulatorAt } from "../emulator.ts";
import {
  authorizeThroughEmulator,
  call,
  createConnection,
  EDGE,
  firstServiceId,
  signUp,
} from "../helpers.ts";

export const designEmulator = () => emulatorAt(env.DESIGN_EMULATOR_URL);

export type Run = {
  id: string;
  status: string;
  phase: string;
  done: number;
  total: number;
  apiCalls: number;
  failedObjects: { name: string; error: string }[];
  message: string | null;
  error: { code: string; message: string } | null;
};

/** A signed-up person with an authorized connection to the design emulator. */
export async function authorizedConnection() {
  const account = await signUp();
  const serviceId = await firstServiceId(account.cookie);
  const connection = await createConnection(account.cookie, serviceId, {
    environment: "custom",
    loginUrl: env.DESIGN_EMULATOR_URL,
  });
  const landed = await authorizeThroughEmulator(account.cookie, connection.id);
  if (landed.searchParams.get("authorize") !== "ok") throw new Error(`authorize: ${landed}`);
  return { ...account, serviceId, connection };
}

/** Runs the connection's alarms until none is left (each alarm is one bounded chunk). */
export async function runAlarms(connectionId: string, max = 200): Promise<number> {
  const stub = connectionStub(env, connectionId);
  for (let count = 0; count < max; count++) {
    if (!(await runDurableObjectAlarm(stub))) return count;
  }
  throw new Error(`still alarming after ${max} alarms`);
}

export async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Opens the events WebSocket as the portal would and collects every message. */
export async function openEvents(connectionId: string, cookie: string) {
  const res = await exports.default.fetch(`${EDGE}/api/v1/connections/${connectionId}/events`, {
    headers: { upgrade: "websocket", cookie, origin: EDGE },
  });
  const socket = res.webSocket;
  if (res.status !== 101 || !socket) throw new Error(`events: ${res.status} ${await res.text()}`);
  const messages: { type: string; [key: string]: unknown }[] = [];
  socket.accept();
  socket.addEventListener("message", (event) => messages.push(JSON.parse(String(event.data))));
  return { socket, messages };
}

/** Every object and field the API returns for a connection, as `{name: fieldNames[]}`. */
export async function designOf(connectionId: string, cookie: string) {
  const page = await json<{ objects: { name: string; fieldCount: number }[]; total: number }>(
    await call(`/api/v1/connections/${connectionId}/design/objects?limit=2000`, { cookie }),
  );
  const design: Record<string, string[]> = {};
  for (const object of page.objects) {
    const detail = await json<{ fields: { name: string }[] }>(
      await call(`/api/v1/connections/${connectionId}/design/objects/${object.name}`, { cookie }),
    );
    design[object.name] = detail.fields.map((field) => field.name);
  }
  return { total: page.total, design };
}
