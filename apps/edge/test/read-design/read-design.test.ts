import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ReadDesignHost } from "../../src/connection/read-design/read-design-host.ts";
import { connectionStub } from "../../src/connection/stub.ts";
import { call } from "../helpers.ts";
import {
  authorizedConnection,
  designEmulator,
  designOf,
  endOf,
  json,
  openEvents,
  runToEnd,
  type Run,
} from "./support.ts";

const emulator = designEmulator();
beforeEach(() => emulator.reset());

/**
 * Drives Read Design one request per alarm, with a brand-new host (as after an eviction or a
 * restart) for every alarm, so the run resumes from each persisted step.
 */
async function readStepByStep(
  connection: { id: string; code: string },
  until?: (run: Run) => boolean,
) {
  let steps = 0;
  await runInDurableObject(connectionStub(env, connection.id), async (instance, ctx) => {
    const host = () =>
      new ReadDesignHost({
        ctx,
        env,
        getAccessToken: (id, force) => instance.getAccessToken({ connectionId: id, force }),
        limits: { maxRequests: 1, maxInFlight: 1 },
        readOptions: { batchSize: 7, retryBaseMs: 5, retryMaxMs: 20 },
        scheduleAlarms: false,
      });
    if (!host().runs.active()) await host().start(connection, "full");
    while (host().runs.active() && steps < 500) {
      const fresh = host();
      await fresh.runner.alarm();
      steps += 1;
      if (until?.(fresh.runner.current() as Run)) break;
    }
  });
  return steps;
}

describe("Read Design in the connection's Durable Object", { timeout: 30_000 }, () => {
  it("Should read the whole org on alarms, stream events in order and end with the finished line", async () => {
    const { cookie, connection } = await authorizedConnection();
    const org = (await emulator.state()).org;
    const { socket, messages } = await openEvents(connection.id, cookie);

    const first = await call(`/api/v1/connections/${connection.id}/read-design`, {
      cookie,
      body: {},
    });
    expect(first.status).toBe(202);
    const run = (await first.json()) as Run;
    expect(run.status).toBe("queued");
    const again = await json<Run>(
      await call(`/api/v1/connections/${connection.id}/read-design`, {
        cookie,
        body: { mode: "full" },
      }),
    );
    expect(again.id).toBe(run.id);

    await runDurableObjectAlarm(connectionStub(env, connection.id));
    await endOf(socket, messages);
    const done = await json<Run>(
      await call(`/api/v1/connections/${connection.id}/read-design`, { cookie }),
    );
    expect(done).toMatchObject({ id: run.id, status: "finished", phase: "done", error: null });
    expect(done.message).toBe(`Finished reading layout from ${connection.code}`);
    expect(done.done).toBe(org.objects);
    expect(done.total).toBe(org.objects);
    expect(done.apiCalls).toBeLessThanOrEqual(Math.ceil(org.objects / 25) + 3);

    const { total, design } = await designOf(connection.id, cookie);
    expect(total).toBe(org.objects);
    expect(Object.values(design).reduce((sum, fields) => sum + fields.length, 0)).toBe(org.fields);

    const types = messages.map((message) => message.type);
    expect(types[0]).toBe("snapshot");
    const finished = messages.find((message) => message.type === "finished");
    expect(finished?.message).toBe(`Finished reading layout from ${connection.code}`);
    const progress = messages
      .filter((message) => message.type === "progress")
      .map((m) => (m.run as Run).done);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(types.indexOf("finished")).toBeGreaterThan(types.lastIndexOf("progress"));
    expect(types.at(-1)).toBe("connection");
    socket.close(1000);

    const view = await json<{ design: { status: string; objects: number; fields: number } }>(
      await call(`/api/v1/connections/${connection.id}`, { cookie }),
    );
    expect(view.design).toMatchObject({
      status: "finished",
      objects: org.objects,
      fields: org.fields,
    });
    const changes = await json<{ objects: { added: string[] } }>(
      await call(`/api/v1/connections/${connection.id}/design/changes`, { cookie }),
    );
    expect(changes.objects.added).toHaveLength(org.objects);
  });

  it("Should give the identical design when resumed from every persisted step", async () => {
    const reference = await authorizedConnection();
    await call(`/api/v1/connections/${reference.connection.id}/read-design`, {
      cookie: reference.cookie,
      body: {},
    });
    expect((await runToEnd(reference.connection.id, reference.cookie)).status).toBe("finished");
    const expected = await designOf(reference.connection.id, reference.cookie);

    const resumed = await authorizedConnection();
    const steps = await readStepByStep(resumed.connection);
    expect(steps).toBeGreaterThan(5);
    const run = await json<Run>(
      await call(`/api/v1/connections/${resumed.connection.id}/read-design`, {
        cookie: resumed.cookie,
      }),
    );
    expect(run.status).toBe("finished");
    expect(await designOf(resumed.connection.id, resumed.cookie)).toEqual(expected);
    const account = `/design/objects/Account`;
    expect(
      await json(
        await call(`/api/v1/connections/${resumed.connection.id}${account}`, {
          cookie: resumed.cookie,
        }),
      ),
    ).toEqual(
      await json(
        await call(`/api/v1/connections/${reference.connection.id}${account}`, {
          cookie: reference.cookie,
        }),
      ),
    );
  });

  it("Should lose nothing when 5% of Salesforce's answers are 503s", async () => {
    const { cookie, connection } = await authorizedConnection();
    await emulator.configure({ failureRate: 0.05, seed: 11 });
    const org = (await emulator.state()).org;
    await readStepByStep(connection);
    const run = await json<Run>(
      await call(`/api/v1/connections/${connection.id}/read-design`, { cookie }),
    );
    expect(run).toMatchObject({ status: "finished", failedObjects: [], done: org.objects });
    const { total, design } = await designOf(connection.id, cookie);
    expect(total).toBe(org.objects);
    expect(Object.values(design).reduce((sum, fields) => sum + fields.length, 0)).toBe(org.fields);
  });

  it("Should end as needs_reauth when the token is revoked mid-run, keeping the earlier design", async () => {
    const { cookie, connection } = await authorizedConnection();
    await readStepByStep(connection, (run) => run.phase === "describing" && run.done > 0);
    await emulator.revokeAll();
    await readStepByStep(connection);
    const run = await json<Run>(
      await call(`/api/v1/connections/${connection.id}/read-design`, { cookie }),
    );
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("needs_reauth");
    const view = await json<{ status: string }>(
      await call(`/api/v1/connections/${connection.id}`, { cookie }),
    );
    expect(view.status).toBe("needs_reauth");
    // Nothing half-written: a failed first read leaves no design behind.
    expect((await designOf(connection.id, cookie)).total).toBe(0);
    const retry = await call(`/api/v1/connections/${connection.id}/read-design`, {
      cookie,
      body: {},
    });
    expect(retry.status).toBe(409);
  });

  it("Should cancel the active run and refuse to cancel twice", async () => {
    const { cookie, connection } = await authorizedConnection();
    await call(`/api/v1/connections/${connection.id}/read-design`, { cookie, body: {} });
    const cancelled = await call(`/api/v1/connections/${connection.id}/read-design`, {
      cookie,
      method: "DELETE",
    });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Run).status).toBe("cancelled");
    const twice = await call(`/api/v1/connections/${connection.id}/read-design`, {
      cookie,
      method: "DELETE",
    });
    expect(twice.status).toBe(409);
    expect(await runDurableObjectAlarm(connectionStub(env, connection.id))).toBe(false);
    expect((await designOf(connection.id, cookie)).total).toBe(0);
  });

  it("Should re-read only what changed in incremental mode and report the changes", async () => {
    const { cookie, connection } = await authorizedConnection();
    const start = (mode: string) =>
      call(`/api/v1/connections/${connection.id}/read-design`, { cookie, body: { mode } });
    await start("full");
    await runToEnd(connection.id, cookie);
    const before = await designOf(connection.id, cookie);

    const unchanged = await json<Run>(await start("incremental"));
    const quiet = await runToEnd(connection.id, cookie);
    expect(quiet).toMatchObject({ id: unchanged.id, status: "finished" });
    expect(quiet.apiCalls).toBeLessThanOrEqual(3);
    expect(await designOf(connection.id, cookie)).toEqual(before);

    const [gone] = Object.keys(before.design).filter((name) => name.endsWith("__c"));
    await emulator.touch({
      remove: [gone ?? ""],
      add: [
        {
          name: "Brand_New__c",
          label: "Brand New",
          custom: true,
          queryable: true,
          fields: [{ name: "Id", type: "id", label: "Record ID" }],
        },
      ],
    });
    await start("incremental");
    await runToEnd(connection.id, cookie);
    const changes = await json<{
      from: string | null;
      to: string;
      objects: { added: string[]; removed: string[] };
    }>(await call(`/api/v1/connections/${connection.id}/design/changes`, { cookie }));
    expect(changes.objects.added).toEqual(["Brand_New__c"]);
    expect(changes.objects.removed).toEqual([gone]);
    expect(changes.from).not.toBeNull();
    const after = await designOf(connection.id, cookie);
    expect(after.total).toBe(before.total);
    expect(after.design.Brand_New__c).toEqual(["Id"]);
  });

  it("Should fail a run whose alarms keep dying, with the reason", async () => {
    const { cookie, connection } = await authorizedConnection();
    await runInDurableObject(connectionStub(env, connection.id), async (_instance, ctx) => {
      const crashing = () =>
        new ReadDesignHost({
          ctx,
          env,
          getAccessToken: () => Promise.reject(new Error("isolate went away")),
          scheduleAlarms: false,
        });
      await crashing().start(connection, "full");
      for (let attempt = 1; attempt <= 5; attempt++) {
        await expect(crashing().runner.alarm()).rejects.toThrow("isolate went away");
      }
      await crashing().runner.alarm();
    });
    const run = await json<Run>(
      await call(`/api/v1/connections/${connection.id}/read-design`, { cookie }),
    );
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("run_crashed");
  });

  it("Should finish with an always-failing object listed, then read it once it works again", async () => {
    const { cookie, connection } = await authorizedConnection();
    await emulator.configure({ failObjects: ["Lead"] });
    const org = (await emulator.state()).org;
    const start = (mode: string) =>
      call(`/api/v1/connections/${connection.id}/read-design`, { cookie, body: { mode } });
    await start("full");
    const run = await runToEnd(connection.id, cookie);
    expect(run.status).toBe("finished");
    expect(run.failedObjects.map((failure) => failure.name)).toEqual(["Lead"]);
    expect(run.failedObjects[0]?.error).toContain("UNKNOWN_EXCEPTION");
    expect((await designOf(connection.id, cookie)).total).toBe(org.objects - 1);

    await emulator.configure({ failObjects: [] });
    await start("incremental");
    const healed = await runToEnd(connection.id, cookie);
    expect(healed).toMatchObject({ status: "finished", failedObjects: [] });
    const { total, design } = await designOf(connection.id, cookie);
    expect(total).toBe(org.objects);
    expect(design.Lead?.length).toBeGreaterThan(10);
  });
});
