/**
 * `pnpm bench` (edge, load): bounded load on loopback against one real `wrangler dev` edge and one
 * emulator, stopping by itself. Prints three JSON lines (access-token-load, websocket-viewers,
 * concurrent-reads); diagnostics go to stderr.
 */
import { startEmulator, type RunningEmulator } from "@portal/salesforce-emulator";
import { EdgeClient } from "./edge-client.ts";
import { startLocalEdge, type LocalEdge } from "./local-edge.ts";

const TOKEN_REQUESTS = 200;
const VIEWERS = 50;
const READERS = 20;
const ORG = { objects: 60, seed: 77 };
const MODEL = { latencyMs: 50, perDescribeMs: 5, maxConcurrent: 25 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function emulatorState(url: string) {
  const res = await fetch(`${url}/__emulator/state`);
  return (await res.json()) as {
    requests: { byPath: Record<string, number> };
    org: { objects: number; fields: number };
  };
}

async function control(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}/__emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${await res.text()}`);
}

/** 200 machine callers ask for an access token at once: one refresh at Salesforce for all. */
async function accessTokenLoad(client: EdgeClient, serviceId: string, emulator: RunningEmulator) {
  const connection = await client.authorizedConnection(serviceId, emulator.url);
  const { body: apiKey } = await client.call<{ key: string }>("/api/v1/api-keys", {
    name: "load",
  });
  const ask = async () => {
    const sent = performance.now();
    const res = await fetch(`${client.url}/api/v1/connections/${connection.id}/access-token`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey.key}`, "content-type": "application/json" },
      body: "{}",
    });
    const body = (await res.json()) as { accessToken?: string };
    if (!res.ok || !body.accessToken) throw new Error(`access-token: ${res.status}`);
    return performance.now() - sent;
  };
  const before = await emulatorState(emulator.url);
  const started = performance.now();
  const latencies = await Promise.all(Array.from({ length: TOKEN_REQUESTS }, ask));
  const wallMs = performance.now() - started;
  const after = await emulatorState(emulator.url);
  // One caller at a time afterwards (cached token): what a single request costs this edge.
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) alone.push(await ask());
  alone.sort((a, b) => a - b);
  const token = "/services/oauth2/token";
  const sorted = latencies.sort((a, b) => a - b);
  return {
    bench: "access-token-load",
    requests: TOKEN_REQUESTS,
    refreshesAtSalesforce:
      (after.requests.byPath[token] ?? 0) - (before.requests.byPath[token] ?? 0),
    p50Ms: Math.round(percentile(sorted, 50)),
    p99Ms: Math.round(percentile(sorted, 99)),
    maxMs: Math.round(sorted.at(-1) ?? 0),
    wallMs: Math.round(wallMs),
    perSecond: Math.round((TOKEN_REQUESTS * 1000) / wallMs),
    aloneP50Ms: Math.round(percentile(alone, 50)),
    emulatorLatencyMs: MODEL.latencyMs,
  };
}

/** 50 people watch one read: every socket gets the finished event. */
async function websocketViewers(client: EdgeClient, serviceId: string, emulator: RunningEmulator) {
  const connection = await client.authorizedConnection(serviceId, emulator.url);
  const viewers = await Promise.all(
    Array.from({ length: VIEWERS }, () => client.events(connection.id)),
  );
  const started = performance.now();
  await client.call(`/api/v1/connections/${connection.id}/read-design`, { mode: "full" });
  const arrivals = await Promise.all(
    viewers.map(async (viewer) => {
      const end = await viewer.ended(60_000);
      viewer.close();
      return { type: end.type, ms: performance.now() - started };
    }),
  );
  const finished = arrivals.filter((arrival) => arrival.type === "finished").length;
  if (finished !== VIEWERS) throw new Error(`${finished} of ${VIEWERS} viewers saw finished`);
  const times = arrivals.map((arrival) => arrival.ms).sort((a, b) => a - b);
  return {
    bench: "websocket-viewers",
    viewers: VIEWERS,
    finished,
    objects: ORG.objects,
    firstFinishedMs: Math.round(times[0] ?? 0),
    lastFinishedMs: Math.round(times.at(-1) ?? 0),
    spreadMs: Math.round((times.at(-1) ?? 0) - (times[0] ?? 0)),
  };
}

/** 20 connections (each its own Salesforce user) read at once; all finish with exact counts. */
async function concurrentReads(client: EdgeClient, serviceId: string, emulator: RunningEmulator) {
  const org = (await emulatorState(emulator.url)).org;
  const connections = [];
  for (let i = 0; i < READERS; i++) {
    const login = { username: `reader-${i}@example.com`, password: "reader-password" };
    await control(emulator.url, "users", login);
    connections.push(await client.authorizedConnection(serviceId, emulator.url, login));
  }
  const started = performance.now();
  const runs = await Promise.all(
    connections.map(async (connection) => client.readDesign(connection.id, "full")),
  );
  const wallMs = performance.now() - started;
  let exact = 0;
  for (const connection of connections) {
    const { body } = await client.call<{ design: { objects: number; fields: number } | null }>(
      `/api/v1/connections/${connection.id}`,
    );
    if (body.design?.objects === org.objects && body.design.fields === org.fields) exact += 1;
  }
  if (exact !== READERS) throw new Error(`${exact} of ${READERS} reads have the exact design`);
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  return {
    bench: "concurrent-reads",
    connections: READERS,
    exact,
    objects: org.objects,
    fields: org.fields,
    ...MODEL,
    wallMs: Math.round(wallMs),
    p50Ms: percentile(times, 50),
    maxMs: times.at(-1) ?? 0,
  };
}

let edge: LocalEdge | null = null;
const emulator = await startEmulator({ port: 0, org: ORG, config: MODEL });
try {
  edge = await startLocalEdge();
  const client = new EdgeClient(edge.url);
  const serviceId = await client.signUp();
  console.log(JSON.stringify(await accessTokenLoad(client, serviceId, emulator)));
  console.log(JSON.stringify(await websocketViewers(client, serviceId, emulator)));
  console.log(JSON.stringify(await concurrentReads(client, serviceId, emulator)));
} finally {
  await edge?.stop();
  await emulator.close();
}
