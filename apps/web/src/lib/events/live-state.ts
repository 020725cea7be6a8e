import type { Connection, ConnectionEvent, Run } from "../api/types.ts";
import { isRunOver } from "../format/connection.ts";

export type LogTone = "info" | "success" | "danger";

/** One line of the page's log, e.g. `Finished reading layout from SFORCE001`. */
export type LogLine = { key: string; at: string; text: string; tone: LogTone };

/** What a connection's row shows live: the connection, its active or last run, and its log lines. */
export type LiveState = {
  connection: Connection | null;
  run: Run | null;
  log: LogLine[];
};

export const EMPTY_LIVE_STATE: LiveState = { connection: null, run: null, log: [] };

/**
 * Whether `incoming` should replace `current`. Late answers must not undo news: an older run (by
 * start time) never replaces a newer one, an ended run stays ended, and a run never goes back to
 * fewer objects done (an HTTP answer that arrives after the socket's progress).
 *
 * @example isNewerRun(running, { ...running, done: running.done + 5 }) // true
 */
export function isNewerRun(current: Run | null, incoming: Run): boolean {
  if (!current) return true;
  if (current.id !== incoming.id) {
    if (!current.startedAt || !incoming.startedAt) return true;
    return Date.parse(incoming.startedAt) >= Date.parse(current.startedAt);
  }
  if (isRunOver(current.status)) return false;
  if (isRunOver(incoming.status)) return true;
  return incoming.done >= current.done;
}

function withLine(log: LogLine[], line: LogLine): LogLine[] {
  return log.some((existing) => existing.key === line.key) ? log : [...log, line];
}

/** The log line an ended run leaves, keyed by run so replays (snapshots, reconnects) add it once. */
function endLine(run: Run, message: string | null): LogLine | null {
  const at = run.finishedAt ?? new Date().toISOString();
  if (run.status === "finished") {
    const text = message || run.message;
    return text ? { key: `${run.id}:finished`, at, text, tone: "success" } : null;
  }
  if (run.status === "failed") {
    const reason = run.error?.message ?? "unknown error";
    return { key: `${run.id}:failed`, at, text: `Read Design failed: ${reason}`, tone: "danger" };
  }
  if (run.status === "cancelled") {
    return { key: `${run.id}:cancelled`, at, text: "Read Design cancelled", tone: "info" };
  }
  return null;
}

function withRun(state: LiveState, run: Run | null, message: string | null = null): LiveState {
  if (!run) return state;
  if (!isNewerRun(state.run, run)) return state;
  const line = endLine(run, message);
  return { ...state, run, log: line ? withLine(state.log, line) : state.log };
}

/**
 * Folds one events-socket message (or an HTTP answer dressed as one) into the live state.
 *
 * @example state = applyEvent(state, { type: "progress", run });
 */
export function applyEvent(state: LiveState, event: ConnectionEvent): LiveState {
  switch (event.type) {
    case "snapshot":
      return withRun({ ...state, connection: event.connection }, event.run);
    case "progress":
      return withRun(state, event.run);
    case "finished":
      return withRun(state, { ...event.run, status: "finished" }, event.message);
    case "failed":
      return withRun(state, {
        ...event.run,
        status: "failed",
        error: event.run.error ?? event.error,
      });
    case "connection":
      return { ...state, connection: event.connection };
  }
}
