/** What the scheduler knows when lanes are free. Times are milliseconds from now. */
export interface LanePlanInput {
  /** Objects not yet sent (ready or waiting for a retry). */
  remaining: number;
  /** Lanes (request slots) to plan a request for now. */
  freeLanes: number;
  /**
   * For each lane to plan, when its request will start being served (>= 0; default 0): a
   * request sent ahead of its lane's current one starts when that one ends.
   */
  freeIn?: readonly number[];
  /** For each busy lane, when it is expected to be free again (>= 0). */
  busyFreeIn: readonly number[];
  /** Most objects per request. */
  maxBatch: number;
  /** Requests still allowed (never below what `remaining` needs). */
  requestsLeft: number;
  /** Estimated fixed cost of one request (round trip). */
  requestMs: number;
  /** Estimated cost of one object inside a request. */
  perObjectMs: number;
}

// Below this many objects a further request on a lane is not worth its round trip.
const MIN_GAIN = 0.5;
const SEARCH_STEPS = 32;

/** Objects a lane free at `freeAt` can finish by `until` with `requests` requests. */
function laneCapacity(
  requests: number,
  until: number,
  freeAt: number,
  input: LanePlanInput,
): number {
  if (requests === 0) return 0;
  const byTime = (until - freeAt - requests * input.requestMs) / input.perObjectMs;
  return Math.max(0, Math.min(requests * input.maxBatch, byTime));
}

/**
 * Gives requests to lanes greedily by marginal capacity (capacity is concave in the number of
 * requests, so greedy is optimal) until the lanes hold `remaining` objects by `until`.
 */
function allocate(until: number, freeAt: readonly number[], input: LanePlanInput) {
  const requests: number[] = freeAt.map(() => 0);
  let total = 0;
  let budget = input.requestsLeft;
  while (total < input.remaining && budget > 0) {
    let best = -1;
    let bestGain = MIN_GAIN;
    for (let lane = 0; lane < freeAt.length; lane += 1) {
      const at = freeAt[lane] ?? 0;
      const count = requests[lane] ?? 0;
      const gain =
        laneCapacity(count + 1, until, at, input) - laneCapacity(count, until, at, input);
      if (gain > bestGain) {
        best = lane;
        bestGain = gain;
      }
    }
    if (best < 0) break;
    requests[best] = (requests[best] ?? 0) + 1;
    total += bestGain;
    budget -= 1;
  }
  return { requests, total };
}

/**
 * Sizes the next request of each free lane so that all lanes (busy ones included) finish the
 * remaining objects at about the same time within the request budget: the makespan is found by
 * binary search, requests are spread by marginal gain, and each free lane's plan is split evenly.
 * Fewer, fuller requests win whenever they do not make the last wave a straggler.
 *
 * @returns one size per free lane (0 = leave the lane idle); the sum never exceeds `remaining`.
 * @example
 * planBatchSizes({ remaining: 1500, freeLanes: 25, busyFreeIn: [], maxBatch: 25, requestsLeft: 62, requestMs: 150, perObjectMs: 20 })
 */
export function planBatchSizes(input: LanePlanInput): number[] {
  const sizes: number[] = Array.from({ length: input.freeLanes }, () => 0);
  if (input.remaining <= 0 || input.freeLanes <= 0) return sizes;
  if (input.maxBatch === 1) return sizes.map((_, lane) => (lane < input.remaining ? 1 : 0));
  const plan = {
    ...input,
    requestsLeft: Math.max(input.requestsLeft, Math.ceil(input.remaining / input.maxBatch)),
  };
  // Lanes being planned first: ties go to lanes that can start now.
  const startIn = sizes.map((_, lane) => Math.max(0, input.freeIn?.[lane] ?? 0));
  const freeAt = [...startIn, ...input.busyFreeIn.map((t) => Math.max(0, t))];
  let low = 0;
  let high =
    Math.min(...freeAt) +
    Math.ceil(input.remaining / input.maxBatch) * input.requestMs +
    input.remaining * input.perObjectMs +
    1;
  for (let step = 0; step < SEARCH_STEPS; step += 1) {
    const middle = (low + high) / 2;
    if (allocate(middle, freeAt, plan).total >= input.remaining) high = middle;
    else low = middle;
  }
  const { requests } = allocate(high, freeAt, plan);
  let left = input.remaining;
  for (let lane = 0; lane < input.freeLanes; lane += 1) {
    const count = requests[lane] ?? 0;
    if (count === 0 || left === 0) continue;
    const capacity = laneCapacity(count, high, startIn[lane] ?? 0, plan);
    const size = Math.min(input.maxBatch, left, Math.max(1, Math.ceil(capacity / count - 1e-9)));
    sizes[lane] = size;
    left -= size;
  }
  return sizes;
}
