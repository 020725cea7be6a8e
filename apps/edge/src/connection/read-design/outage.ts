import type { RunStore } from "./run-store.ts";

/**
 * Salesforce not answering at all (connection refused or reset, timeouts), as opposed to
 * answering with an error. A demanding user expects a read to ride that out, not to "finish"
 * with every object failed and a half-empty design: the run pauses, probes on a backoff for up
 * to `outageMs`, and continues where it stopped once Salesforce answers again (or fails clearly
 * when it never does). The probe is the versions list: no token, not counted toward API usage.
 */
export interface OutageLimits {
  /** How long a run waits for Salesforce to answer again before it fails. */
  outageMs: number;
  /** Longest pause between two probes (they start at 1 s and double). */
  outageProbeMaxMs: number;
}

export const DEFAULT_OUTAGE_LIMITS: OutageLimits = {
  outageMs: 10 * 60_000,
  outageProbeMaxMs: 30_000,
};

/** An outage as stored: which run waits, since when, and when it probes next. */
export interface Outage {
  runId: string;
  since: number;
  probes: number;
  nextAt: number;
}

const KEY = "outage";
const INSTANCE_KEY = "instanceUrl";
const PROBE_TIMEOUT_MS = 10_000;

/** The run's outage bookkeeping, kept in the run store's meta table so it survives eviction. */
export class OutageTracker {
  constructor(
    private readonly runs: RunStore,
    private readonly limits: OutageLimits,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** The outage the run is waiting out, if any. */
  of(runId: string): Outage | null {
    const stored = this.runs.getMeta(KEY);
    if (!stored) return null;
    const outage = JSON.parse(stored) as Outage;
    return outage.runId === runId ? outage : null;
  }

  /** Records one more failed contact; `expired` once the run has waited longer than allowed. */
  note(runId: string, now: number): { outage: Outage; expired: boolean } {
    const before = this.of(runId);
    const probes = (before?.probes ?? 0) + 1;
    const pause = Math.min(1000 * 2 ** (probes - 1), this.limits.outageProbeMaxMs);
    const outage = { runId, since: before?.since ?? now, probes, nextAt: now + pause };
    this.runs.setMeta(KEY, JSON.stringify(outage));
    return { outage, expired: now - outage.since >= this.limits.outageMs };
  }

  /** Salesforce answered again. */
  clear(): void {
    if (this.runs.getMeta(KEY) !== null) this.runs.deleteMeta(KEY);
  }

  /** Remembers where Salesforce lives, so a probe needs no access token. */
  rememberInstance(instanceUrl: string): void {
    if (this.runs.getMeta(INSTANCE_KEY) !== instanceUrl)
      this.runs.setMeta(INSTANCE_KEY, instanceUrl);
  }

  /** Whether Salesforce answers HTTP at all (any status counts); `true` when nothing to probe. */
  async reachable(): Promise<boolean> {
    const instanceUrl = this.runs.getMeta(INSTANCE_KEY);
    if (!instanceUrl) return true;
    try {
      const res = await this.fetchImpl(new URL("/services/data/", instanceUrl), {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      await res.body?.cancel();
      return true;
    } catch {
      return false;
    }
  }
}

/** What the portal shows while a run waits for Salesforce. */
export function waitingMessage(outage: Outage): string {
  return `Salesforce is not answering (since ${new Date(outage.since).toISOString()}); Read Design continues where it stopped once it answers again.`;
}

/** The error of a run that waited too long. */
export function outageError(outage: Outage, now: number): { code: string; message: string } {
  const seconds = Math.round((now - outage.since) / 1000);
  return {
    code: "salesforce_unavailable",
    message: `Salesforce did not answer for ${seconds} s; Read Design stopped and the design was left unchanged. Try again later.`,
  };
}

/** Errors from the engine, worded for the person reading them in the portal. */
export function explainRunError(error: { code: string; message: string }) {
  if (error.code === "request_limit_exceeded") {
    return {
      code: error.code,
      message: `Salesforce's daily API request limit for this org is used up (${error.message}); Read Design stopped and the design was left unchanged. Try again once the org's 24-hour usage has dropped.`,
    };
  }
  return error;
}
