import { describe, expect, it } from "vitest";
import { apply } from "./apply.ts";
import { answer, compositeAnswer, half, listedState, NOW, send } from "./engine.test-helpers.ts";
import { createReadState, finishRun } from "./lifecycle.ts";
import { next } from "./next.ts";
import { objectNames } from "../test-support/fake-salesforce.ts";

describe("apply: listing", () => {
  it("Should queue every listed object and report removed ones", () => {
    const result = listedState(["Account", "Contact"], {}, ["Account", "Gone__c"]);
    expect(result.removed).toEqual(["Gone__c"]);
    expect(result.state).toMatchObject({
      phase: "describing",
      total: 2,
      removed: 1,
      queue: ["Account", "Contact"],
    });
    expect(result.events[0]).toMatchObject({ phase: "describing", done: 0, total: 2, apiCalls: 1 });
  });

  it("Should finish at once when describeGlobal answers 304", () => {
    const first = send(
      createReadState({
        options: { mode: "incremental" },
        previous: { readAt: "2026-02-01T00:00:00Z", objects: ["B", "A"] },
      }),
    );
    const result = apply(first.state, [answer("r1", 304, null)], { now: NOW });
    expect(result.unchanged).toEqual(["A", "B"]);
    expect(result.state).toMatchObject({ phase: "saving", total: 2, unchanged: 2, apiCalls: 1 });
    expect(next(result.state, { now: NOW, maxInFlight: 6 }).kind).toBe("finished");
    expect(finishRun(result.state, NOW).event).toMatchObject({
      phase: "done",
      status: "finished",
      done: 2,
      total: 2,
    });
  });

  it("Should still read objects that failed last time when describeGlobal answers 304", () => {
    const previous = { readAt: "2026-02-01T00:00:00Z", objects: ["A", "B", "C"], stale: ["B"] };
    const first = send(createReadState({ options: { mode: "incremental" }, previous }));
    const result = apply(first.state, [answer("r1", 304, null)], { now: NOW });
    expect(result.unchanged).toEqual(["A", "C"]);
    expect(result.state).toMatchObject({
      phase: "describing",
      queue: ["B"],
      total: 3,
      unchanged: 2,
    });
  });

  it("Should read a stale object that has no earlier design when describeGlobal answers 304", () => {
    const previous = { readAt: "2026-02-01T00:00:00Z", objects: ["A", "C"], stale: ["B"] };
    const first = send(createReadState({ options: { mode: "incremental" }, previous }));
    const result = apply(first.state, [answer("r1", 304, null)], { now: NOW });
    expect(result.unchanged).toEqual(["A", "C"]);
    expect(result.state).toMatchObject({ phase: "describing", queue: ["B"], total: 3 });
  });

  it("Should finish with nothing to read when the org lists no objects", () => {
    expect(listedState([]).state.phase).toBe("saving");
  });

  it("Should retry a 503 listing with backoff, then fail the run after the last attempt", () => {
    let state = send(createReadState({ options: { maxAttempts: 2, retryBaseMs: 100 } })).state;
    state = apply(
      state,
      [answer("r1", 503, [{ errorCode: "SERVER_UNAVAILABLE", message: "busy" }])],
      { now: NOW, random: half },
    ).state;
    expect(state.listingNotBefore).toBe(NOW + 75);
    expect(next(state, { now: NOW + 10, maxInFlight: 6 })).toMatchObject({
      kind: "wait",
      until: NOW + 75,
    });
    state = send(state, 6, NOW + 80).state;
    state = apply(
      state,
      [answer("r2", 503, [{ errorCode: "SERVER_UNAVAILABLE", message: "busy" }])],
      { now: NOW + 90 },
    ).state;
    expect(state.status).toBe("failed");
    expect(state.error).toEqual({
      code: "listing_failed",
      message: "Could not list the objects: SERVER_UNAVAILABLE: busy",
    });
  });

  it("Should ignore answers to requests that are not in flight", () => {
    const state = send(createReadState()).state;
    expect(apply(state, [answer("r99", 200, {})], { now: NOW }).state).toEqual(state);
  });
});

describe("apply: describes", () => {
  it("Should read objects, fail only the 404 and 500 ones and retry the 503 one", () => {
    const listed = listedState(["Account", "Missing__c", "Broken__c", "Busy__c"]).state;
    const sent = send(listed, 1);
    const status = (name: string) =>
      ({ Missing__c: 404, Broken__c: 500, Busy__c: 503 })[name] ?? 200;
    const result = apply(sent.state, [compositeAnswer(sent.requests[0]!, status)], {
      now: NOW + 500,
      random: half,
    });
    expect(result.read.map((object) => object.name)).toEqual(["Account"]);
    expect(result.failed).toEqual([
      { name: "Missing__c", error: "NOT_FOUND: failure 404" },
      { name: "Broken__c", error: "UNKNOWN_EXCEPTION: failure 500" },
    ]);
    expect(result.state.retryQueue).toEqual([{ name: "Busy__c", notBefore: NOW + 500 + 375 }]);
    expect(result.state.phase).toBe("describing");
    expect(result.events[0]).toMatchObject({
      done: 3,
      total: 4,
      read: 1,
      failedObjects: result.failed,
    });
  });

  it("Should retry a whole 503 composite per object and give up after maxAttempts", () => {
    let state = listedState(["A", "B"], { maxAttempts: 2, retryBaseMs: 10 }).state;
    let now = NOW;
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const sent = send(state, 1, now);
      state = apply(
        sent.state,
        [answer(sent.requests[0]!.id, 503, [{ errorCode: "SERVER_UNAVAILABLE", message: "x" }])],
        { now, random: half },
      ).state;
      now += 1_000;
    }
    expect(state.failed).toEqual([
      { name: "A", error: "SERVER_UNAVAILABLE: x (gave up after 2 attempts)" },
      { name: "B", error: "SERVER_UNAVAILABLE: x (gave up after 2 attempts)" },
    ]);
    expect(state.phase).toBe("saving");
  });

  it("Should treat UNABLE_TO_LOCK_ROW and timeouts as retryable", () => {
    const listed = listedState(["A", "B"]).state;
    const sent = send(listed, 1);
    const request = sent.requests[0]!;
    const locked = answer(request.id, 200, {
      compositeResponse: [
        {
          body: [{ errorCode: "UNABLE_TO_LOCK_ROW", message: "locked" }],
          httpStatusCode: 400,
          referenceId: "d0",
        },
      ],
    });
    const state = apply(sent.state, [locked], { now: NOW, random: half }).state;
    // A is retried; B had no subanswer at all and is retried too.
    expect(state.retryQueue.map((entry) => entry.name)).toEqual(["A", "B"]);
    const again = send(state, 1, NOW + 10_000);
    const timedOut = {
      ...answer(again.requests[0]!.id, 0, [{ errorCode: "TIMEOUT", message: "slow" }]),
      headers: { limitInfo: null, lastModified: null },
    };
    const after = apply(again.state, [timedOut], { now: NOW + 10_001, random: half }).state;
    expect(after.attempts).toEqual({ A: 2, B: 2 });
    expect(after.apiCalls).toBe(2); // the timed-out request is not counted
  });

  it("Should keep earlier designs of objects answering 304", () => {
    const listed = listedState(
      ["A", "B"],
      { mode: "incremental" },
      ["A", "B"],
      "2026-02-01T00:00:00Z",
    ).state;
    const sent = send(listed, 1);
    const result = apply(
      sent.state,
      [compositeAnswer(sent.requests[0]!, (name) => (name === "A" ? 304 : 200))],
      { now: NOW },
    );
    expect(result.unchanged).toEqual(["A"]);
    expect(result.read.map((object) => object.name)).toEqual(["B"]);
    expect(result.state).toMatchObject({ phase: "saving", read: 1, unchanged: 1 });
  });

  it("Should fail an object whose describe cannot be read", () => {
    const sent = send(listedState(["A"]).state, 1);
    const bad = answer(sent.requests[0]!.id, 200, {
      compositeResponse: [{ body: { nope: true }, httpStatusCode: 200, referenceId: "d0" }],
    });
    expect(apply(sent.state, [bad], { now: NOW }).failed).toEqual([
      {
        name: "A",
        error: "Unexpected response from Salesforce (HTTP 200): not an sObject describe: no name",
      },
    ]);
  });

  it("Should read batch and single answers", () => {
    const batch = send(listedState(["A", "B"], { strategy: "batch" }).state, 1);
    const batchAnswer = answer(batch.requests[0]!.id, 200, {
      hasErrors: true,
      results: [
        { statusCode: 200, result: { name: "A", fields: [] } },
        { statusCode: 404, result: [{ errorCode: "NOT_FOUND", message: "gone" }] },
      ],
    });
    const batchResult = apply(batch.state, [batchAnswer], { now: NOW });
    expect(batchResult.read.map((object) => object.name)).toEqual(["A"]);
    expect(batchResult.state.apiCalls).toBe(3);
    const single = send(listedState(["A"], { strategy: "single" }).state, 1);
    const singleResult = apply(
      single.state,
      [answer(single.requests[0]!.id, 200, { name: "A", fields: [] })],
      { now: NOW },
    );
    expect(singleResult.state).toMatchObject({ phase: "saving", read: 1, apiCalls: 2 });
  });
});

describe("apply: timing of requests sent ahead", () => {
  it("Should not count the time a request sent ahead waited for its lane", () => {
    const { state, requests } = send(listedState(objectNames(10)).state, 1);
    const request = requests[0];
    if (!request) throw new Error("no request");
    const inFlight = state.inFlight.map((entry) => ({ ...entry, startsAt: entry.sentAt + 100 }));
    const reply = { ...compositeAnswer(request), elapsedMs: 500 };
    const after = apply({ ...state, inFlight }, [reply], { now: NOW + 600 }).state;
    expect(after.timing.totalMs - state.timing.totalMs).toBe(400);
  });
});
