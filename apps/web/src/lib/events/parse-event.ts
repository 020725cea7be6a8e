import type { ConnectionEvent } from "../api/types.ts";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Checks one events-socket message and returns it typed, or `null` for anything unexpected
 * (unknown types are skipped so a newer edge cannot break an older page).
 *
 * @example parseEvent('{"type":"progress","run":{...}}')
 */
export function parseEvent(data: unknown): ConnectionEvent | null {
  if (typeof data !== "string") return null;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(message)) return null;
  const run = isObject(message.run) ? message.run : null;
  const connection = isObject(message.connection) ? message.connection : null;
  switch (message.type) {
    case "snapshot":
      return connection ? ({ ...message, run, connection } as ConnectionEvent) : null;
    case "progress":
      return run ? (message as ConnectionEvent) : null;
    case "finished":
      return run
        ? ({ ...message, message: String(message.message ?? run.message ?? "") } as ConnectionEvent)
        : null;
    case "failed":
      return run
        ? ({
            ...message,
            error: isObject(message.error)
              ? message.error
              : (run.error ?? { code: "failed", message: "Read Design failed." }),
          } as ConnectionEvent)
        : null;
    case "connection":
      return connection ? (message as ConnectionEvent) : null;
    default:
      return null;
  }
}
