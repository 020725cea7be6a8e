/**
 * The share of `max` that `value` covers, as a whole percentage clamped to 0..100.
 * A missing or non-positive `max` (nothing known yet) reads as 0 %.
 *
 * @example progressPercent(37, 150) // 25
 */
export function progressPercent(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0) return 0;
  return Math.min(100, Math.max(0, Math.floor((value / max) * 100)));
}
