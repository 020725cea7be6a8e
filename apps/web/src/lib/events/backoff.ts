/** First wait before reconnecting the events socket. */
export const RECONNECT_BASE_MS = 500;
/** Longest wait between reconnection attempts. */
export const RECONNECT_MAX_MS = 15_000;

/**
 * How long to wait before reconnection attempt `attempt` (0-based): exponential from
 * RECONNECT_BASE_MS, capped at RECONNECT_MAX_MS, with jitter between half and all of it so many
 * tabs that lost the edge at once do not come back in lockstep.
 *
 * @example reconnectDelayMs(0, () => 1) // 500
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = RECONNECT_BASE_MS * 2 ** Math.max(0, attempt);
  const capped = Math.min(RECONNECT_MAX_MS, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}
