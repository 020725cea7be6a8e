import {
  type SalesforceResponse,
  type SalesforceSender,
  transportFailure,
} from "../salesforce/transport.ts";
import { type ApplyResult, apply } from "./engine/apply.ts";
import { failRun, releaseInFlight, tokenRefreshed } from "./engine/lifecycle.ts";
import { next } from "./engine/next.ts";
import type { ReadState } from "./engine/types.ts";

/** How `drive` talks to Salesforce and when it stops. */
export interface DriveOptions {
  /** Sends one request with a token; see `createFetchSender`. */
  send: SalesforceSender;
  /** The current access token; `force` asks for a fresh one (after a 401). */
  getAccessToken: (force: boolean) => Promise<string>;
  /** Lanes: requests being served at once (default 6: a Worker's simultaneous outbound connections). */
  maxInFlight?: number;
  /** Sends a lane's next request this long before its current one should end; see `NextContext`. */
  lookaheadMs?: number;
  /** Wall-time budget of this call: no new request is sent after it; answers in flight are awaited. */
  deadlineMs?: number;
  /** Checked before every send; `true` stops sending (e.g. the run was cancelled). */
  shouldStop?: () => boolean;
  /** Called after every answer is applied, before anything else is sent: persist here. */
  onApplied?: (result: ApplyResult) => void | Promise<void>;
  now?: () => number;
  random?: () => number;
}

/** Why `drive` returned. `complete`: every object answered, save and call `finishRun`. */
export type DriveOutcome = "complete" | "ended" | "stopped" | "deadline";

/** What `drive` leaves behind. */
export interface DriveResult {
  state: ReadState;
  outcome: DriveOutcome;
  /** HTTP requests sent by this call. */
  requests: number;
}

/** A one-shot signal a header arrival rings to interrupt the driver's wait. */
class Bell {
  private ring: () => void = () => {};
  rung = false;
  readonly heard = new Promise<null>((resolve) => (this.ring = () => resolve(null)));

  wake(): void {
    this.rung = true;
    this.ring();
  }
}

function waitFor(
  pending: Map<string, Promise<SalesforceResponse>>,
  wakeInMs: number | null,
  bell: Bell,
): Promise<SalesforceResponse | null> {
  const answers: Promise<SalesforceResponse | null>[] = [...pending.values(), bell.heard];
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (wakeInMs !== null) {
    answers.push(
      new Promise((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, wakeInMs)))),
    );
  }
  return Promise.race(answers).finally(() => clearTimeout(timer));
}

function tokenError(error: unknown): { code: "token_unavailable"; message: string } {
  const detail = error instanceof Error ? error.message : "unknown error";
  return { code: "token_unavailable", message: `No usable access token: ${detail}` };
}

/**
 * Runs the engine against Salesforce: keeps up to `maxInFlight` requests in flight, sends a
 * lane's next request as soon as the previous answer's headers arrive (its body is parsed while
 * Salesforce works on the next one), applies every answer (then calls `onApplied`), refreshes
 * the token once on a 401, waits out retry backoffs, and returns when the describes are done, the
 * run ended, it was stopped, or the deadline passed. Resumes any persisted state (requests it
 * had in flight are sent again).
 *
 * @example
 * const { state: after, outcome } = await drive(state, { send, getAccessToken, maxInFlight: 6, deadlineMs: 20_000, onApplied: persist });
 */
export async function drive(initial: ReadState, options: DriveOptions): Promise<DriveResult> {
  const clock = options.now ?? Date.now;
  const maxInFlight = options.maxInFlight ?? 6;
  const started = clock();
  const deadline = options.deadlineMs === undefined ? Infinity : started + options.deadlineMs;
  const pending = new Map<string, Promise<SalesforceResponse>>();
  const settling = new Set<string>();
  let bell = new Bell();
  let state = releaseInFlight(initial);
  let stop: "stopped" | "deadline" | null = null;
  let sent = 0;
  let token: string | null = null;
  if (state.status === "running") {
    try {
      token = await options.getAccessToken(false);
    } catch (error) {
      state = failRun(state, tokenError(error), clock());
    }
  }
  const dispatch = (request: Parameters<SalesforceSender>[0], accessToken: string) => {
    const onHeaders = () => {
      settling.add(request.id);
      bell.wake();
    };
    const answer = options
      .send(request, accessToken, { onHeaders })
      .catch((error: unknown) => transportFailure(request.id, error));
    pending.set(request.id, answer);
    sent += 1;
  };
  for (;;) {
    if (stop === null && options.shouldStop?.()) stop = "stopped";
    if (stop === null && clock() >= deadline) stop = "deadline";
    let wakeAt: number | null = null;
    if (bell.rung) bell = new Bell();
    if (stop === null && token !== null) {
      const step = next(state, {
        now: clock(),
        maxInFlight,
        settling: [...settling],
        ...(options.lookaheadMs === undefined ? {} : { lookaheadMs: options.lookaheadMs }),
      });
      state = step.state;
      if (step.kind === "refresh-token") {
        try {
          token = await options.getAccessToken(true);
          state = tokenRefreshed(state);
        } catch (error) {
          state = failRun(state, tokenError(error), clock());
        }
        continue;
      }
      if (step.kind === "send") {
        for (const request of step.requests) dispatch(request, token);
        continue;
      }
      if (step.kind === "wait") wakeAt = step.until;
    }
    if (pending.size === 0) {
      if (wakeAt === null) break;
      if (wakeAt > deadline) {
        stop = "deadline";
        break;
      }
    }
    const wakeInMs = wakeAt === null ? null : Math.min(wakeAt, deadline) - clock();
    const answer = await waitFor(pending, wakeInMs, bell);
    if (answer === null) continue;
    pending.delete(answer.id);
    settling.delete(answer.id);
    const result = apply(state, [answer], {
      now: clock(),
      ...(options.random ? { random: options.random } : {}),
    });
    state = result.state;
    await options.onApplied?.(result);
  }
  const outcome: DriveOutcome =
    state.status !== "running"
      ? "ended"
      : state.phase === "saving"
        ? "complete"
        : (stop ?? "ended");
  return { state, outcome, requests: sent };
}
