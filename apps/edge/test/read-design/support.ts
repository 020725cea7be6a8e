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

const ENDED = new Set(["finished", "failed", "cancelled"]);

type Message = { type: string; run?: Run; [key: string]: unknown };

/** Resolves with the run once an event (or the snapshot) shows it ended. */
export function endOf(socket: WebSocket, messages: Message[]): Promise<Run> {
  return new Promise((resolve) => {
    const check = () => {
      const ended = messages.find((message) => message.run && ENDED.has(message.run.status));
      if (ended?.run) resolve(ended.run);
    };
    socket.addEventListener("message", check);
    check();
  });
}

/**
 * Lets the active run finish on its own alarms (they fire by themselves; a due one is run at
 * once) and returns it as the events socket reports its end: no sleeps, no polling.
 */
export async function runToEnd(connectionId: string, cookie: string): Promise<Run> {
  const { socket, messages } = await openEvents(connectionId, cookie);
  const ended = endOf(socket, messages);
  await runDurableObjectAlarm(connectionStub(env, connectionId));
  const run = await ended;
  socket.close(1000);
  return run;
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
  const messages: Message[] = [];
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
