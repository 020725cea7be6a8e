// Times come from the edge as ISO 8601 UTC strings; people read them in their own zone.

export type TimeFormatOptions = { locale?: string; timeZone?: string };

/**
 * A date and time for people, or "—" when absent or unreadable.
 *
 * @example formatDateTime("2026-05-01T09:30:00Z", { locale: "en-US", timeZone: "UTC" }) // "May 1, 2026, 9:30 AM"
 */
export function formatDateTime(
  iso: string | null | undefined,
  options: TimeFormatOptions = {},
): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  }).format(date);
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long ago (or from now) a moment is, coarsely: "just now", "5 min ago", "3 h ago", "2 days ago".
 *
 * @example formatRelative("2026-05-01T09:00:00Z", Date.parse("2026-05-01T09:05:00Z")) // "5 min ago"
 */
export function formatRelative(iso: string | null | undefined, nowMs: number = Date.now()): string {
  if (!iso) return "never";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "—";
  const diff = nowMs - at;
  const abs = Math.abs(diff);
  if (abs < MINUTE_MS) return "just now";
  const [amount, unit] =
    abs < HOUR_MS
      ? [Math.floor(abs / MINUTE_MS), "min"]
      : abs < DAY_MS
        ? [Math.floor(abs / HOUR_MS), "h"]
        : [Math.floor(abs / DAY_MS), Math.floor(abs / DAY_MS) === 1 ? "day" : "days"];
  return diff >= 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/**
 * A duration as a stopwatch shows it: "42s", "1m 05s", "1h 02m".
 *
 * @example formatDuration(65_000) // "1m 05s"
 */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
  return `${seconds}s`;
}

/**
 * Milliseconds between two ISO times, the end defaulting to now; 0 when the start is unknown.
 *
 * @example elapsedMs("2026-05-01T09:00:00Z", "2026-05-01T09:00:42Z") // 42000
 */
export function elapsedMs(
  startIso: string | null | undefined,
  endIso: string | null | undefined,
  nowMs: number = Date.now(),
): number {
  const start = startIso ? Date.parse(startIso) : Number.NaN;
  if (Number.isNaN(start)) return 0;
  const end = endIso ? Date.parse(endIso) : nowMs;
  return Math.max(0, (Number.isNaN(end) ? nowMs : end) - start);
}

/**
 * A whole number with thousands separators.
 *
 * @example formatCount(1500, "en-US") // "1,500"
 */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
