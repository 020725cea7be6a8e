/**
 * A throwaway `wrangler dev` edge for benchmarks, load runs and the Node-side fault suite: local
 * D1 and Durable Object state (fresh, or a given persist dir so a killed edge can come back with
 * its state), LOCAL_DEV on, bound to 127.0.0.1 on a free (or given) port. Stops with the process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
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

export interface LocalEdgeOptions {
  /** Port to bind (default: a free one). Give the old port to restart a killed edge. */
  port?: number;
  /** Local state folder (default: a new temporary one, deleted on `stop`). */
  persistTo?: string;
  /** Apply D1 migrations first (default: only when the state folder is new). */
  migrate?: boolean;
  /** How long `wrangler dev` may take to answer (default 60 s). */
  startTimeoutMs?: number;
}

export interface LocalEdge {
  url: string;
  port: number;
  persistTo: string;
  /** Resolves when the `wrangler dev` process has exited (for whatever reason). */
  exited: Promise<void>;
  /** SIGKILLs the whole process group (wrangler and workerd), as a crash would; keeps the state. */
  kill(): Promise<void>;
  /** Stops the edge (SIGTERM, then SIGKILL) and deletes a temporary state folder. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resolves once nothing accepts connections on the port any more (bounded). */
async function portClosed(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `wrangler dev` and resolves once it answers `/api/v1/health`.
 * @example
 * const edge = await startLocalEdge();
 * await edge.kill();
 * const again = await startLocalEdge({ port: edge.port, persistTo: edge.persistTo });
 */
export async function startLocalEdge(options: LocalEdgeOptions = {}): Promise<LocalEdge> {
  const port = options.port ?? (await freePort());
  const temporary = options.persistTo === undefined;
  const persistTo = options.persistTo ?? mkdtempSync(join(tmpdir(), "edge-bench-"));
  ensureDevVars();
  mkdirSync(`${WEB_DIR}/build`, { recursive: true });
  if (options.migrate ?? temporary) {
    await run(
      "pnpm",
      ["exec", "wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
      { cwd: EDGE_DIR, env: { ...OFFLINE_WRANGLER_ENV, CI: "true" } },
    );
  }
  const child: ChildProcess = spawn(
    "pnpm",
    edgeDevArgs({ edgePort: port, portalUrl: undefined, persistTo }),
    {
      cwd: EDGE_DIR,
      env: { ...process.env, ...OFFLINE_WRANGLER_ENV },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const onExit = () => signalGroup(child, "SIGKILL");
  process.once("exit", onExit);
  const kill = async () => {
    signalGroup(child, "SIGKILL");
    await exited;
    await portClosed(port);
    process.off("exit", onExit);
  };
  const stop = async () => {
    signalGroup(child, "SIGTERM");
    const late = setTimeout(() => signalGroup(child, "SIGKILL"), 3_000);
    await exited;
    clearTimeout(late);
    // workerd may outlive the pnpm process by a moment.
    signalGroup(child, "SIGKILL");
    process.off("exit", onExit);
    if (temporary) rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitFor(`${url}/api/v1/health`, {
        timeoutMs: options.startTimeoutMs ?? 60_000,
        ok: (res: Response) => res.status < 600,
      }),
      exited.then(() => {
        throw new Error(`wrangler dev on port ${port} exited before answering`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, persistTo, exited, kill, stop };
}
