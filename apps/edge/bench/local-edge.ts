/**
 * A throwaway `wrangler dev` edge for benchmarks and load runs: fresh local D1 and Durable Object
 * state, LOCAL_DEV on, bound to 127.0.0.1 on a free port. Stops with the process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  EDGE_DIR,
  OFFLINE_WRANGLER_ENV,
  WEB_DIR,
  edgeDevArgs,
  ensureDevVars,
  waitFor,
} from "../../../scripts/lib/local-env.mjs";
import { run } from "../../../scripts/lib/processes.mjs";

export interface LocalEdge {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startLocalEdge(): Promise<LocalEdge> {
  const port = await freePort();
  const persistTo = mkdtempSync(join(tmpdir(), "edge-bench-"));
  ensureDevVars();
  mkdirSync(`${WEB_DIR}/build`, { recursive: true });
  await run(
    "pnpm",
    ["exec", "wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
    { cwd: EDGE_DIR, env: { ...OFFLINE_WRANGLER_ENV, CI: "true" } },
  );
  const child: ChildProcess = spawn("pnpm", edgeDevArgs({ edgePort: port, persistTo }), {
    cwd: EDGE_DIR,
    env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(persistTo, { recursive: true, force: true });
  };
  process.once("exit", () => void stop());
  await waitFor(`${url}/api/v1/health`, { timeoutMs: 60_000, ok: (res) => res.status < 600 });
  return { url, stop };
}
