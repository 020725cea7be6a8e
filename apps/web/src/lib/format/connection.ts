import type {
  Connection,
  ConnectionStatus,
  Environment,
  ErrorInfo,
  RunPhase,
  RunStatus,
} from "../api/types.ts";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

const STATUS_LABELS: Record<ConnectionStatus, string> = {
  new: "new",
  authorized: "authorized",
  needs_reauth: "needs re-authorization",
  revoked: "revoked",
  error: "error",
};

const STATUS_TONES: Record<ConnectionStatus, StatusTone> = {
  new: "neutral",
  authorized: "success",
  needs_reauth: "warning",
  revoked: "neutral",
  error: "danger",
};

/**
 * The status badge's words.
 *
 * @example statusLabel("needs_reauth") // "needs re-authorization"
 */
export function statusLabel(status: ConnectionStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** The status badge's colour. */
export function statusTone(status: ConnectionStatus): StatusTone {
  return STATUS_TONES[status] ?? "neutral";
}

const ENVIRONMENT_LABELS: Record<Environment, string> = {
  production: "Production",
  sandbox: "Sandbox",
  custom: "My Domain",
};

/**
 * The environment as people call it.
 *
 * @example environmentLabel("custom") // "My Domain"
 */
export function environmentLabel(environment: Environment): string {
  return ENVIRONMENT_LABELS[environment] ?? environment;
}

/**
 * The login host of a login URL (`https://acme.my.salesforce.com` -> `acme.my.salesforce.com`).
 *
 * @example loginHost("http://127.0.0.1:8788") // "127.0.0.1:8788"
 */
export function loginHost(loginUrl: string | null | undefined): string {
  if (!loginUrl) return "—";
  try {
    return new URL(loginUrl).host;
  } catch {
    return loginUrl;
  }
}

/**
 * "Authorize" until the connection was ever authorized, then "Re-authorize".
 *
 * @example authorizeLabel({ status: "new", authorizedAt: null }) // "Authorize"
 */
export function authorizeLabel(connection: Pick<Connection, "status" | "authorizedAt">): string {
  return connection.status === "new" && !connection.authorizedAt ? "Authorize" : "Re-authorize";
}

/** The words of an error that the edge sent as a sentence or as `{code, message}`. */
export function errorText(error: string | ErrorInfo | null | undefined): string | null {
  if (!error) return null;
  return typeof error === "string" ? error : error.message || error.code;
}

const PHASE_LABELS: Record<RunPhase, string> = {
  listing: "Listing objects",
  describing: "Reading objects",
  saving: "Saving the design",
  done: "Done",
};

/** What a Read Design run is doing now. */
export function phaseLabel(phase: RunPhase): string {
  return PHASE_LABELS[phase] ?? phase;
}

const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: "Queued",
  running: "Running",
  finished: "Finished",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** A run's status in words. */
export function runStatusLabel(status: RunStatus): string {
  return RUN_STATUS_LABELS[status] ?? status;
}

/** Whether a run has ended (it will send no more progress). */
export function isRunOver(status: RunStatus): boolean {
  return status === "finished" || status === "failed" || status === "cancelled";
}
