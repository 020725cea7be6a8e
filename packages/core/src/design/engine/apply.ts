import { isJsonObject } from "../json.ts";
import type { SalesforceResponse } from "../../salesforce/transport.ts";
import { applyDescribe } from "./apply-describe.ts";
import { type Outcome, classifyAnswer } from "./classify.ts";
import { type AppliedOutput, type ApplyContext, Draft } from "./draft.ts";
import { backoffMs, progress } from "./lifecycle.ts";
import type { InFlightRequest, ProgressEvent, ReadState } from "./types.ts";

/** The result of `apply`: new state, what to persist, and progress events to broadcast. */
export interface ApplyResult extends AppliedOutput {
  state: ReadState;
  events: ProgressEvent[];
}

function listedNames(body: unknown): string[] | null {
  if (!isJsonObject(body) || !Array.isArray(body.sobjects)) return null;
  const names: string[] = [];
  for (const entry of body.sobjects) {
    if (!isJsonObject(entry) || typeof entry.name !== "string") return null;
    names.push(entry.name);
  }
  return [...new Set(names)];
}

function neededCalls(state: ReadState, objects: number): number {
  return state.options.strategy === "composite"
    ? Math.ceil(objects / state.options.batchSize)
    : objects;
}

function startDescribing(
  draft: Draft,
  entry: InFlightRequest,
  response: SalesforceResponse,
  names: string[],
): void {
  const state = draft.state;
  const listed = new Set(names);
  const removed = state.previous.filter((name) => !listed.has(name));
  draft.out.removed.push(...removed);
  const needed = neededCalls(state, names.length);
  draft.state = {
    ...state,
    phase: names.length === 0 ? "saving" : "describing",
    queue: names,
    total: names.length,
    removed: removed.length,
    plannedRequests: needed + state.options.extraCalls,
    timing: {
      ...state.timing,
      listMs: Math.max(1, response.elapsedMs ?? draft.context.now - entry.sentAt),
    },
  };
  if (state.budgetCalls !== null && state.apiCalls + needed > state.budgetCalls) {
    draft.fail({
      code: "api_budget_exhausted",
      message: `Reading ${names.length} objects needs about ${needed} API calls; the budget allows ${state.budgetCalls - state.apiCalls} more`,
    });
  }
}

function retryListing(draft: Draft, reason: string): void {
  const state = draft.state;
  const attempts = state.listingAttempts + 1;
  if (attempts >= state.options.maxAttempts) {
    draft.fail({ code: "listing_failed", message: `Could not list the objects: ${reason}` });
    return;
  }
  const { retryBaseMs, retryMaxMs } = state.options;
  const delay = backoffMs(attempts, retryBaseMs, retryMaxMs, draft.context.random ?? Math.random);
  draft.state = {
    ...state,
    listingAttempts: attempts,
    listingNotBefore: draft.context.now + delay,
  };
}

function applyListing(
  draft: Draft,
  entry: InFlightRequest,
  response: SalesforceResponse,
  outcome: Outcome,
): void {
  switch (outcome.kind) {
    case "ok": {
      const names = listedNames(response.body);
      if (names === null) retryListing(draft, "the describeGlobal answer has no sobjects list");
      else startDescribing(draft, entry, response, names);
      return;
    }
    case "not-modified": {
      if (draft.state.since === null) {
        retryListing(draft, "an unexpected 304 to an unconditional describeGlobal");
        return;
      }
      // The list is unchanged since the previous read: every object keeps its design, except
      // stale ones (their describe failed then, whether or not an older design exists), which
      // are read again: the unchanged list says they still exist.
      const stale = new Set(draft.state.stale);
      const previous = draft.state.previous;
      const unchanged = previous.filter((name) => !stale.has(name));
      const queue = [...stale];
      draft.out.unchanged.push(...unchanged);
      draft.state = {
        ...draft.state,
        phase: queue.length > 0 ? "describing" : "saving",
        queue,
        total: unchanged.length + queue.length,
        unchanged: unchanged.length,
        plannedRequests: neededCalls(draft.state, queue.length) + draft.state.options.extraCalls,
      };
      return;
    }
    case "unauthorized":
      draft.unauthorized(entry, () => (draft.state = { ...draft.state, listingNotBefore: 0 }));
      return;
    case "limit-exceeded":
      draft.fail({ code: "request_limit_exceeded", message: outcome.message });
      return;
    case "retry":
      retryListing(draft, outcome.reason);
      return;
    case "fail":
      draft.fail({
        code: "listing_failed",
        message: `Could not list the objects: ${outcome.reason}`,
      });
      return;
  }
}

function applyOne(draft: Draft, response: SalesforceResponse): void {
  const index = draft.state.inFlight.findIndex((request) => request.id === response.id);
  const entry = draft.state.inFlight[index];
  if (!entry) return; // An answer to a request released on resume: already re-sent.
  draft.state.inFlight.splice(index, 1);
  const outcome = classifyAnswer(response.status, response.body, "request");
  const usage = response.headers.limitInfo?.apiUsage ?? null;
  // Salesforce does not count 401s or requests refused for the daily limit; status 0 never arrived.
  const counted =
    outcome.kind !== "unauthorized" && outcome.kind !== "limit-exceeded" && response.status !== 0;
  const state = draft.state;
  const apiCalls = state.apiCalls + (counted ? entry.cost : 0);
  const budgetCalls =
    state.budgetCalls ??
    (usage
      ? Math.floor(((usage.max - usage.used + apiCalls) * state.options.budgetPercent) / 100)
      : null);
  const verified =
    state.auth.verified ||
    (response.status !== 0 && outcome.kind !== "unauthorized" && entry.epoch === state.auth.epoch);
  draft.state = {
    ...state,
    apiCalls,
    budgetCalls,
    limit: usage ?? state.limit,
    auth: { ...state.auth, verified },
  };
  if (entry.kind === "list") applyListing(draft, entry, response, outcome);
  else applyDescribe(draft, entry, response, outcome);
}

/**
 * Folds answers into the state. Returns the new state, the object designs read (to persist),
 * names unchanged (304) and removed, objects that failed for good, and a progress event.
 * Answers to requests no longer in flight are ignored, so replays are harmless.
 *
 * @example
 * const { state: after, read, removed } = apply(state, [answer], { now: Date.now() });
 */
export function apply(
  state: ReadState,
  responses: readonly SalesforceResponse[],
  context: ApplyContext,
): ApplyResult {
  const draft = new Draft(state, context);
  for (const response of responses) applyOne(draft, response);
  const current = draft.state;
  const describing = current.inFlight.some((request) => request.kind === "describe");
  if (
    current.status === "running" &&
    current.phase === "describing" &&
    current.queue.length === 0 &&
    current.retryQueue.length === 0 &&
    !describing
  ) {
    draft.state = { ...current, phase: "saving" };
  }
  return { state: draft.state, ...draft.out, events: [progress(draft.state)] };
}
