import { progress, type ReadMode, type ReadState } from "@portal/core/design";

/** The contract's Run statuses: the engine's plus `queued` (started, first alarm not yet run). */
export type RunStatus = "queued" | "running" | "finished" | "failed" | "cancelled";

/** The contract's `Run`, plus what the portal shows while it runs (`current`, counters). */
export interface RunView {
  id: string;
  status: RunStatus;
  mode: ReadMode;
  phase: ReadState["phase"];
  done: number;
  total: number;
  read: number;
  unchanged: number;
  removed: number;
  current: string[];
  failedObjects: { name: string; error: string }[];
  apiCalls: number;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
  error: { code: string; message: string } | null;
}

/** A run as stored: the engine state is plain JSON, rewritten after every applied answer. */
export interface RunRecord {
  id: string;
  seq: number;
  mode: ReadMode;
  status: RunStatus;
  state: ReadState;
  message: string | null;
  error: { code: string; message: string } | null;
  alarmFailures: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, seq INTEGER NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
  state TEXT NOT NULL, message TEXT, error TEXT, alarm_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
const KEEP_RUNS = 20;

type RunRow = {
  id: string;
  seq: number;
  mode: string;
  status: string;
  state: string;
  message: string | null;
  error: string | null;
  alarm_failures: number;
};

function recordOf(row: RunRow): RunRecord {
  return {
    id: row.id,
    seq: row.seq,
    mode: row.mode === "incremental" ? "incremental" : "full",
    status: row.status as RunStatus,
    state: JSON.parse(row.state) as ReadState,
    message: row.message,
    error: row.error ? (JSON.parse(row.error) as RunRecord["error"]) : null,
    alarmFailures: row.alarm_failures,
  };
}

/** The run log and a few facts (connection id, last finished read) in the object's SQLite. */
export class RunStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  getMeta(key: string): string | null {
    const row = this.sql
      .exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key)
      .toArray()[0];
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.sql.exec("INSERT OR REPLACE INTO meta VALUES (?, ?)", key, value);
  }

  deleteMeta(key: string): void {
    this.sql.exec("DELETE FROM meta WHERE key = ?", key);
  }

  /** Sets what the portal shows beside a running run (e.g. waiting for Salesforce); null clears it. */
  setMessage(id: string, message: string | null): void {
    this.sql.exec(
      "UPDATE runs SET message = ? WHERE id = ? AND status IN ('queued', 'running')",
      message,
      id,
    );
  }

  /** The run still queued or running, if any (one at a time). */
  active(): RunRecord | null {
    const row = this.sql
      .exec<RunRow>(
        "SELECT * FROM runs WHERE status IN ('queued', 'running') ORDER BY seq DESC LIMIT 1",
      )
      .toArray()[0];
    return row ? recordOf(row) : null;
  }

  /** The newest run, active or not. */
  latest(): RunRecord | null {
    const row = this.sql.exec<RunRow>("SELECT * FROM runs ORDER BY seq DESC LIMIT 1").toArray()[0];
    return row ? recordOf(row) : null;
  }

  /** Records a new queued run and trims the log. */
  create(id: string, mode: ReadMode, state: ReadState): RunRecord {
    const seq = (this.latest()?.seq ?? 0) + 1;
    this.sql.exec(
      "INSERT INTO runs (id, seq, mode, status, state) VALUES (?, ?, ?, 'queued', ?)",
      id,
      seq,
      mode,
      JSON.stringify(state),
    );
    this.sql.exec("DELETE FROM runs WHERE seq <= ?", seq - KEEP_RUNS);
    return { id, seq, mode, status: "queued", state, message: null, error: null, alarmFailures: 0 };
  }

  /** Stores the engine state of a running run (a no-op once it ended, e.g. cancelled meanwhile). */
  saveState(id: string, state: ReadState): void {
    this.sql.exec(
      "UPDATE runs SET state = ?, status = 'running' WHERE id = ? AND status IN ('queued', 'running')",
      JSON.stringify(state),
      id,
    );
  }

  /** Ends a run with its final status, state and message or error. */
  end(
    id: string,
    status: Exclude<RunStatus, "queued" | "running">,
    state: ReadState,
    outcome: { message?: string | null; error?: RunRecord["error"] },
  ): void {
    this.sql.exec(
      "UPDATE runs SET status = ?, state = ?, message = ?, error = ? WHERE id = ?",
      status,
      JSON.stringify(state),
      outcome.message ?? null,
      outcome.error ? JSON.stringify(outcome.error) : null,
      id,
    );
  }

  /** Counts an alarm that started working on the run; returns the count so far. */
  noteAlarmStart(id: string): number {
    return this.sql
      .exec<{ n: number }>(
        "UPDATE runs SET alarm_failures = alarm_failures + 1 WHERE id = ? RETURNING alarm_failures AS n",
        id,
      )
      .one().n;
  }

  /** An alarm finished its chunk without crashing: the failure count starts over. */
  noteAlarmDone(id: string): void {
    this.sql.exec("UPDATE runs SET alarm_failures = 0 WHERE id = ?", id);
  }

  clear(): void {
    this.sql.exec("DELETE FROM runs; DELETE FROM meta;");
  }
}

/** The API's view of a run. */
export function toRunView(run: RunRecord): RunView {
  const now = progress(run.state);
  const ended = run.status !== "queued" && run.status !== "running";
  return {
    id: run.id,
    status: run.status,
    mode: run.mode,
    phase: run.status === "finished" ? "done" : now.phase,
    done: now.done,
    total: now.total,
    read: now.read,
    unchanged: now.unchanged,
    removed: now.removed,
    current: ended ? [] : now.current,
    failedObjects: now.failedObjects,
    apiCalls: now.apiCalls,
    startedAt: run.state.startedAt,
    finishedAt: ended ? (run.state.finishedAt ?? null) : null,
    message: run.message,
    error: run.error,
  };
}
