import type { ObjectDesign } from "../model.ts";
import { backoffMs, failRun } from "./lifecycle.ts";
import type { FailedObject, InFlightRequest, ReadState, RunError } from "./types.ts";

/** Runtime facts `apply` needs; `random` drives retry jitter (inject it for determinism). */
export interface ApplyContext {
  now: number;
  random?: () => number;
}

/** What one `apply` produced besides the new state; the caller persists these. */
export interface AppliedOutput {
  /** Objects read in this step: save them (they replace earlier designs). */
  read: ObjectDesign[];
  /** Objects that answered 304: keep their earlier designs. */
  unchanged: string[];
  /** Objects gone from the org: delete their designs. */
  removed: string[];
  /** Objects that failed for good in this step (an earlier design, if any, stays). */
  failed: FailedObject[];
}

/**
 * A private, mutable copy of the state for one `apply` call: every array and record that `apply`
 * changes is copied first, so the caller's state is never touched.
 */
export class Draft {
  state: ReadState;
  readonly out: AppliedOutput = { read: [], unchanged: [], removed: [], failed: [] };
  private previousSet: Set<string> | null = null;

  constructor(
    state: ReadState,
    readonly context: ApplyContext,
  ) {
    this.state = {
      ...state,
      queue: [...state.queue],
      retryQueue: [...state.retryQueue],
      attempts: { ...state.attempts },
      inFlight: [...state.inFlight],
      failed: [...state.failed],
      auth: { ...state.auth },
    };
  }

  get running(): boolean {
    return this.state.status === "running";
  }

  hadPrevious(name: string): boolean {
    this.previousSet ??= new Set(this.state.previous);
    return this.previousSet.has(name);
  }

  fail(error: RunError): void {
    this.state = failRun(this.state, error, this.context.now);
  }

  /** Sends objects again at once (no attempt used): their answer was lost or unauthorized. */
  requeue(names: readonly string[]): void {
    this.state.queue.unshift(...names);
  }

  /** Records a transient failure; the object goes again after a jittered backoff or fails for good. */
  retryLater(names: readonly string[], reason: string): void {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.state.options;
    for (const name of names) {
      const attempts = (this.state.attempts[name] ?? 0) + 1;
      this.state.attempts[name] = attempts;
      if (attempts >= maxAttempts) {
        this.failObject(name, `${reason} (gave up after ${attempts} attempts)`);
        continue;
      }
      const delay = backoffMs(
        attempts,
        retryBaseMs,
        retryMaxMs,
        this.context.random ?? Math.random,
      );
      this.state.retryQueue.push({ name, notBefore: this.context.now + delay });
    }
  }

  failObject(name: string, error: string): void {
    delete this.state.attempts[name];
    const failed = { name, error };
    this.state.failed.push(failed);
    this.out.failed.push(failed);
  }

  readObject(design: ObjectDesign, name: string): void {
    delete this.state.attempts[name];
    this.state.read += 1;
    this.out.read.push(design);
  }

  unchangedObject(name: string): void {
    delete this.state.attempts[name];
    this.state.unchanged += 1;
    this.out.unchanged.push(name);
  }

  /**
   * A 401: ask for a fresh token once. Requests sent with an older token just go again; a 401 for
   * a token that was just refreshed and never accepted ends the run.
   */
  unauthorized(entry: InFlightRequest, resend: () => void): void {
    const auth = this.state.auth;
    if (entry.epoch < auth.epoch || auth.refreshPending) {
      resend();
      return;
    }
    if (auth.epoch > 0 && !auth.verified) {
      this.fail({
        code: "invalid_session",
        message: "Salesforce refused a freshly refreshed access token (INVALID_SESSION_ID)",
      });
      return;
    }
    this.state.auth = { ...auth, refreshPending: true };
    resend();
  }
}
