import { toHttpDate } from "../../salesforce/requests.ts";
import { resolveReadOptions } from "./options.ts";
import type { ProgressEvent, ReadOptions, ReadState, RunError } from "./types.ts";

/** What the caller knows about the previous read, for incremental runs and removed objects. */
export interface PreviousRead {
  /** When the previous read started (ISO 8601); `null` when it never finished. */
  readAt: string | null;
  /** Names of the objects that have a design now. */
  objects: readonly string[];
  /**
   * Names whose design is older than `readAt` because their describe failed in that read: they
   * are re-read unconditionally, else a 304 would keep the outdated design for good.
   */
  stale?: readonly string[];
}

const CURRENT_LIMIT = 100;

/**
 * A new run, ready for `next`. An incremental run without a previous read reads everything.
 *
 * @example
 * let state = createReadState({ options: { mode: "incremental" }, previous: { readAt, objects: names } });
 */
export function createReadState(
  input: { options?: ReadOptions; previous?: PreviousRead | null; now?: number } = {},
): ReadState {
  const options = resolveReadOptions(input.options);
  const previous = [...new Set(input.previous?.objects ?? [])].sort();
  const readAt = input.previous?.readAt ?? null;
  return {
    version: 1,
    options,
    status: "running",
    phase: "listing",
    startedAt: new Date(input.now ?? Date.now()).toISOString(),
    finishedAt: null,
    since: options.mode === "incremental" && readAt !== null ? toHttpDate(readAt) : null,
    previous,
    stale: [...new Set(input.previous?.stale ?? [])].sort(),
    queue: [],
    retryQueue: [],
    attempts: {},
    listingAttempts: 0,
    listingNotBefore: 0,
    inFlight: [],
    total: 0,
    read: 0,
    unchanged: 0,
    removed: 0,
    failed: [],
    seq: 0,
    apiCalls: 0,
    limit: null,
    budgetCalls: null,
    plannedRequests: 0,
    describeRequests: 0,
    auth: { epoch: 0, refreshPending: false, verified: false },
    timing: { listMs: null, samples: 0, objects: 0, totalMs: 0 },
    error: null,
  };
}

/**
 * Puts requests that were in flight when the state was persisted back in line (their answers
 * are lost with the process that sent them). Call it once when resuming a persisted state.
 */
export function releaseInFlight(state: ReadState): ReadState {
  if (state.inFlight.length === 0) return state;
  const names = state.inFlight.flatMap((request) => request.names);
  const listing = state.inFlight.some((request) => request.kind === "list");
  return {
    ...state,
    inFlight: [],
    queue: [...names, ...state.queue],
    listingNotBefore: listing ? 0 : state.listingNotBefore,
  };
}

/** Records that the caller fetched a fresh access token after a `refresh-token` step. */
export function tokenRefreshed(state: ReadState): ReadState {
  return {
    ...state,
    auth: { epoch: state.auth.epoch + 1, refreshPending: false, verified: false },
  };
}

/** Ends the run with an error; answers still in flight are folded in when they arrive. */
export function failRun(state: ReadState, error: RunError, now: number): ReadState {
  if (state.status !== "running") return state;
  return { ...state, status: "failed", error, finishedAt: new Date(now).toISOString() };
}

/** Cancels a running run (the user pressed cancel). */
export function cancelRun(state: ReadState, now: number = Date.now()): ReadState {
  if (state.status !== "running") return state;
  return { ...state, status: "cancelled", finishedAt: new Date(now).toISOString() };
}

/**
 * Marks a run whose describes are all answered (phase `saving`) as finished, once the caller has
 * saved the design. Returns the final progress event.
 */
export function finishRun(
  state: ReadState,
  now: number = Date.now(),
): { state: ReadState; event: ProgressEvent } {
  if (state.phase !== "saving" || state.status !== "running") {
    throw new Error(
      `Only a running run in phase "saving" can finish (status ${state.status}, phase ${state.phase})`,
    );
  }
  const done: ReadState = {
    ...state,
    phase: "done",
    status: "finished",
    finishedAt: new Date(now).toISOString(),
  };
  return { state: done, event: progress(done) };
}

/** The progress of a run right now, in the edge API's Run terms. */
export function progress(state: ReadState): ProgressEvent {
  const current: string[] = [];
  for (const request of state.inFlight) {
    for (const name of request.names) if (current.length < CURRENT_LIMIT) current.push(name);
  }
  return {
    phase: state.phase,
    status: state.status,
    done: state.read + state.unchanged + state.failed.length,
    total: state.total,
    read: state.read,
    unchanged: state.unchanged,
    removed: state.removed,
    current,
    apiCalls: state.apiCalls,
    failedObjects: state.failed,
    limit: state.limit,
    error: state.error,
  };
}

/** Jittered exponential backoff ("equal jitter": half fixed, half random). */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return delay / 2 + random() * (delay / 2);
}

/**
 * When the run can next make progress (epoch ms): `0` for now, a retry time, or `null` when it
 * needs nothing more (finished, failed, or waiting to be saved). Alarms derive from this.
 */
export function resumeAt(state: ReadState): number | null {
  if (state.status !== "running" || state.phase === "saving" || state.phase === "done") return null;
  if (state.auth.refreshPending || state.inFlight.length > 0) return 0;
  if (state.phase === "listing") return state.listingNotBefore;
  if (state.queue.length > 0) return 0;
  if (state.retryQueue.length === 0) return null;
  return Math.min(...state.retryQueue.map((entry) => entry.notBefore));
}
