import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { startEmulator } from "./server.ts";
import { api, authorize, authorizeUrl } from "./testing/test-support.ts";

describe("startEmulator", () => {
  it("Should listen on 127.0.0.1 on a free port and stop on close", async () => {
    const emulator = await startEmulator({ org: { objects: 3 } });
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect((await fetch(`${emulator.url}/services/data/`)).status).toBe(200);
    await emulator.close();
    await expect(fetch(`${emulator.url}/services/data/`)).rejects.toThrow();
  });

  it("Should start a 3,000-object org in seconds and serve describes at once", async () => {
    const start = performance.now();
    const emulator = await startEmulator({ org: { objects: 3000, seed: 7 } });
    try {
      // "Ready in seconds" (about 1 s here), with room for a busy CI machine.
      expect(performance.now() - start).toBeLessThan(10_000);
      const token = (await authorize(emulator)).access_token;
      const global = (await (
        await api(emulator, "/services/data/v62.0/sobjects/", token)
      ).json()) as { sobjects: { name: string }[] };
      expect(global.sobjects).toHaveLength(3000);
      const last = global.sobjects.at(-1)?.name ?? "";
      expect(
        (await api(emulator, `/services/data/v62.0/sobjects/${last}/describe`, token)).status,
      ).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  it("Should give each port its own sfemu_ login cookie", async () => {
    const [a, b] = await Promise.all([
      startEmulator({ org: { objects: 3 } }),
      startEmulator({ org: { objects: 3 } }),
    ]);
    try {
      const login = (url: string) =>
        fetch(url, {
          method: "POST",
          redirect: "manual",
          body: new URLSearchParams({ username: "admin@example.com", password: "password" }),
        });
      const cookieA = (await login(authorizeUrl(a))).headers.get("set-cookie") ?? "";
      const cookieB = (await login(authorizeUrl(b))).headers.get("set-cookie") ?? "";
      expect(cookieA).toMatch(new RegExp(`^sfemu_sid_${a.port}=`));
      expect(cookieB).toMatch(new RegExp(`^sfemu_sid_${b.port}=`));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("Should refuse a bad config and an org folder that does not exist", async () => {
    await expect(startEmulator({ config: { latencyMs: -5 } })).rejects.toThrow(/latencyMs/);
    await expect(startEmulator({ org: { dir: "/nonexistent/org" } })).rejects.toThrow(
      /org folder not found/,
    );
  });

  it("Should answer 404 NOT_FOUND outside Salesforce's paths", async () => {
    const emulator = await startEmulator({ org: { objects: 3 } });
    try {
      const response = await fetch(`${emulator.url}/nothing/here`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe("NOT_FOUND");
    } finally {
      await emulator.close();
    }
  });
});
