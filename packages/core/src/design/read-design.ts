import { createFetchSender } from "../salesforce/transport.ts";
import { diffDesigns } from "./diff.ts";
import { type DriveResult, drive } from "./drive.ts";
import { createReadState, finishRun } from "./engine/lifecycle.ts";
import type {
  FailedObject,
  ProgressEvent,
  ReadOptions,
  RunError,
  RunStatus,
} from "./engine/types.ts";
import type { DesignChanges, ObjectDesign } from "./model.ts";

/** Everything `readDesign` needs; give `accessToken` or `getAccessToken`. */
export interface ReadDesignInput {
  instanceUrl: string;
  accessToken?: string;
  /** Called with `force: true` once after a 401; without it a 401 ends the run. */
  getAccessToken?: (force: boolean) => Promise<string>;
  fetch?: typeof fetch;
  /**
   * The previous read (a `ReadDesignResult` fits): incremental runs re-read only what changed
   * since `readAt`, and always re-read objects that failed then; removed objects are detected.
   */
  previous?: {
    readAt: string | null;
    objects: readonly ObjectDesign[];
    failedObjects?: readonly FailedObject[];
  } | null;
  options?: ReadOptions;
  /** Lanes: requests being served at once (default 10). */
  maxInFlight?: number;
  /**
   * Send a lane's next request this long before its current one should end (default 0), so a
   * busy parse here never leaves a lane idle; see `NextContext.lookaheadMs`.
   */
  lookaheadMs?: number;
  /** Per-request timeout (default 120 s). */
  timeoutMs?: number;
  /** Ask for gzip (default true); see `createFetchSender`. */
  compression?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

/** The outcome of a whole read. */
export interface ReadDesignResult {
  status: RunStatus;
  error: RunError | null;
  /**
   * Up to when the returned design is known current (ISO 8601): this read's start when it
   * finished, else the previous read's `readAt` (objects it did not reach may be older).
   */
  readAt: string | null;
  /** The design after this read, sorted by name: objects read, plus earlier designs kept (304 or failed). */
  objects: ObjectDesign[];
  changes: DesignChanges;
  read: number;
  unchanged: number;
  removed: string[];
  failedObjects: FailedObject[];
  apiCalls: number;
  /** HTTP requests sent. */
  requests: number;
}

function tokenSource(input: ReadDesignInput): (force: boolean) => Promise<string> {
  if (input.getAccessToken) return input.getAccessToken;
  const token = input.accessToken;
  if (!token) throw new TypeError("readDesign needs accessToken or getAccessToken");
  return async (force) => {
    if (force)
      throw new Error("the access token was refused and no getAccessToken was given to refresh it");
    return token;
  };
}

/**
 * Reads every object's design in one call (Node scripts, tests, the benchmark): lists objects,
 * describes them with the configured strategy, and returns the merged design and its changes.
 *
 * @example
 * const result = await readDesign({ instanceUrl, accessToken, options: { strategy: "composite" }, maxInFlight: 25 });
 * console.log(result.objects.length, result.apiCalls);
 */
export async function readDesign(input: ReadDesignInput): Promise<ReadDesignResult> {
  const getAccessToken = tokenSource(input);
  const send = createFetchSender({
    instanceUrl: input.instanceUrl,
    ...(input.fetch ? { fetch: input.fetch } : {}),
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
    ...(input.compression === undefined ? {} : { compression: input.compression }),
  });
  const previous = input.previous ?? null;
  const design = new Map(previous?.objects.map((object) => [object.name, object]));
  const removed: string[] = [];
  let state = createReadState({
    ...(input.options ? { options: input.options } : {}),
    previous: previous
      ? {
          readAt: previous.readAt,
          objects: [...design.keys()],
          stale: (previous.failedObjects ?? []).map((failed) => failed.name),
        }
      : null,
  });
  const driven: DriveResult = await drive(state, {
    send,
    getAccessToken,
    maxInFlight: input.maxInFlight ?? 10,
    ...(input.lookaheadMs === undefined ? {} : { lookaheadMs: input.lookaheadMs }),
    onApplied: (result) => {
      for (const object of result.read) design.set(object.name, object);
      for (const name of result.removed) design.delete(name);
      removed.push(...result.removed);
      for (const event of result.events) input.onProgress?.(event);
    },
  });
  state = driven.state;
  if (driven.outcome === "complete") {
    const finished = finishRun(state);
    state = finished.state;
    input.onProgress?.(finished.event);
  }
  const objects = [...design.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return {
    status: state.status,
    error: state.error,
    readAt: state.status === "finished" ? state.startedAt : (previous?.readAt ?? null),
    objects,
    changes: diffDesigns(previous, { readAt: state.startedAt, objects }),
    read: state.read,
    unchanged: state.unchanged,
    removed,
    failedObjects: state.failed,
    apiCalls: state.apiCalls,
    requests: driven.requests,
  };
}
