import { describe, expect, it } from "vitest";
import { parseEvent } from "./parse-event.ts";

const run = { id: "r1", status: "running", done: 3, total: 10 };

describe("parseEvent", () => {
  it("Should accept each message type of the contract", () => {
    expect(
      parseEvent(JSON.stringify({ type: "snapshot", run, connection: { id: "c1" } }))?.type,
    ).toBe("snapshot");
    expect(parseEvent(JSON.stringify({ type: "progress", run }))?.type).toBe("progress");
    expect(parseEvent(JSON.stringify({ type: "connection", connection: { id: "c1" } }))?.type).toBe(
      "connection",
    );
  });

  it("Should keep a snapshot without a run", () => {
    const event = parseEvent(
      JSON.stringify({ type: "snapshot", run: null, connection: { id: "c1" } }),
    );
    expect(event).toEqual({ type: "snapshot", run: null, connection: { id: "c1" } });
  });

  it("Should take the finished message from the run when the event lacks it", () => {
    const event = parseEvent(
      JSON.stringify({
        type: "finished",
        run: { ...run, message: "Finished reading layout from SFORCE001" },
      }),
    );
    expect(event).toMatchObject({
      type: "finished",
      message: "Finished reading layout from SFORCE001",
    });
  });

  it("Should give a failed event an error even when the edge sent none", () => {
    const event = parseEvent(JSON.stringify({ type: "failed", run: { ...run, error: null } }));
    expect(event).toMatchObject({ type: "failed", error: { code: "failed" } });
  });

  it("Should reject what is not a contract message", () => {
    expect(parseEvent("not json")).toBeNull();
    expect(parseEvent(JSON.stringify([1, 2]))).toBeNull();
    expect(parseEvent(JSON.stringify({ type: "progress" }))).toBeNull();
    expect(parseEvent(JSON.stringify({ type: "hello", run }))).toBeNull();
    expect(parseEvent(new ArrayBuffer(2))).toBeNull();
  });
});
