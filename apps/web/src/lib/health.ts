export type Health = "checking" | "up" | "down";

/** What the portal says about the edge's health. */
export function healthLabel(health: Health): string {
  return { checking: "checking…", up: "online", down: "unreachable" }[health];
}
