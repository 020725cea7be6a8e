import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "./server.ts";
import { api, authorize, control, startTest } from "./testing/test-support.ts";

let emulator: RunningEmulator;
let token: string;
beforeAll(async () => {
  emulator = await startTest();
  await emulator.warm();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "reset", {});
  token = (await authorize(emulator)).access_token;
});

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const describePath = (name: string) => `/services/data/v62.0/sobjects/${name}/describe`;
const composite = (names: string[]) =>
  api(emulator, "/services/data/v62.0/composite", token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      compositeRequest: names.map((n, i) => ({
        method: "GET",
        url: describePath(n),
        referenceId: `r${i}`,
      })),
    }),
  }).then((r) => r.arrayBuffer());

describe("latency model", () => {
  it("Should add latencyMs + perDescribeMs to a describe, latencyMs alone to describeGlobal", async () => {
    await control(emulator, "config", { latencyMs: 60, perDescribeMs: 40 });
    const describeMs = await timed(() =>
      api(emulator, describePath("Account"), token).then((r) => r.arrayBuffer()),
    );
    expect(describeMs).toBeGreaterThanOrEqual(100);
    expect(describeMs).toBeLessThan(250);
    const globalMs = await timed(() =>
      api(emulator, "/services/data/v62.0/sobjects/", token).then((r) => r.arrayBuffer()),
    );
    expect(globalMs).toBeGreaterThanOrEqual(60);
    expect(globalMs).toBeLessThan(200);
  });

  it("Should cost latencyMs + k * perDescribeMs for a composite of k describes", async () => {
    // Wide margins so a busy machine cannot flake it: one latency (250 ms), not five (1,050 ms).
    await control(emulator, "config", { latencyMs: 200, perDescribeMs: 10 });
    const names = ["Account", "Contact", "Lead", "Opportunity", "Case"];
    const ms = await timed(() => composite(names));
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(900);
  });

  it("Should add latency to OAuth answers too", async () => {
    await control(emulator, "config", { latencyMs: 80 });
    const ms = await timed(() =>
      fetch(`${emulator.url}/.well-known/openid-configuration`).then((r) => r.arrayBuffer()),
    );
    expect(ms).toBeGreaterThanOrEqual(80);
  });

  it("Should queue REST requests beyond maxConcurrent in arrival order", async () => {
    // Three waves of two (600 ms); one at a time would take 1,200 ms, no queue 200 ms.
    await control(emulator, "config", { latencyMs: 200, maxConcurrent: 2 });
    const ms = await timed(() =>
      Promise.all(
        Array.from({ length: 6 }, () =>
          api(emulator, "/services/data/v62.0/limits", token).then((r) => r.arrayBuffer()),
        ),
      ),
    );
    expect(ms).toBeGreaterThanOrEqual(600);
    expect(ms).toBeLessThan(1100);
  });

  it("Should answer a cached describe within a few milliseconds per round trip without latency", async () => {
    await api(emulator, describePath("Account"), token).then((r) => r.arrayBuffer());
    const rounds = 50;
    const ms = await timed(async () => {
      for (let i = 0; i < rounds; i++)
        await api(emulator, describePath("Account"), token).then((r) => r.arrayBuffer());
    });
    // Generous: the point is "no hidden latency", measured precisely by `pnpm bench`.
    expect(ms / rounds).toBeLessThan(50);
  });

  it("Should add no latency to the control API", async () => {
    await control(emulator, "config", { latencyMs: 300 });
    expect(await timed(() => control(emulator, "state"))).toBeLessThan(150);
  });
});
