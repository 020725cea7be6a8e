import type { ReadState } from "./types.ts";

/**
 * The scheduler's timing model: a request costs `requestMs` plus `perObjectMs` per object.
 * The round trip comes from the measured listing (a describeGlobal has no per-object work);
 * the per-object cost from measured describe answers; the configured guesses fill the gaps.
 */
export function estimateCosts(state: ReadState): { requestMs: number; perObjectMs: number } {
  const requestMs = state.timing.listMs ?? state.options.requestMs;
  if (state.timing.samples === 0 || state.timing.objects === 0) {
    return { requestMs, perObjectMs: state.options.perObjectMs };
  }
  const perObject =
    (state.timing.totalMs - state.timing.samples * requestMs) / state.timing.objects;
  // Floor at a small positive cost: a fast network must not make lanes look free of charge.
  return { requestMs, perObjectMs: Math.max(0.5, perObject) };
}

/** Adds one measured describe answer (`objects` in it, `elapsedMs` round trip) to the model. */
export function recordTiming(
  state: ReadState,
  objects: number,
  elapsedMs: number,
): ReadState["timing"] {
  if (!(elapsedMs >= 0) || objects <= 0) return state.timing;
  return {
    ...state.timing,
    samples: state.timing.samples + 1,
    objects: state.timing.objects + objects,
    totalMs: state.timing.totalMs + elapsedMs,
  };
}
