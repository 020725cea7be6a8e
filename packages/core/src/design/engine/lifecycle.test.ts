import { describe, expect, it } from "vitest";
import { apply } from "./apply.ts";
import { listAnswer } from "./engine.test-helpers.ts";
import {
  backoffMs,
  cancelRun,
  createReadState,
  finishRun,
  progress,
  releaseInFlight,
  resumeAt,
} from "./lifecycle.ts";
import { next } from "./next.ts";
import type { ReadState } from "./types.ts";

const NOW = Date.parse("2026-03-01T10:00:00Z");

function describing(names: string[]): ReadState {
  const step = next(createReadState({ now: NOW }), { now: NOW, maxInFlight: 6 });
  return apply(step.state, [listAnswer("r1", names)], { now: NOW }).state;
}

describe("run lifecycle", () => {
  it("Should start listing, running, with the start time and no token generation", () => {
    const state = createReadState({ now: NOW });
    expect(state).toMatchObject({
      status: "running",
      phase: "listing",
      startedAt: "2026-03-01T10:00:00.000Z",
    });
    expect(resumeAt(state)).toBe(0);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it("Should put requests in flight back in line on resume", () => {
    const sent = next(describing(["A", "B", "C"]), { now: NOW, maxInFlight: 6 }).state;
    expect(sent.inFlight.flatMap((request) => request.names).sort()).toEqual(["A", "B", "C"]);
    expect(sent.queue).toEqual([]);
    const resumed = releaseInFlight(sent);
    expect(resumed.inFlight).toEqual([]);
    expect([...resumed.queue].sort()).toEqual(["A", "B", "C"]);
    const listing = next(createReadState(), { now: NOW, maxInFlight: 1 }).state;
    expect(releaseInFlight(listing)).toMatchObject({ inFlight: [], listingNotBefore: 0 });
  });

  it("Should cancel only a running run", () => {
    const cancelled = cancelRun(describing(["A"]), NOW);
    expect(cancelled).toMatchObject({
      status: "cancelled",
      finishedAt: "2026-03-01T10:00:00.000Z",
    });
    expect(cancelRun(cancelled, NOW + 1)).toBe(cancelled);
    expect(next(cancelled, { now: NOW, maxInFlight: 6 }).kind).toBe("finished");
    expect(resumeAt(cancelled)).toBeNull();
  });

  it("Should finish only a run whose describes are all answered", () => {
    expect(() => finishRun(describing(["A"]), NOW)).toThrow(/phase "saving"/);
    const saving = describing([]);
    expect(finishRun(saving, NOW).state).toMatchObject({ status: "finished", phase: "done" });
  });

  it("Should derive the next wake-up time from retries", () => {
    const state: ReadState = {
      ...describing(["A"]),
      queue: [],
      retryQueue: [{ name: "A", notBefore: NOW + 5_000 }],
    };
    expect(resumeAt(state)).toBe(NOW + 5_000);
    expect(resumeAt({ ...state, auth: { ...state.auth, refreshPending: true } })).toBe(0);
  });

  it("Should report at most 100 objects in progress as current", () => {
    const names = Array.from({ length: 300 }, (_, i) => `O${i}__c`);
    const sent = next(describing(names), { now: NOW, maxInFlight: 25 }).state;
    const event = progress(sent);
    expect(event.current).toHaveLength(100);
    expect(event).toMatchObject({ phase: "describing", done: 0, total: 300, apiCalls: 1 });
  });

  it("Should back off exponentially with bounded, jittered delays", () => {
    expect(backoffMs(1, 100, 1_000, () => 0)).toBe(50);
    expect(backoffMs(1, 100, 1_000, () => 1)).toBe(100);
    expect(backoffMs(3, 100, 1_000, () => 1)).toBe(400);
    expect(backoffMs(10, 100, 1_000, () => 1)).toBe(1_000);
  });
});
