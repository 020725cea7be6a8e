import { describe, expect, it } from "vitest";
import type { Connection, Run } from "../api/types.ts";
import { EMPTY_LIVE_STATE, applyEvent, isNewerRun, type LiveState } from "./live-state.ts";

function run(overrides: Partial<Run> = {}): Run {
  return {
    id: "r1",
    status: "running",
    mode: "full",
    phase: "describing",
    done: 10,
    total: 150,
    read: 10,
    unchanged: 0,
    removed: 0,
    current: [],
    failedObjects: [],
    apiCalls: 3,
    startedAt: "2026-05-01T09:00:00Z",
    finishedAt: null,
    message: null,
    error: null,
    ...overrides,
  };
}

const connection = { id: "c1", code: "SFORCE001", status: "authorized" } as Connection;
const FINISHED = "Finished reading layout from SFORCE001";

function fold(...events: Parameters<typeof applyEvent>[1][]): LiveState {
  return events.reduce(applyEvent, EMPTY_LIVE_STATE);
}

describe("applyEvent", () => {
  it("Should take the snapshot's connection and run", () => {
    const state = fold({ type: "snapshot", connection, run: run() });
    expect(state.connection).toBe(connection);
    expect(state.run?.done).toBe(10);
    expect(state.log).toEqual([]);
  });

  it("Should move forward with progress", () => {
    const state = fold(
      { type: "snapshot", connection, run: run() },
      { type: "progress", run: run({ done: 40, apiCalls: 8 }) },
    );
    expect(state.run).toMatchObject({ done: 40, apiCalls: 8 });
  });

  it("Should ignore progress that goes backwards (a late HTTP answer)", () => {
    const state = fold(
      { type: "progress", run: run({ done: 40 }) },
      { type: "progress", run: run({ done: 12 }) },
    );
    expect(state.run?.done).toBe(40);
  });

  it("Should log the finished line once, even when a reconnect replays it", () => {
    const finished = run({
      status: "finished",
      phase: "done",
      done: 150,
      finishedAt: "2026-05-01T09:01:00Z",
      message: FINISHED,
    });
    const state = fold(
      { type: "progress", run: run({ done: 149 }) },
      { type: "finished", run: finished, message: FINISHED },
      { type: "snapshot", connection, run: finished },
    );
    expect(state.run?.status).toBe("finished");
    expect(state.log.map((line) => line.text)).toEqual([FINISHED]);
    expect(state.log[0]).toMatchObject({ tone: "success", at: "2026-05-01T09:01:00Z" });
  });

  it("Should show the last finished run's line after a reload (snapshot only)", () => {
    const state = fold({
      type: "snapshot",
      connection,
      run: run({
        status: "finished",
        done: 150,
        message: FINISHED,
        finishedAt: "2026-05-01T09:01:00Z",
      }),
    });
    expect(state.log.map((line) => line.text)).toEqual([FINISHED]);
  });

  it("Should keep an ended run ended when late progress arrives", () => {
    const state = fold(
      { type: "finished", run: run({ status: "finished", done: 150 }), message: FINISHED },
      { type: "progress", run: run({ done: 149 }) },
    );
    expect(state.run).toMatchObject({ status: "finished", done: 150 });
  });

  it("Should log a failure with its reason", () => {
    const state = fold({
      type: "failed",
      run: run({ status: "failed" }),
      error: { code: "needs_reauth", message: "Salesforce refused the refresh token." },
    });
    expect(state.run?.error?.code).toBe("needs_reauth");
    expect(state.log[0]).toMatchObject({
      text: "Read Design failed: Salesforce refused the refresh token.",
      tone: "danger",
    });
  });

  it("Should log a cancellation", () => {
    const state = fold({ type: "progress", run: run({ status: "cancelled" }) });
    expect(state.log.map((line) => line.text)).toEqual(["Read Design cancelled"]);
  });

  it("Should start following a new run", () => {
    const state = fold(
      { type: "finished", run: run({ status: "finished", done: 150 }), message: FINISHED },
      { type: "progress", run: run({ id: "r2", done: 0, startedAt: "2026-05-01T10:00:00Z" }) },
    );
    expect(state.run).toMatchObject({ id: "r2", status: "running" });
    expect(state.log).toHaveLength(1);
  });

  it("Should replace the connection on a connection event", () => {
    const updated = { ...connection, status: "needs_reauth" } as Connection;
    const state = fold(
      { type: "snapshot", connection, run: null },
      { type: "connection", connection: updated },
    );
    expect(state.connection?.status).toBe("needs_reauth");
  });
});

describe("isNewerRun", () => {
  it("Should not let an older run replace a newer one", () => {
    const newer = run({ id: "r2", startedAt: "2026-05-01T10:00:00Z" });
    expect(isNewerRun(newer, run({ id: "r1", status: "finished" }))).toBe(false);
    expect(isNewerRun(run({ id: "r1" }), newer)).toBe(true);
  });

  it("Should take another run when start times cannot be compared", () => {
    expect(isNewerRun(run({ startedAt: "" }), run({ id: "r2", startedAt: "" }))).toBe(true);
  });
});
