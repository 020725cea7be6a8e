import type { RunningEmulator } from "@portal/salesforce-emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EdgeClient } from "../bench/edge-client.ts";
import { startLocalEdge, type LocalEdge } from "../bench/local-edge.ts";
import {
  connectionView,
  control,
  designFieldNames,
  emulatorWith,
  startRead,
  userWithConnection,
} from "./stack.ts";

const ORG = { objects: 600, seed: 17 };
// Slow enough that a run is still going when the fault is injected after its first progress.
const SLOW = { latencyMs: 150, perDescribeMs: 40, maxConcurrent: 25 };

let edge: LocalEdge;
const emulators: RunningEmulator[] = [];

beforeAll(async () => {
  edge = await startLocalEdge();
});
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});
afterAll(async () => {
  await edge?.stop();
});

/** A user with a connection to a fresh, slow emulator, watching a full read that has begun. */
async function readUnderWay() {
  const emulator = await emulatorWith(ORG);
  emulators.push(emulator);
  const { client, connection } = await userWithConnection(edge, emulator);
  await control(emulator.url).configure(SLOW);
  const events = await client.events(connection.id);
  const run = await startRead(client, connection.id);
  await events.until((event) => event.type === "progress" && (event.run?.done ?? 0) > 0);
  return { emulator, client, connection, events, run };
}

/** Nothing of a failed first read may be visible: no objects, no finished summary. */
async function expectNoDesign(client: EdgeClient, connectionId: string) {
  expect((await designFieldNames(client, connectionId)).size).toBe(0);
  const view = await connectionView(client, connectionId);
  expect(view.design?.status ?? "none").not.toBe("finished");
  expect(view.design?.objects ?? 0).toBe(0);
}

describe("Read Design faults against a real wrangler dev and the emulator", () => {
  it("Should fail with needs_reauth and write no design when the tokens are revoked mid-run", async () => {
    const { emulator, client, connection, events, run } = await readUnderWay();
    await control(emulator.url).revokeAll();
    const end = await events.ended();
    const update = await events.until(
      (event) => event.type === "connection" && event.connection?.status === "needs_reauth",
    );
    events.close();

    expect(end.type).toBe("failed");
    expect(end.run).toMatchObject({ id: run.id, status: "failed" });
    expect(end.error?.code).toBe("needs_reauth");
    expect(end.error?.message).toMatch(/authorize/i);
    expect(update.connection?.status).toBe("needs_reauth");
    expect((await connectionView(client, connection.id)).status).toBe("needs_reauth");
    await expectNoDesign(client, connection.id);
  });

  it("Should fail with request_limit_exceeded, saying so plainly, when the daily API limit runs out mid-run", async () => {
    const { emulator, client, connection, events, run } = await readUnderWay();
    const sf = control(emulator.url);
    await sf.configure({ apiLimit: (await sf.state()).apiUsage });
    const end = await events.ended();
    events.close();

    expect(end.type).toBe("failed");
    expect(end.run).toMatchObject({ id: run.id, status: "failed" });
    expect(end.error?.code).toBe("request_limit_exceeded");
    expect(end.error?.message).toMatch(/daily API request limit/i);
    expect((await connectionView(client, connection.id)).status).toBe("authorized");
    await expectNoDesign(client, connection.id);
  });

  it("Should wait for a Salesforce that went away, then end clearly when it comes back without the tokens", async () => {
    const { emulator, client, connection, events, run } = await readUnderWay();
    const port = emulator.port;
    await emulator.close();
    emulators.splice(emulators.indexOf(emulator), 1);
    const waiting = await events.until(
      (event) => event.type === "progress" && /not answering/i.test(event.run?.message ?? ""),
    );
    expect(waiting.run?.status).toBe("running");
    expect(events.messages.some((event) => event.type === "finished")).toBe(false);

    // A restarted emulator is a reset Salesforce: it no longer knows the connection's tokens.
    const back = await emulatorWith(ORG, port);
    emulators.push(back);
    const end = await events.ended();
    events.close();
    expect(end.type).toBe("failed");
    expect(end.run).toMatchObject({ id: run.id, failedObjects: [] });
    expect(end.error?.code).toBe("needs_reauth");
    expect((await connectionView(client, connection.id)).status).toBe("needs_reauth");
    await expectNoDesign(client, connection.id);
  });
});
