/**
 * An audit action as words: `connection.authorize` -> "connection authorize", `read_design` -> "read design".
 *
 * @example actionLabel("api_key.created") // "api key created"
 */
export function actionLabel(action: string): string {
  return action.replace(/[._-]+/g, " ").trim();
}

/**
 * An audit event's details on one line: `key: value` pairs for objects, the text itself otherwise.
 *
 * @example detailsText({ code: "SFORCE001", orgChanged: true }) // "code: SFORCE001, orgChanged: true"
 */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined || details === "") return "—";
  if (typeof details !== "object") return String(details);
  if (Array.isArray(details)) return details.map((item) => detailsText(item)).join(", ");
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return "—";
  return entries
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`,
    )
    .join(", ");
}
