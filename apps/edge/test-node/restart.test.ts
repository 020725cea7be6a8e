import type { RunningEmulator } from "@portal/salesforce-emulator";
import { afterAll, describe, expect, it } from "vitest";
import { startLocalEdge, type LocalEdge } from "../bench/local-edge.ts";
import {
  connectionView,
  control,
  designFieldNames,
  emulatorWith,
  orgFieldNames,
  startRead,
  userWithConnection,
} from "./stack.ts";

const ORG = { objects: 300, seed: 31 };
let emulator: RunningEmulator | null = null;
let edge: LocalEdge | null = null;

afterAll(async () => {
  await edge?.stop();
  await emulator?.close();
});

describe("Read Design through a real wrangler dev that is SIGKILLed mid-run", () => {
  it("Should resume after the restart and finish with exactly the org's objects and fields despite 5% 503s", async () => {
    emulator = await emulatorWith(ORG);
    edge = await startLocalEdge();
    const { client, connection } = await userWithConnection(edge, emulator);
    await control(emulator.url).configure({
      failureRate: 0.05,
      seed: 5,
      latencyMs: 120,
      perDescribeMs: 15,
      maxConcurrent: 25,
    });

    const before = await client.events(connection.id);
    const run = await startRead(client, connection.id);
    const progressed = await before.until(
      (event) => event.type === "progress" && (event.run?.done ?? 0) > 0,
    );
    const doneBeforeKill = progressed.run?.done ?? 0;
    await edge.kill();
    await before.closed;
    expect(before.messages.some((event) => event.type === "finished")).toBe(false);

    edge = await startLocalEdge({ port: edge.port, persistTo: edge.persistTo });
    const after = await client.events(connection.id);
    const snapshot = await after.until((event) => event.type === "snapshot");
    expect(snapshot.run?.id).toBe(run.id);
    expect(snapshot.run?.done).toBeGreaterThanOrEqual(doneBeforeKill);
    const end = await after.ended(90_000);
    after.close();

    expect(end.type, JSON.stringify(end.error ?? null)).toBe("finished");
    expect(end.run).toMatchObject({ id: run.id, done: ORG.objects, total: ORG.objects });
    expect(end.run?.failedObjects).toEqual([]);
    const expected = orgFieldNames(ORG);
    const stored = await designFieldNames(client, connection.id);
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, fields] of expected) expect(stored.get(name), name).toEqual(fields);
    const state = await control(emulator.url).state();
    expect((await connectionView(client, connection.id)).design).toMatchObject({
      status: "finished",
      objects: state.org.objects,
      fields: state.org.fields,
    });
  });
});
