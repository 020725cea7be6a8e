import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { EmulatorConfig } from "./config.ts";
import { DEFAULT_CONFIG, parseConfigPatch } from "./config.ts";
import { controlRequest } from "./control.ts";
import { BodyError } from "./http/body.ts";
import { RequestContext } from "./http/context.ts";
import type { Reply } from "./http/reply.ts";
import { encodeReply, writeReply } from "./http/reply.ts";
import { waitUntil } from "./latency.ts";
import { isOAuthPath, oauthRequest } from "./oauth/routes.ts";
import { generateOrg } from "./org/generator.ts";
import { loadOrgDir } from "./org/loader.ts";
import { OrgStore } from "./org/org-store.ts";
import type { OrgObject } from "./org/types.ts";
import { notFound, restError } from "./rest/errors.ts";
import { restRequest } from "./rest/rest-handler.ts";
import { LATEST_VERSION } from "./rest/versions.ts";
import { EmulatorState } from "./state.ts";

/** Options of `startEmulator`. */
export interface StartOptions {
  /** 0 = a free port (the default in-process; the CLI uses `SF_EMULATOR_PORT` ?? 8788). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** A generated org (default: 150 objects, seed 42) or a real org loaded from a folder. */
  org?: { objects?: number; seed?: number } | { dir: string };
  config?: Partial<EmulatorConfig>;
  /** Clock in ms since the epoch, for tests of expiry rules (default `Date.now`). */
  now?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. "http://127.0.0.1:8788": the login host and the `instance_url`. */
  url: string;
  port: number;
  /** Resolves once every describe is pre-rendered (warming starts by itself at start). */
  warm(): Promise<void>;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

function orgObjects(org: StartOptions["org"]): OrgObject[] {
  if (org && "dir" in org) return loadOrgDir(org.dir);
  return generateOrg(org ?? {}).objects;
}

function internalError(error: unknown): Reply {
  if (error instanceof BodyError)
    return restError(
      error.status,
      error.status === 413 ? "REQUEST_TOO_LARGE" : "JSON_PARSER_ERROR",
      error.message,
    );
  console.error(
    "salesforce-emulator: unexpected error",
    error instanceof Error ? error.stack : error,
  );
  return restError(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred.");
}

async function dispatch(ctx: RequestContext, res: ServerResponse): Promise<void> {
  const { state, path } = ctx;
  if (path === "/__emulator" || path.startsWith("/__emulator/")) {
    writeReply(res, await controlRequest(ctx));
    return;
  }
  state.requests.record(path);
  if (path === "/services/data" || path.startsWith("/services/data/")) {
    const release = await state.gate.acquire();
    try {
      const start = performance.now();
      const { reply, describes } = await restRequest(ctx);
      const encoded = await encodeReply(reply, ctx.req);
      await waitUntil(start + state.config.latencyMs + describes * state.config.perDescribeMs);
      writeReply(res, encoded);
    } finally {
      release();
    }
    return;
  }
  const start = performance.now();
  const reply = isOAuthPath(path) ? await oauthRequest(ctx) : notFound();
  const encoded = await encodeReply(reply, ctx.req);
  await waitUntil(start + state.config.latencyMs);
  writeReply(res, encoded);
}

/**
 * Starts the emulator (node:http, no dependencies). The org is planned at start; describes are
 * rendered lazily and warmed in the background.
 * @example
 * const sf = await startEmulator({ org: { objects: 1500 }, config: { latencyMs: 150 } });
 * await fetch(`${sf.url}/services/data/`); await sf.close();
 */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const config = { ...DEFAULT_CONFIG, ...parseConfigPatch(options.config ?? {}) };
  const now = options.now ?? Date.now;
  const org = new OrgStore(orgObjects(options.org), now());
  const state = new EmulatorState(org, config, now);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const ctx = new RequestContext(req, state);
    res.on("close", () => ctx.finish());
    dispatch(ctx, res).catch((error: unknown) => {
      if (!res.headersSent) writeReply(res, internalError(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  state.baseUrl = url;
  state.cookieName = `sfemu_sid_${port}`;
  org.setBaseUrl(url);
  let closed = false;
  const warming = org.warm(LATEST_VERSION, () => closed);
  return {
    url,
    port,
    warm: () => warming,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closed = true;
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
