/**
 * `pnpm bench` (edge): Read Design through the real edge under `wrangler dev` (Worker, D1, the
 * connection's Durable Object on alarms, events over WebSocket) against the in-process emulator
 * with the latency model. Prints one JSON line; diagnostics go to stderr.
 */
import { startEmulator } from "@portal/salesforce-emulator";
import { DEFAULT_CHUNK_LIMITS } from "../src/connection/read-design/runner.ts";
import { EdgeClient } from "./edge-client.ts";
import { startLocalEdge } from "./local-edge.ts";

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 1500);
const MODEL = { latencyMs: 150, perDescribeMs: 20, maxConcurrent: 25 };
const LANES = DEFAULT_CHUNK_LIMITS.maxInFlight;

/** The model's lower bound: L + ceil(N/C)*P + ceil(ceil(N/C)/25)*L, with C = lanes really used. */
function floorMs(objects: number, lanes: number): number {
  const perLane = Math.ceil(objects / lanes);
  return (
    MODEL.latencyMs + perLane * MODEL.perDescribeMs + Math.ceil(perLane / 25) * MODEL.latencyMs
  );
}

async function emulatorState(url: string) {
  const res = await fetch(`${url}/__emulator/state`);
  return (await res.json()) as {
    apiUsage: number;
    requests: { total: number };
    org: { objects: number; fields: number };
  };
}

const emulator = await startEmulator({ port: 0, org: { objects: OBJECTS, seed: 1500 } });
const edge = await startLocalEdge();
try {
  const client = new EdgeClient(edge.url);
  const serviceId = await client.signUp();
  const connection = await client.authorizedConnection(serviceId, emulator.url);
  await fetch(`${emulator.url}/__emulator/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(MODEL),
  });
  const before = await emulatorState(emulator.url);
  const full = await client.readDesign(connection.id, "full");
  const middle = await emulatorState(emulator.url);
  const incremental = await client.readDesign(connection.id, "incremental");
  const after = await emulatorState(emulator.url);
  const { body: view } = await client.call<{ design: { objects: number; fields: number } }>(
    `/api/v1/connections/${connection.id}`,
  );
  if (view.design.objects !== before.org.objects || view.design.fields !== before.org.fields) {
    throw new Error(
      `read ${view.design.objects}/${view.design.fields}, org has ${before.org.objects}/${before.org.fields}`,
    );
  }
  console.error(`# ${full.run.message}: ${full.ms} ms; incremental ${incremental.ms} ms`);
  console.log(
    JSON.stringify({
      bench: "read-design-edge",
      objects: before.org.objects,
      fields: before.org.fields,
      ...MODEL,
      lanes: LANES,
      floorMs: floorMs(before.org.objects, LANES),
      ours: {
        ms: full.ms,
        apiCalls: middle.apiUsage - before.apiUsage,
        requests: middle.requests.total - before.requests.total,
      },
      incremental: {
        ms: incremental.ms,
        apiCalls: after.apiUsage - middle.apiUsage,
      },
      strategies: { composite: { ms: full.ms, apiCalls: middle.apiUsage - before.apiUsage } },
    }),
  );
} finally {
  await edge.stop();
  await emulator.close();
}
