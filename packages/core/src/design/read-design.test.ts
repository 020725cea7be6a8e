import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "./engine/types.ts";
import { readDesign } from "./read-design.ts";
import { FakeSalesforce, makeDescribe, objectNames } from "./test-support/fake-salesforce.ts";

const instanceUrl = "https://acme.my.salesforce.com";

describe("readDesign", () => {
  it("Should read the whole design over fetch and report progress up to done", async () => {
    const org = new FakeSalesforce(objectNames(80));
    const events: ProgressEvent[] = [];
    const result = await readDesign({
      instanceUrl,
      accessToken: "token-1",
      fetch: org.fetch,
      maxInFlight: 4,
      onProgress: (event) => events.push(event),
    });
    expect(result.status).toBe("finished");
    expect(result.objects.map((object) => object.name)).toEqual(objectNames(80).sort());
    expect(result.changes.objects.added).toHaveLength(80);
    expect(result.changes.from).toBeNull();
    expect(result.apiCalls).toBe(org.apiUsage);
    expect(result.requests).toBe(org.log.length);
    expect(events[0]?.phase).toBe("describing");
    expect(events.at(-1)).toMatchObject({ phase: "done", status: "finished", done: 80, total: 80 });
    expect(events.map((event) => event.done)).toEqual(
      [...events.map((event) => event.done)].sort((a, b) => a - b),
    );
  });

  it("Should re-read incrementally and give the changes between the two reads", async () => {
    const T0 = Date.parse("2026-01-10T00:00:00Z");
    const org = new FakeSalesforce(objectNames(50), T0);
    const first = await readDesign({ instanceUrl, accessToken: "token-1", fetch: org.fetch });
    org.put(makeDescribe("Contact", 4), Date.now() + 1_000);
    org.remove("Task", Date.now() + 1_000);
    const second = await readDesign({
      instanceUrl,
      accessToken: "token-1",
      fetch: org.fetch,
      previous: { readAt: first.readAt, objects: first.objects },
      options: { mode: "incremental" },
    });
    expect(second).toMatchObject({ status: "finished", read: 1, unchanged: 48, removed: ["Task"] });
    expect(second.objects).toHaveLength(49);
    expect(second.changes).toEqual({
      from: first.readAt,
      to: second.readAt,
      objects: {
        added: [],
        removed: ["Task"],
        changed: [
          {
            name: "Contact",
            attributesChanged: [],
            fields: { added: ["F3__c"], removed: [], changed: [] },
          },
        ],
      },
    });
  });

  it("Should keep an earlier design of an object that failed this time", async () => {
    const org = new FakeSalesforce(["Account", "Case"]);
    const first = await readDesign({ instanceUrl, accessToken: "token-1", fetch: org.fetch });
    org.fault = ({ name }) =>
      name === "Case" ? { status: 404, body: [{ errorCode: "NOT_FOUND", message: "gone" }] } : null;
    const second = await readDesign({
      instanceUrl,
      accessToken: "token-1",
      fetch: org.fetch,
      previous: first,
    });
    expect(second.failedObjects).toEqual([{ name: "Case", error: "NOT_FOUND: gone" }]);
    expect(second.objects.map((object) => object.name)).toEqual(["Account", "Case"]);
    expect(second.status).toBe("finished");
  });

  it("Should re-read an object that failed last time even though it is unchanged since", async () => {
    const org = new FakeSalesforce(["Account", "Case"], Date.parse("2026-01-01T00:00:00Z"));
    const first = await readDesign({ instanceUrl, accessToken: "token-1", fetch: org.fetch });
    org.put(makeDescribe("Case", 6), Date.now());
    // If-Modified-Since has one-second precision: the change must be a second older than the next read.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    org.fault = ({ name }) =>
      name === "Case"
        ? { status: 500, body: [{ errorCode: "UNKNOWN_EXCEPTION", message: "x" }] }
        : null;
    const incremental = {
      options: { mode: "incremental" as const },
      instanceUrl,
      accessToken: "token-1",
      fetch: org.fetch,
    };
    const second = await readDesign({ ...incremental, previous: first });
    expect(second.failedObjects.map((failed) => failed.name)).toEqual(["Case"]);
    expect(second.objects.find((object) => object.name === "Case")?.fields).toHaveLength(3);
    org.fault = null;
    // Case has not changed since the second read started, but its design is older than that read.
    const third = await readDesign({ ...incremental, previous: second });
    expect(third.read).toBe(1);
    expect(third.objects.find((object) => object.name === "Case")?.fields).toHaveLength(6);
  });

  it("Should not hand out its start as readAt when the read did not finish", async () => {
    const org = new FakeSalesforce(["Account"]);
    const first = await readDesign({ instanceUrl, accessToken: "token-1", fetch: org.fetch });
    org.apiLimit = org.apiUsage + 1; // the listing fits, nothing else
    const second = await readDesign({
      instanceUrl,
      accessToken: "token-1",
      fetch: org.fetch,
      previous: first,
      options: { budgetPercent: 100 },
    });
    expect(second.status).toBe("failed");
    expect(second.readAt).toBe(first.readAt);
  });

  it("Should fail cleanly on a 401 when it cannot refresh the token", async () => {
    const org = new FakeSalesforce(["Account"]);
    const result = await readDesign({ instanceUrl, accessToken: "stale", fetch: org.fetch });
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("token_unavailable");
    expect(JSON.stringify(result)).not.toContain("stale");
  });

  it("Should refuse to start without a token source", async () => {
    await expect(readDesign({ instanceUrl })).rejects.toThrow(/accessToken or getAccessToken/);
  });
});
