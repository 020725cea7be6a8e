import {
  buildBatchDescribeRequest,
  buildCompositeDescribeRequest,
  buildDescribeGlobalRequest,
  buildDescribeRequest,
  type SalesforceRequest,
} from "../../salesforce/requests.ts";
import { estimateCosts } from "./cost-model.ts";
import { failRun } from "./lifecycle.ts";
import { planBatchSizes } from "./scheduler.ts";
import type { InFlightRequest, ReadState } from "./types.ts";

/** What the caller does now. */
export type NextStep =
  | { kind: "send"; state: ReadState; requests: SalesforceRequest[] }
  | { kind: "refresh-token"; state: ReadState }
  /** Nothing to send now: wait for an answer in flight, or until `until` (epoch ms) for a retry. */
  | { kind: "wait"; state: ReadState; until: number | null }
  /** No request will ever be needed again (answers still in flight may arrive). */
  | { kind: "finished"; state: ReadState };

/** Runtime facts `next` needs. */
export interface NextContext {
  now: number;
  /** Requests allowed in flight at once (Workers: 6 per invocation). */
  maxInFlight: number;
  /**
   * Ids of requests whose answer is arriving (headers in, body being read): Salesforce is done
   * with them, so they no longer hold a lane.
   */
  settling?: readonly string[];
  /**
   * Send a lane's next request this long before its current one is expected to end (default 0):
   * it waits in Salesforce's (or the runtime's) queue, so the lane never idles while this caller
   * is busy parsing an answer. Each lane then holds at most two requests.
   */
  lookaheadMs?: number;
}

function requestCost(state: ReadState, size: number): number {
  return state.options.strategy === "composite" ? 1 : size;
}

function buildDescribe(
  state: ReadState,
  id: string,
  names: string[],
  previous: ReadonlySet<string>,
): SalesforceRequest {
  const since = (name: string) => (state.since !== null && previous.has(name) ? state.since : null);
  switch (state.options.strategy) {
    case "composite":
      return buildCompositeDescribeRequest(
        id,
        names.map((name) => ({ name, ifModifiedSince: since(name) })),
      );
    case "batch":
      return buildBatchDescribeRequest(id, names);
    case "single":
      return buildDescribeRequest(id, names[0] ?? "", since(names[0] ?? ""));
  }
}

function earliestRetry(state: ReadState): number | null {
  if (state.retryQueue.length === 0) return null;
  return Math.min(...state.retryQueue.map((entry) => entry.notBefore));
}

function nextListing(state: ReadState, context: NextContext): NextStep {
  if (state.inFlight.length > 0) return { kind: "wait", state, until: null };
  if (state.listingNotBefore > context.now)
    return { kind: "wait", state, until: state.listingNotBefore };
  const id = `r${state.seq + 1}`;
  const entry: InFlightRequest = {
    id,
    kind: "list",
    names: [],
    sentAt: context.now,
    epoch: state.auth.epoch,
    cost: 1,
  };
  return {
    kind: "send",
    state: { ...state, seq: state.seq + 1, inFlight: [...state.inFlight, entry] },
    requests: [buildDescribeGlobalRequest(id, state.since)],
  };
}

function lanesHeld(state: ReadState, context: NextContext): InFlightRequest[] {
  const settling = new Set(context.settling ?? []);
  return state.inFlight.filter((request) => !settling.has(request.id) && !request.handedOff);
}

/** The lanes to plan now: free ones, then busy ones ending within `lookaheadMs`. */
interface LanePlan {
  /** Per planned lane: the request whose lane it takes over (null: a free lane). */
  after: (InFlightRequest | null)[];
  /** Per planned lane: when its request starts being served (epoch ms). */
  startsAt: number[];
  busyEnds: number[];
  /** When the next busy lane comes within `lookaheadMs` of its end (null: none will). */
  wakeAt: number | null;
}

type Costs = ReturnType<typeof estimateCosts>;

function planLanes(state: ReadState, context: NextContext, costs: Costs): LanePlan {
  const { requestMs, perObjectMs } = costs;
  const lookahead = context.lookaheadMs ?? 0;
  const held = lanesHeld(state, context).map((request) => ({
    request,
    end: (request.startsAt ?? request.sentAt) + requestMs + request.names.length * perObjectMs,
  }));
  const free = Math.max(0, context.maxInFlight - held.length);
  const ending = held
    .filter(({ end }) => lookahead > 0 && end - context.now <= lookahead)
    .sort((a, b) => a.end - b.end);
  const busy = held.filter((lane) => !ending.includes(lane));
  const wakes = busy.map(({ end }) => end - lookahead);
  return {
    after: [...Array.from({ length: free }, () => null), ...ending.map(({ request }) => request)],
    startsAt: [
      ...Array.from({ length: free }, () => context.now),
      ...ending.map(({ end }) => Math.max(context.now, end)),
    ],
    busyEnds: busy.map(({ end }) => end),
    wakeAt: lookahead > 0 && wakes.length > 0 ? Math.min(...wakes) : null,
  };
}

function sizesFor(
  state: ReadState,
  context: NextContext,
  lanes: LanePlan,
  { requestMs, perObjectMs }: Costs,
): number[] {
  const remaining = state.queue.length + state.retryQueue.length;
  const requestsLeft =
    state.options.strategy === "composite"
      ? state.plannedRequests - state.describeRequests
      : remaining;
  const sizes = planBatchSizes({
    remaining,
    freeLanes: lanes.after.length,
    freeIn: lanes.startsAt.map((at) => at - context.now),
    busyFreeIn: lanes.busyEnds.map((end) => end - context.now),
    maxBatch: state.options.batchSize,
    requestsLeft,
    requestMs,
    perObjectMs,
  });
  // Never stall: with nothing in flight, something must go out.
  if (state.inFlight.length === 0 && !sizes.some((size) => size > 0) && sizes.length > 0) {
    sizes[0] = Math.min(state.options.batchSize, state.queue.length);
  }
  return sizes;
}

function earliest(...times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length > 0 ? Math.min(...known) : null;
}

function nextDescribes(state: ReadState, context: NextContext): NextStep {
  let current = state;
  const due = current.retryQueue.filter((entry) => entry.notBefore <= context.now);
  if (due.length > 0) {
    current = {
      ...current,
      queue: [...due.map((entry) => entry.name), ...current.queue],
      retryQueue: current.retryQueue.filter((entry) => entry.notBefore > context.now),
    };
  }
  const costs = estimateCosts(current);
  const lanes = planLanes(current, context, costs);
  if (current.queue.length === 0 || lanes.after.length === 0) {
    const until = earliest(earliestRetry(current), current.queue.length > 0 ? lanes.wakeAt : null);
    if (current.inFlight.length === 0 && until === null) {
      return { kind: "finished", state: { ...current, phase: "saving" } };
    }
    return { kind: "wait", state: current, until };
  }
  // Only objects whose design is as new as the previous read may answer 304.
  const stale = new Set(current.stale);
  const previous = new Set(current.previous.filter((name) => !stale.has(name)));
  const requests: SalesforceRequest[] = [];
  let inFlight = [...current.inFlight];
  let queue = current.queue;
  let seq = current.seq;
  let describeRequests = current.describeRequests;
  // Calls used plus calls committed by requests in flight: the budget check counts both.
  let spent = current.apiCalls + inFlight.reduce((sum, request) => sum + request.cost, 0);
  for (const [lane, size] of sizesFor(current, context, lanes, costs).entries()) {
    if (size === 0 || queue.length === 0) continue;
    const names = queue.slice(0, size);
    const cost = requestCost(current, names.length);
    if (current.budgetCalls !== null && spent + cost > current.budgetCalls) {
      const stopped = failRun(
        { ...current, queue, seq, inFlight, describeRequests },
        {
          code: "api_budget_exhausted",
          message: `Stopped before using more than ${current.options.budgetPercent}% of the remaining daily API calls (${current.budgetCalls} calls)`,
        },
        context.now,
      );
      return requests.length > 0
        ? { kind: "send", state: stopped, requests }
        : { kind: "finished", state: stopped };
    }
    queue = queue.slice(names.length);
    seq += 1;
    describeRequests += 1;
    spent += cost;
    const id = `r${seq}`;
    requests.push(buildDescribe(current, id, names, previous));
    const predecessor = lanes.after[lane] ?? null;
    if (predecessor) {
      inFlight = inFlight.map((request) =>
        request.id === predecessor.id ? { ...request, handedOff: true } : request,
      );
    }
    const startsAt = lanes.startsAt[lane] ?? context.now;
    inFlight.push({
      id,
      kind: "describe",
      names,
      sentAt: context.now,
      ...(startsAt > context.now ? { startsAt } : {}),
      epoch: current.auth.epoch,
      cost,
    });
  }
  const updated = { ...current, queue, seq, inFlight, describeRequests };
  if (requests.length === 0) {
    const until = earliest(earliestRetry(updated), lanes.wakeAt);
    return { kind: "wait", state: updated, until };
  }
  return { kind: "send", state: updated, requests };
}

/**
 * Decides what to send now: the listing first, then describes sized by the scheduler for every
 * free lane. Returns the new state with those requests marked in flight; send them, then pass
 * each answer to `apply`. Pure: the same state and context give the same step.
 *
 * @example
 * const step = next(state, { now: Date.now(), maxInFlight: 6 });
 * if (step.kind === "send") for (const request of step.requests) send(request, accessToken);
 */
export function next(state: ReadState, context: NextContext): NextStep {
  if (!Number.isInteger(context.maxInFlight) || context.maxInFlight < 1) {
    throw new RangeError(
      `maxInFlight must be a positive integer, got ${String(context.maxInFlight)}`,
    );
  }
  if (state.status !== "running" || state.phase === "saving" || state.phase === "done") {
    return { kind: "finished", state };
  }
  if (state.auth.refreshPending) return { kind: "refresh-token", state };
  if (state.phase === "listing") return nextListing(state, context);
  return nextDescribes(state, context);
}
