import { describe, expect, it } from "vitest";
import { apply } from "./apply.ts";
import { listAnswer, namesOf, persisted } from "./engine.test-helpers.ts";
import { createReadState } from "./lifecycle.ts";
import { next } from "./next.ts";
import type { ReadOptions, ReadState } from "./types.ts";
import { objectNames } from "../test-support/fake-salesforce.ts";

const NOW = Date.parse("2026-03-01T10:00:00Z");

function listed(
  names: readonly string[],
  options: ReadOptions = {},
  previous: string[] = [],
  readAt: string | null = null,
): ReadState {
  const first = next(
    createReadState({ options, previous: { readAt, objects: previous }, now: NOW }),
    { now: NOW, maxInFlight: 25 },
  );
  if (first.kind !== "send") throw new Error("expected the listing request");
  return apply(first.state, [listAnswer(first.requests[0]?.id ?? "", names)], { now: NOW + 150 })
    .state;
}

describe("next: planning", () => {
  it("Should list objects first, alone, and unconditionally on a full read", () => {
    const step = next(createReadState({ now: NOW }), { now: NOW, maxInFlight: 6 });
    expect(step.kind).toBe("send");
    if (step.kind !== "send") return;
    expect(step.requests).toEqual([
      {
        id: "r1",
        method: "GET",
        path: "/services/data/v62.0/sobjects/",
        headers: { Accept: "application/json", "Accept-Encoding": "gzip" },
      },
    ]);
    expect(next(step.state, { now: NOW, maxInFlight: 6 }).kind).toBe("wait");
  });

  it("Should list with If-Modified-Since of the previous read on an incremental run", () => {
    const state = createReadState({
      options: { mode: "incremental" },
      previous: { readAt: "2026-02-01T08:30:00.250Z", objects: ["Account"] },
    });
    const step = next(state, { now: NOW, maxInFlight: 6 });
    expect(step.kind === "send" && step.requests[0]?.headers["If-Modified-Since"]).toBe(
      "Sun, 01 Feb 2026 08:30:00 GMT",
    );
  });

  it("Should read everything when an incremental run has no previous read", () => {
    const state = createReadState({ options: { mode: "incremental" }, previous: null });
    expect(state.since).toBeNull();
  });

  it("Should refuse a bad maxInFlight", () => {
    expect(() => next(createReadState(), { now: NOW, maxInFlight: 0 })).toThrow(RangeError);
  });
});

describe("next: batching", () => {
  it("Should cover every object exactly once in composites of at most 25, one per lane", () => {
    const names = objectNames(1500);
    const step = next(listed(names), { now: NOW + 150, maxInFlight: 25 });
    expect(step.kind).toBe("send");
    if (step.kind !== "send") return;
    expect(step.requests).toHaveLength(25);
    const sent = step.requests.flatMap(namesOf);
    expect(sent.every((name, i) => name === names[i])).toBe(true);
    for (const request of step.requests) {
      expect(request.path).toBe("/services/data/v62.0/composite");
      expect(namesOf(request).length).toBeLessThanOrEqual(25);
    }
    expect(step.state.inFlight).toHaveLength(25);
    expect(step.state.queue).toHaveLength(1500 - sent.length);
    expect(next(step.state, { now: NOW + 160, maxInFlight: 25 }).kind).toBe("wait");
  });

  it("Should plan few, full composites for a small org", () => {
    const step = next(listed(objectNames(40)), { now: NOW + 150, maxInFlight: 25 });
    if (step.kind !== "send") throw new Error("expected describes");
    // ceil(40 / 25) + 2 extra calls at most: a handful of requests, not 25 tiny ones.
    expect(step.requests.length).toBeLessThanOrEqual(4);
    expect(step.requests.flatMap(namesOf)).toHaveLength(40);
  });

  it("Should use /composite/batch for the batch strategy and single describes for single", () => {
    const batch = next(listed(objectNames(30), { strategy: "batch" }), {
      now: NOW,
      maxInFlight: 2,
    });
    if (batch.kind !== "send") throw new Error("expected describes");
    expect(
      batch.requests.every((request) => request.path === "/services/data/v62.0/composite/batch"),
    ).toBe(true);
    expect(batch.state.inFlight.map((request) => request.cost)).toEqual(
      batch.requests.map((request) => namesOf(request).length),
    );
    const single = next(listed(objectNames(30), { strategy: "single" }), {
      now: NOW,
      maxInFlight: 4,
    });
    if (single.kind !== "send") throw new Error("expected describes");
    expect(single.requests.map((request) => request.path)).toEqual([
      "/services/data/v62.0/sobjects/Account/describe",
      "/services/data/v62.0/sobjects/Case/describe",
      "/services/data/v62.0/sobjects/Contact/describe",
      "/services/data/v62.0/sobjects/Lead/describe",
    ]);
  });

  it("Should make only previously read objects conditional on an incremental run", () => {
    const state = listed(
      ["Account", "New__c"],
      { mode: "incremental" },
      ["Account"],
      "2026-02-01T00:00:00Z",
    );
    const step = next(state, { now: NOW, maxInFlight: 1 });
    if (step.kind !== "send") throw new Error("expected describes");
    expect((step.requests[0]?.body as { compositeRequest: unknown[] }).compositeRequest).toEqual([
      {
        method: "GET",
        url: "/services/data/v62.0/sobjects/Account/describe",
        referenceId: "d0",
        httpHeaders: { "If-Modified-Since": "Sun, 01 Feb 2026 00:00:00 GMT" },
      },
      { method: "GET", url: "/services/data/v62.0/sobjects/New__c/describe", referenceId: "d1" },
    ]);
  });

  it("Should never make an object that failed in the previous read conditional", () => {
    const first = next(
      createReadState({
        options: { mode: "incremental" },
        previous: { readAt: "2026-02-01T00:00:00Z", objects: ["Account", "Case"], stale: ["Case"] },
        now: NOW,
      }),
      { now: NOW, maxInFlight: 1 },
    );
    if (first.kind !== "send") throw new Error("expected the listing request");
    const state = apply(first.state, [listAnswer("r1", ["Account", "Case"])], { now: NOW }).state;
    const step = next(state, { now: NOW, maxInFlight: 1 });
    if (step.kind !== "send") throw new Error("expected describes");
    const subrequests = (
      step.requests[0]?.body as { compositeRequest: { httpHeaders?: unknown }[] }
    ).compositeRequest;
    expect(subrequests.map((sub) => sub.httpHeaders !== undefined)).toEqual([true, false]);
  });

  it("Should keep the state plain JSON", () => {
    const step = next(listed(objectNames(100)), { now: NOW, maxInFlight: 6 });
    expect(persisted(step.state)).toEqual(step.state);
  });
});

describe("next: end of describing", () => {
  it("Should move a drained run to saving rather than leave it describing", () => {
    const drained = { ...listed(["A"]), queue: [] };
    const step = next(drained, { now: NOW, maxInFlight: 6 });
    expect(step.kind).toBe("finished");
    expect(step.state.phase).toBe("saving");
  });
});

describe("next: lookahead", () => {
  const T = NOW + 150;
  const context = (now: number, settling: string[] = []) => ({
    now,
    maxInFlight: 2,
    lookaheadMs: 100,
    settling,
  });
  // Listing took 150 ms; 25 ms per object until describes are measured.
  const endOf = (request: { sentAt: number; startsAt?: number; names: string[] }) =>
    (request.startsAt ?? request.sentAt) + 150 + request.names.length * 25;

  function firstWave() {
    const step = next(listed(objectNames(200)), context(T));
    if (step.kind !== "send") throw new Error("expected describes");
    return step.state;
  }

  it("Should wake up lookaheadMs before the first lane is expected to end", () => {
    const state = firstWave();
    const step = next(state, context(T + 10));
    const ends = state.inFlight.map(endOf);
    expect(step).toMatchObject({ kind: "wait", until: Math.min(...ends) - 100 });
  });

  it("Should send the next request of every lane ending soon, starting when it frees up", () => {
    const state = firstWave();
    const at = Math.min(...state.inFlight.map(endOf)) - 100;
    const ending = state.inFlight.filter((request) => endOf(request) - at <= 100);
    const step = next(state, context(at));
    if (step.kind !== "send") throw new Error(`expected requests ahead, got ${step.kind}`);
    expect(step.requests).toHaveLength(ending.length);
    const ahead = step.state.inFlight.filter((request) => request.startsAt !== undefined);
    expect(ahead.map((request) => [request.sentAt, request.startsAt])).toEqual(
      ending.map((request) => [at, endOf(request)]),
    );
    for (const request of ending) {
      expect(step.state.inFlight.find((entry) => entry.id === request.id)?.handedOff).toBe(true);
    }
    // A handed-off lane is not freed twice: neither now nor when its answer arrives.
    expect(next(step.state, context(at)).kind).toBe("wait");
    const answered = ending.map((request) => request.id);
    expect(next(step.state, context(at + 1, answered)).kind).toBe("wait");
    expect(persisted(step.state)).toEqual(step.state);
  });

  it("Should not wake up early without lookahead", () => {
    const state = firstWave();
    expect(next(state, { now: T + 10, maxInFlight: 2 })).toMatchObject({
      kind: "wait",
      until: null,
    });
  });
});
