import type { UsageCounter } from "../../salesforce/limit-info.ts";

/** How describes are sent: `/composite` (1 API call per 25), `/composite/batch` (1 per object), or one by one. */
export type ReadStrategy = "composite" | "batch" | "single";
/** `incremental` re-reads only what changed since the previous read (If-Modified-Since). */
export type ReadMode = "full" | "incremental";
/** The edge API's Run phases. */
export type RunPhase = "listing" | "describing" | "saving" | "done";
/** The engine's run statuses (the edge adds `queued`). */
export type RunStatus = "running" | "finished" | "failed" | "cancelled";

/** Why a run stopped early: `{code, message}` as the edge API reports it. */
export interface RunError {
  code:
    | "request_limit_exceeded"
    | "api_budget_exhausted"
    | "invalid_session"
    | "token_unavailable"
    | "listing_failed";
  message: string;
}

/** An object whose describe failed for good in this run. */
export interface FailedObject {
  name: string;
  error: string;
}

/** Tuning knobs; every one has a default. */
export interface ReadOptions {
  mode?: ReadMode;
  strategy?: ReadStrategy;
  /** Objects per composite or batch request, 1 to 25 (default 25). */
  batchSize?: number;
  /** Tries per object (and for the listing) before it is recorded as failed (default 4). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, with jitter (default 500 ms). */
  retryBaseMs?: number;
  /** Retry delay cap (default 10 s). */
  retryMaxMs?: number;
  /** Composite calls the scheduler may add beyond the minimum to balance lanes (default 2). */
  extraCalls?: number;
  /** Use at most this share (%) of the daily API calls remaining when the run starts (default 50). */
  budgetPercent?: number;
  /** Starting guesses for the scheduler's timing model; refined from measured answers. */
  costModel?: { requestMs?: number; perObjectMs?: number };
}

/** {@link ReadOptions} with defaults applied, kept in the state so a resumed run behaves the same. */
export interface ResolvedReadOptions {
  mode: ReadMode;
  strategy: ReadStrategy;
  batchSize: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  extraCalls: number;
  budgetPercent: number;
  requestMs: number;
  perObjectMs: number;
}

/** A request sent and not yet answered. */
export interface InFlightRequest {
  id: string;
  kind: "list" | "describe";
  names: string[];
  sentAt: number;
  /**
   * Sent ahead (`lookaheadMs`): when its lane is expected to free up, so service starts then,
   * not at `sentAt` (it waits in Salesforce's or the runtime's queue meanwhile).
   */
  startsAt?: number;
  /** Its lane's next request was already sent ahead: it no longer holds a lane. */
  handedOff?: boolean;
  /** Token generation it was sent with (see `tokenRefreshed`). */
  epoch: number;
  /** API calls it costs. */
  cost: number;
}

/**
 * The whole run as plain JSON: names, cursor, counters and retry bookkeeping, never describes.
 * Persist it after every `next`/`apply` and resume from any copy.
 */
export interface ReadState {
  version: 1;
  options: ResolvedReadOptions;
  status: RunStatus;
  phase: RunPhase;
  startedAt: string;
  finishedAt: string | null;
  /** If-Modified-Since (HTTP-date) for an incremental run; `null` reads everything. */
  since: string | null;
  /** Names with a design from the previous read, sorted. */
  previous: string[];
  /** Names among `previous` whose design is older than the previous read (it failed then): never conditional. */
  stale: string[];
  /** Objects waiting to be described, in order. */
  queue: string[];
  /** Objects waiting for a retry, and when they may go again (epoch ms). */
  retryQueue: { name: string; notBefore: number }[];
  /** Failed tries per object (only objects that failed at least once). */
  attempts: Record<string, number>;
  listingAttempts: number;
  listingNotBefore: number;
  inFlight: InFlightRequest[];
  total: number;
  read: number;
  unchanged: number;
  removed: number;
  failed: FailedObject[];
  seq: number;
  /** API calls this run has used, as Salesforce counts them. */
  apiCalls: number;
  /** The latest `api-usage` from `Sforce-Limit-Info`. */
  limit: UsageCounter | null;
  /** Calls this run may use (from `budgetPercent`), known after the first `Sforce-Limit-Info`. */
  budgetCalls: number | null;
  /** Describe requests the plan allows (composite), fixed when the listing arrives. */
  plannedRequests: number;
  describeRequests: number;
  auth: { epoch: number; refreshPending: boolean; verified: boolean };
  timing: { listMs: number | null; samples: number; objects: number; totalMs: number };
  error: RunError | null;
}

/** Progress as the edge API's Run reports it, emitted after every `apply`. */
export interface ProgressEvent {
  phase: RunPhase;
  status: RunStatus;
  done: number;
  total: number;
  read: number;
  unchanged: number;
  removed: number;
  /** Objects being described right now (at most 100 names). */
  current: string[];
  apiCalls: number;
  failedObjects: FailedObject[];
  limit: UsageCounter | null;
  error: RunError | null;
}
