import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "./server.ts";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

describe("versions list", () => {
  it("Should list API versions 31.0 to 62.0 without auth", async () => {
    const res = await fetch(`${emulator.url}/services/data/`);
    expect(res.status).toBe(200);
    const versions = (await res.json()) as { version: string }[];
    expect(versions[0]?.version).toBe("31.0");
    expect(versions.at(-1)?.version).toBe("62.0");
  });
});
