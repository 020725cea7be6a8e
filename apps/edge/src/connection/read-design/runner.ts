import {
  cancelRun,
  createReadState,
  drive,
  finishRun,
  resumeAt,
  type ApplyResult,
  type ReadMode,
  type ReadOptions,
  type ReadState,
} from "@portal/core/design";
import { createFetchSender } from "@portal/core/salesforce";
import type { AccessTokenResult } from "../token-broker.ts";
import type { DesignStore } from "./design-store.ts";
import {
  DEFAULT_OUTAGE_LIMITS,
  explainRunError,
  outageError,
  OutageTracker,
  waitingMessage,
  type OutageLimits,
} from "./outage.ts";
import { toRunView, type RunRecord, type RunStore, type RunView } from "./run-store.ts";

/** What the runner tells the outside world (the event hub, the D1 summary). */
export type RunEvent =
  | { type: "progress"; run: RunView }
  | { type: "finished"; run: RunView; message: string }
  | { type: "failed"; run: RunView; error: { code: string; message: string } };

export interface RunnerDeps {
  storage: DurableObjectStorage;
  runs: RunStore;
  design: DesignStore;
  getAccessToken: (force: boolean) => Promise<AccessTokenResult>;
  /** Called after every state change worth showing; throttling is the runner's job. */
  emit: (event: RunEvent) => void;
  /** Called when a run ended (finished, failed or cancelled), to update D1. */
  ended: (run: RunView) => Promise<void>;
  connectionCode: () => string;
  fetch?: typeof fetch;
  now?: () => number;
  limits?: Partial<ChunkLimits>;
  /** Engine options for new runs (strategy, retries); the run's mode always wins. */
  readOptions?: ReadOptions;
  /** `false` leaves the alarm alone: a caller drives `alarm()` itself (tests, tools). */
  scheduleAlarms?: boolean;
}

/** Bounds of one alarm's chunk of work, and of how long a run waits for an absent Salesforce. */
export interface ChunkLimits extends OutageLimits {
  /** Requests in flight at once: a Worker may wait on 6 connections at a time. */
  maxInFlight: number;
  /** No new request after this much wall time in one alarm. */
  chunkMs: number;
  /** Requests per alarm: far under the paid plan's subrequests per invocation (the free plan's 50
   * needs about 45 here: one more alarm per 45 requests, each costing one drained pipeline). */
  maxRequests: number;
  /** Alarms in a row that may die mid-chunk before the run is failed. */
  maxAlarmFailures: number;
  /** Progress events at most this often (the last one always goes out). */
  progressEveryMs: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = {
  maxInFlight: 6,
  chunkMs: 25_000,
  maxRequests: 900,
  maxAlarmFailures: 5,
  progressEveryMs: 200,
  ...DEFAULT_OUTAGE_LIMITS,
};

// The run's error lives on its record (RunStore.end); the engine state keeps the engine's own.
function failed(state: ReadState, now: number): ReadState {
  return {
    ...state,
    status: "failed",
    finishedAt: state.finishedAt ?? new Date(now).toISOString(),
  };
}

/**
 * Runs Read Design in the connection's Durable Object on alarms: one bounded chunk per alarm,
 * every applied answer persisted (design rows and engine state in one transaction), the next
 * alarm derived from the stored state, so an eviction or restart resumes where it stopped.
 */
export class ReadDesignRunner {
  readonly #deps: RunnerDeps;
  readonly #limits: ChunkLimits;
  readonly #now: () => number;
  readonly #outages: OutageTracker;
  #cancelled = new Set<string>();
  #lastProgressAt = 0;

  constructor(deps: RunnerDeps) {
    this.#deps = deps;
    this.#limits = { ...DEFAULT_CHUNK_LIMITS, ...deps.limits };
    this.#now = deps.now ?? Date.now;
    this.#outages = new OutageTracker(deps.runs, this.#limits, deps.fetch);
  }

  /** The active run, else the last one. */
  current(): RunView | null {
    const run = this.#deps.runs.active() ?? this.#deps.runs.latest();
    return run ? toRunView(run) : null;
  }

  /** Starts a run, or returns the active one (one run per connection at a time). */
  async start(mode: ReadMode): Promise<{ run: RunView; created: boolean }> {
    const { runs, design, storage } = this.#deps;
    const active = runs.active();
    if (active) return { run: toRunView(active), created: false };
    const lastReadAt = runs.getMeta("lastReadStartedAt");
    // Objects that failed in the last finished read kept an older design: never trust a 304 for them.
    const stale = JSON.parse(runs.getMeta("lastReadFailed") ?? "[]") as string[];
    const state = createReadState({
      options: { ...this.#deps.readOptions, mode },
      previous: { readAt: lastReadAt, objects: design.names(), stale },
      now: this.#now(),
    });
    const run = storage.transactionSync(() => {
      design.clearStage();
      return runs.create(crypto.randomUUID(), mode, state);
    });
    if (this.#deps.scheduleAlarms !== false) await storage.setAlarm(this.#now());
    const view = toRunView(run);
    this.#deps.emit({ type: "progress", run: view });
    return { run: view, created: true };
  }

  /** Cancels the active run; null when there is none. */
  async cancel(): Promise<RunView | null> {
    const active = this.#deps.runs.active();
    if (!active) return null;
    this.#cancelled.add(active.id);
    const state = cancelRun(active.state, this.#now());
    const ended = this.#deps.storage.transactionSync(() => {
      this.#deps.runs.end(active.id, "cancelled", state, { message: "Read Design was cancelled." });
      this.#deps.design.clearStage();
      return toRunView({
        ...active,
        status: "cancelled",
        state,
        message: "Read Design was cancelled.",
      });
    });
    this.#deps.emit({ type: "progress", run: ended });
    await this.#deps.ended(ended);
    await this.armFromState();
    return ended;
  }

  /** Sets the alarm from stored state: due work now or at its retry time; none when idle. */
  async armFromState(): Promise<void> {
    if (this.#deps.scheduleAlarms === false) return;
    const active = this.#deps.runs.active();
    if (!active) {
      await this.#deps.storage.deleteAlarm();
      return;
    }
    const at = this.#outages.of(active.id)?.nextAt ?? resumeAt(active.state) ?? this.#now();
    const current = await this.#deps.storage.getAlarm();
    if (current === null || current > at)
      await this.#deps.storage.setAlarm(Math.max(at, this.#now()));
  }

  /** One alarm: a bounded chunk of the active run. */
  async alarm(): Promise<void> {
    const { runs } = this.#deps;
    let run = runs.active();
    if (!run) return;
    const attempts = runs.noteAlarmStart(run.id);
    if (attempts > this.#limits.maxAlarmFailures) {
      await this.#fail(run, run.state, {
        code: "run_crashed",
        message: `Read Design stopped: ${attempts - 1} attempts in a row died before finishing their chunk.`,
      });
      return;
    }
    const away = this.#outages.of(run.id) !== null;
    if (away && !(await this.#outages.reachable())) {
      runs.noteAlarmDone(run.id);
      return this.#stillAway(run);
    }
    const first = await this.#deps.getAccessToken(false);
    if (!first.ok) {
      runs.noteAlarmDone(run.id);
      if (first.code === "salesforce_unavailable") return this.#stillAway(run);
      await this.#fail(run, run.state, { code: first.code, message: first.message });
      return;
    }
    this.#outages.rememberInstance(first.instanceUrl);
    if (away) {
      // Salesforce answers again: the run goes on where it stopped.
      this.#outages.clear();
      runs.setMessage(run.id, null);
      run = { ...run, message: null };
    }
    const current = run;
    let tokenFailure: AccessTokenResult | null = null;
    let unreachable = false;
    let sent = 0;
    const send = createFetchSender({
      instanceUrl: first.instanceUrl,
      ...(this.#deps.fetch ? { fetch: this.#deps.fetch } : {}),
    });
    const result = await drive(run.state, {
      send: async (request, token, hooks) => {
        sent += 1;
        const answer = await send(request, token, hooks);
        // No HTTP answer at all: stop sending; the run pauses instead of burning retries.
        if (answer.status === 0) unreachable = true;
        return answer;
      },
      getAccessToken: async (force) => {
        const token = force ? await this.#deps.getAccessToken(true) : first;
        if (!token.ok) {
          tokenFailure = token;
          throw new Error(token.message);
        }
        return token.accessToken;
      },
      maxInFlight: this.#limits.maxInFlight,
      deadlineMs: this.#limits.chunkMs,
      shouldStop: () =>
        unreachable || this.#cancelled.has(current.id) || sent >= this.#limits.maxRequests,
      onApplied: (applied) => this.#persist(current, applied),
      now: this.#now,
    });
    if (this.#cancelled.delete(run.id) || runs.active()?.id !== run.id) return;
    runs.noteAlarmDone(run.id);
    const state = result.state;
    if (result.outcome === "complete") return this.#finish(run, state);
    if (state.status === "failed") {
      const failure = tokenFailure as AccessTokenResult | null;
      const error =
        failure && !failure.ok
          ? { code: failure.code, message: failure.message }
          : explainRunError(state.error ?? { code: "failed", message: "Read Design failed." });
      return this.#fail(run, state, error);
    }
    runs.saveState(run.id, state);
    if (unreachable) return this.#stillAway({ ...run, state });
    await this.armFromState();
  }

  /** Salesforce gave no answer: wait for it (the next probe is armed), or fail after too long. */
  async #stillAway(run: RunRecord): Promise<void> {
    const now = this.#now();
    const { outage, expired } = this.#outages.note(run.id, now);
    if (expired) {
      this.#outages.clear();
      return this.#fail(run, run.state, outageError(outage, now));
    }
    const message = waitingMessage(outage);
    this.#deps.runs.setMessage(run.id, message);
    this.#deps.emit({ type: "progress", run: toRunView({ ...run, status: "running", message }) });
    await this.armFromState();
  }

  #persist(run: RunRecord, applied: ApplyResult): void {
    const { storage, design, runs } = this.#deps;
    storage.transactionSync(() => {
      if (applied.read.length > 0) design.stage(applied.read);
      if (applied.removed.length > 0) design.stageRemoved(applied.removed);
      runs.saveState(run.id, applied.state);
    });
    const now = this.#now();
    if (now - this.#lastProgressAt >= this.#limits.progressEveryMs) {
      this.#lastProgressAt = now;
      this.#deps.emit({
        type: "progress",
        run: toRunView({ ...run, status: "running", state: applied.state }),
      });
    }
  }

  async #finish(run: RunRecord, state: ReadState): Promise<void> {
    const { storage, design, runs } = this.#deps;
    const { state: done } = finishRun(state, this.#now());
    const message = `Finished reading layout from ${this.#deps.connectionCode()}`;
    storage.transactionSync(() => {
      design.commit();
      runs.end(run.id, "finished", done, { message });
      const previous = runs.getMeta("lastReadFinishedAt");
      if (previous) runs.setMeta("previousReadFinishedAt", previous);
      runs.setMeta("lastReadStartedAt", done.startedAt);
      runs.setMeta("lastReadFailed", JSON.stringify(done.failed.map((failure) => failure.name)));
      runs.setMeta("lastReadFinishedAt", done.finishedAt ?? new Date(this.#now()).toISOString());
    });
    const view = toRunView({ ...run, status: "finished", state: done, message });
    this.#deps.emit({ type: "finished", run: view, message });
    await this.#deps.ended(view);
    await this.armFromState();
  }

  async #fail(
    run: RunRecord,
    state: ReadState,
    error: { code: string; message: string },
  ): Promise<void> {
    const { storage, design, runs } = this.#deps;
    const final = failed(state, this.#now());
    storage.transactionSync(() => {
      runs.end(run.id, "failed", final, { error });
      design.clearStage();
    });
    const view = toRunView({ ...run, status: "failed", state: final, error });
    this.#deps.emit({ type: "failed", run: view, error });
    await this.#deps.ended(view);
    await this.armFromState();
  }

  /** The latest changes window (`from`, `to`) for `GET .../design/changes`. */
  changesWindow(): { from: string | null; to: string } | null {
    const to = this.#deps.runs.getMeta("lastReadFinishedAt");
    return to ? { from: this.#deps.runs.getMeta("previousReadFinishedAt"), to } : null;
  }
}
