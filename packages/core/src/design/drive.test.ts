import { describe, expect, it } from "vitest";
import { drive } from "./drive.ts";
import { apply } from "./engine/apply.ts";
import { persisted } from "./engine/engine.test-helpers.ts";
import { createReadState, finishRun, releaseInFlight, resumeAt } from "./engine/lifecycle.ts";
import { next } from "./engine/next.ts";
import type { ReadOptions, ReadState } from "./engine/types.ts";
import type { ObjectDesign } from "./model.ts";
import { readAll, token } from "./test-support/read-all.ts";
import { FakeSalesforce, objectNames } from "./test-support/fake-salesforce.ts";

const fastRetries: ReadOptions = { retryBaseMs: 1, retryMaxMs: 2 };

describe("drive", () => {
  it("Should read every object with few API calls and finish in phase saving", async () => {
    const org = new FakeSalesforce(objectNames(130));
    const { state, outcome, design, requests } = await readAll(
      org,
      createReadState({ options: fastRetries }),
      6,
    );
    expect(outcome).toBe("complete");
    expect(state.phase).toBe("saving");
    expect([...design.keys()].sort()).toEqual(objectNames(130).sort());
    expect(state.apiCalls).toBe(org.apiUsage);
    expect(org.apiUsage).toBeLessThanOrEqual(1 + Math.ceil(130 / 25) + 2);
    expect(requests).toBe(org.log.length);
    expect(finishRun(state).state).toMatchObject({ status: "finished", phase: "done" });
  });

  it("Should resume from any persisted state and end with the same design", async () => {
    const names = objectNames(90);
    const reference = (await readAll(new FakeSalesforce(names), createReadState(), 3)).design;
    const org = new FakeSalesforce(names);
    org.fault = ({ name, attempt }) =>
      name === "Lead" && attempt === 1
        ? { status: 503, body: [{ errorCode: "SERVER_UNAVAILABLE", message: "x" }] }
        : null;
    const design = new Map<string, ObjectDesign>();
    let saved = JSON.stringify(createReadState({ options: { ...fastRetries, batchSize: 3 } }));
    let sends = 0;
    let crashes = 0;
    for (let step = 0; step < 1_000; step += 1) {
      // Load, take one step, persist; every third send "crashes" with its answers in flight.
      let state = releaseInFlight(JSON.parse(saved) as ReadState);
      const planned = next(state, { now: Date.now(), maxInFlight: 2 });
      state = planned.state;
      if (planned.kind === "finished") break;
      if (planned.kind === "wait") {
        await new Promise((resolve) => setTimeout(resolve, 3));
        saved = JSON.stringify(state);
        continue;
      }
      if (planned.kind === "refresh-token") throw new Error("no refresh expected");
      saved = JSON.stringify(state);
      const answers = await Promise.all(
        planned.requests.map((request) => org.send(request, "token-1")),
      );
      sends += 1;
      if (sends % 3 === 0) {
        crashes += 1;
        continue; // the answers are lost; the persisted state still has them in flight
      }
      for (const answer of answers) {
        const applied = apply(JSON.parse(saved) as ReadState, [answer], { now: Date.now() });
        for (const object of applied.read) design.set(object.name, object);
        saved = JSON.stringify(persisted(applied.state));
      }
    }
    const final = JSON.parse(saved) as ReadState;
    expect(crashes).toBeGreaterThan(3);
    expect(final.phase).toBe("saving");
    expect(final.failed).toEqual([]);
    expect(final.read).toBeGreaterThanOrEqual(90);
    expect([...design.entries()].sort()).toEqual([...reference.entries()].sort());
  });

  it("Should continue a run stopped by its deadline in a later call", async () => {
    const org = new FakeSalesforce(objectNames(100));
    const slow: typeof org.send = async (request, accessToken) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return org.send(request, accessToken);
    };
    let state = createReadState({ options: { batchSize: 5 } });
    const design = new Map<string, ObjectDesign>();
    let calls = 0;
    for (;;) {
      calls += 1;
      const result = await drive(persisted(state), {
        send: slow,
        getAccessToken: token,
        maxInFlight: 2,
        deadlineMs: 40,
        onApplied: (applied) => applied.read.forEach((object) => design.set(object.name, object)),
      });
      state = result.state;
      if (result.outcome === "complete") break;
      expect(result.outcome).toBe("deadline");
      expect(resumeAt(state)).toBe(0);
    }
    expect(calls).toBeGreaterThan(2);
    expect(design.size).toBe(100);
  });

  it("Should retry 503s with backoff and record objects that keep failing", async () => {
    const org = new FakeSalesforce(objectNames(40));
    org.fault = ({ name, attempt }) =>
      name === "Case" || (name === "Lead" && attempt < 3)
        ? { status: 503, body: [{ errorCode: "SERVER_UNAVAILABLE", message: "busy" }] }
        : null;
    const { state, design } = await readAll(
      org,
      createReadState({ options: { ...fastRetries, maxAttempts: 4 } }),
    );
    expect(design.has("Lead")).toBe(true);
    expect(design.has("Case")).toBe(false);
    expect(state.failed).toEqual([
      { name: "Case", error: "SERVER_UNAVAILABLE: busy (gave up after 4 attempts)" },
    ]);
    expect(state.read).toBe(39);
  });

  it("Should get a fresh token once after a 401 and go on", async () => {
    const org = new FakeSalesforce(objectNames(60));
    org.tokens.clear();
    org.tokens.add("old");
    const forced: boolean[] = [];
    let served = 0;
    const send: typeof org.send = async (request, accessToken) => {
      served += 1;
      if (served === 3) {
        org.tokens.clear(); // the session expires mid-run
        org.tokens.add("fresh");
      }
      return org.send(request, accessToken);
    };
    const getAccessToken = async (force: boolean) => {
      forced.push(force);
      return force ? "fresh" : "old";
    };
    const result = await drive(createReadState(), { send, getAccessToken, maxInFlight: 2 });
    expect(result.outcome).toBe("complete");
    expect(forced).toEqual([false, true]);
    expect(result.state.read).toBe(60);
  });

  it("Should end the run when the refresh itself fails, without leaking the token", async () => {
    const org = new FakeSalesforce(objectNames(5));
    org.tokens.clear();
    const result = await drive(createReadState(), {
      send: org.send,
      getAccessToken: async (force) => {
        if (force) throw new Error("invalid_grant: expired access/refresh token");
        return "secret-token";
      },
    });
    expect(result.outcome).toBe("ended");
    expect(result.state.error).toEqual({
      code: "token_unavailable",
      message: "No usable access token: invalid_grant: expired access/refresh token",
    });
    expect(JSON.stringify(result.state)).not.toContain("secret-token");
  });

  it("Should stop as failed when the daily limit is reached", async () => {
    const org = new FakeSalesforce(objectNames(100));
    // Salesforce refuses the third composite: another integration used up the daily limit.
    org.fault = ({ path, name, attempt }) =>
      name === null && path.endsWith("/composite") && attempt >= 3
        ? {
            status: 403,
            body: [
              { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." },
            ],
          }
        : null;
    const result = await drive(createReadState(), {
      send: org.send,
      getAccessToken: token,
      maxInFlight: 1,
    });
    expect(result.outcome).toBe("ended");
    expect(result.state.error?.code).toBe("request_limit_exceeded");
    expect(result.state.read).toBeGreaterThan(0);
  });

  it("Should stop before crossing the API budget", async () => {
    const org = new FakeSalesforce(objectNames(100));
    org.apiUsage = 14_900; // 100 calls remain; 50% of them = 50 calls, not enough for 100 singles
    const result = await drive(createReadState({ options: { strategy: "single" } }), {
      send: org.send,
      getAccessToken: token,
    });
    expect(result.state.error?.code).toBe("api_budget_exhausted");
    expect(org.apiUsage - 14_900).toBe(1);
  });

  it("Should stop sending when asked to", async () => {
    const org = new FakeSalesforce(objectNames(100));
    let applied = 0;
    const result = await drive(createReadState({ options: { batchSize: 5 } }), {
      send: org.send,
      getAccessToken: token,
      maxInFlight: 2,
      shouldStop: () => applied >= 3,
      onApplied: () => void (applied += 1),
    });
    expect(result.outcome).toBe("stopped");
    expect(result.state.inFlight).toEqual([]);
    expect(result.state.read).toBeLessThan(100);
  });
});
