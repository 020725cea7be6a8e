import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { connectionStub } from "../stub.ts";
import { explainRunError, OutageTracker, outageError, waitingMessage } from "./outage.ts";
import { RunStore } from "./run-store.ts";

const LIMITS = { outageMs: 10_000, outageProbeMaxMs: 4_000 };

/** A tracker over a fresh Durable Object's run store. */
async function withTracker(
  fetchImpl: typeof fetch,
  test: (tracker: OutageTracker, runs: RunStore) => void | Promise<void>,
) {
  await runInDurableObject(connectionStub(env, crypto.randomUUID()), async (_instance, ctx) => {
    const runs = new RunStore(ctx.storage.sql);
    await test(new OutageTracker(runs, LIMITS, fetchImpl), runs);
  });
}

const refused: typeof fetch = () => Promise.reject(new TypeError("Network connection lost."));
const answering: typeof fetch = () => Promise.resolve(new Response("[]", { status: 503 }));

describe("OutageTracker (a run waiting for an absent Salesforce)", () => {
  it("Should double the pause between probes up to the cap and expire after the allowed wait", async () => {
    await withTracker(refused, (tracker) => {
      const pauses = [0, 1_000, 3_000, 7_000].map((at) => {
        const { outage, expired } = tracker.note("run-1", at);
        expect(expired).toBe(false);
        return outage.nextAt - at;
      });
      expect(pauses).toEqual([1_000, 2_000, 4_000, 4_000]);
      const last = tracker.note("run-1", 10_000);
      expect(last.expired).toBe(true);
      expect(last.outage.since).toBe(0);
      expect(outageError(last.outage, 10_000)).toEqual({
        code: "salesforce_unavailable",
        message: expect.stringContaining("did not answer for 10 s") as string,
      });
    });
  });

  it("Should belong to one run and be gone once cleared", async () => {
    await withTracker(refused, (tracker) => {
      tracker.note("run-1", 0);
      expect(tracker.of("run-2")).toBeNull();
      expect(tracker.of("run-1")?.probes).toBe(1);
      expect(waitingMessage(tracker.of("run-1")!)).toMatch(/not answering/);
      tracker.clear();
      expect(tracker.of("run-1")).toBeNull();
      expect(tracker.note("run-1", 50).outage.since).toBe(50);
    });
  });

  it("Should count any HTTP answer as reachable and a network failure as not", async () => {
    await withTracker(refused, async (tracker) => {
      expect(await tracker.reachable()).toBe(true); // nothing known to probe yet
      tracker.rememberInstance("https://example.my.salesforce.com");
      expect(await tracker.reachable()).toBe(false);
    });
    await withTracker(answering, async (tracker) => {
      tracker.rememberInstance("https://example.my.salesforce.com");
      expect(await tracker.reachable()).toBe(true);
    });
  });

  it("Should word the daily limit error for people and leave other errors alone", () => {
    const limit = explainRunError({
      code: "request_limit_exceeded",
      message: "TotalRequests Limit exceeded.",
    });
    expect(limit.message).toMatch(/daily API request limit.*TotalRequests Limit exceeded/);
    const other = { code: "listing_failed", message: "Could not list the objects" };
    expect(explainRunError(other)).toBe(other);
  });
});
