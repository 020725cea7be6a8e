import { describe, expect, it } from "vitest";
import { objectNames } from "../test-support/fake-salesforce.ts";
import { apply } from "./apply.ts";
import {
  answer,
  compositeAnswer,
  listAnswer,
  namesOf,
  half,
  listedState,
  NOW,
  send,
} from "./engine.test-helpers.ts";
import { createReadState, tokenRefreshed } from "./lifecycle.ts";
import { next } from "./next.ts";

describe("apply: session, limits and budget", () => {
  it("Should ask for a fresh token once on 401 and re-send the objects", () => {
    const sent = send(listedState(objectNames(30)).state, 2);
    const expired = (id: string) =>
      answer(id, 401, [{ errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid" }]);
    let state = apply(sent.state, [expired(sent.requests[0]!.id)], { now: NOW }).state;
    expect(next(state, { now: NOW, maxInFlight: 2 }).kind).toBe("refresh-token");
    // The other request, sent with the same old token, fails too: no second refresh is asked.
    state = apply(state, [expired(sent.requests[1]!.id)], { now: NOW }).state;
    expect(state.queue).toHaveLength(30);
    expect(state.apiCalls).toBe(1);
    state = tokenRefreshed(state);
    const resent = send(state, 2);
    expect(resent.requests.flatMap(namesOf)).toHaveLength(30);
    // A 401 again with the fresh token ends the run.
    const failed = apply(resent.state, [expired(resent.requests[0]!.id)], { now: NOW }).state;
    expect(failed.status).toBe("failed");
    expect(failed.error?.code).toBe("invalid_session");
  });

  it("Should refresh again later once the fresh token was accepted", () => {
    let state = tokenRefreshed(listedState(["A", "B"]).state);
    const first = send(state, 1);
    state = apply(
      first.state,
      [compositeAnswer(first.requests[0]!, (name) => (name === "A" ? 200 : 503))],
      { now: NOW, random: half },
    ).state;
    const second = send(state, 1, NOW + 60_000);
    state = apply(
      second.state,
      [answer(second.requests[0]!.id, 401, [{ errorCode: "INVALID_SESSION_ID", message: "x" }])],
      { now: NOW + 60_001 },
    ).state;
    expect(state.status).toBe("running");
    expect(state.auth.refreshPending).toBe(true);
  });

  it("Should stop as failed on REQUEST_LIMIT_EXCEEDED and keep what was read", () => {
    const sent = send(listedState(objectNames(50)).state, 2);
    const [first, second] = sent.requests;
    let result = apply(
      sent.state,
      [
        answer(first!.id, 403, [
          { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." },
        ]),
      ],
      { now: NOW },
    );
    expect(result.state.status).toBe("failed");
    expect(result.state.error).toEqual({
      code: "request_limit_exceeded",
      message: "TotalRequests Limit exceeded.",
    });
    expect(next(result.state, { now: NOW, maxInFlight: 2 }).kind).toBe("finished");
    result = apply(result.state, [compositeAnswer(second!)], { now: NOW });
    expect(result.read).toHaveLength(namesOf(second!).length);
  });

  it("Should refuse to start describing when the budget cannot cover the read", () => {
    const first = send(createReadState({ options: { budgetPercent: 10, strategy: "single" } }));
    const result = apply(
      first.state,
      [
        {
          ...listAnswer("r1", objectNames(200)),
          headers: {
            limitInfo: {
              apiUsage: { used: 14_000, max: 15_000 },
              perAppApiUsage: null,
              apiBursts: null,
            },
            lastModified: null,
          },
        },
      ],
      { now: NOW },
    );
    expect(result.state.budgetCalls).toBe(100);
    expect(result.state.status).toBe("failed");
    expect(result.state.error?.code).toBe("api_budget_exhausted");
  });

  it("Should stop sending before the budget is crossed", () => {
    const first = send(createReadState({ options: { budgetPercent: 50, strategy: "single" } }));
    const usage = {
      apiUsage: { used: 14_990, max: 15_000 },
      perAppApiUsage: null,
      apiBursts: null,
    };
    // 11 calls remained before the listing: 5 may be used; the listing used 1, so 4 describes fit.
    let state = apply(
      first.state,
      [{ ...listAnswer("r1", ["A", "B"]), headers: { limitInfo: usage, lastModified: null } }],
      { now: NOW },
    ).state;
    expect(state.budgetCalls).toBe(5);
    state = { ...state, queue: objectNames(10), total: 10 };
    const step = next(state, { now: NOW, maxInFlight: 10 });
    expect(step.kind).toBe("send");
    if (step.kind !== "send") return;
    expect(step.requests).toHaveLength(4);
    expect(step.state.status).toBe("failed");
    expect(step.state.error?.code).toBe("api_budget_exhausted");
  });
});
