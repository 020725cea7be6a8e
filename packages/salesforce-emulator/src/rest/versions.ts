/** Oldest and newest API versions served. */
export const MIN_VERSION = 31;
export const MAX_VERSION = 62;
/** The newest version, which `latest` stands for. */
export const LATEST_VERSION = `${MAX_VERSION}.0`;

const SEASONS = ["Summer", "Winter", "Spring"] as const;

/** `GET /services/data/`: `[{label: "Summer '14", url: "/services/data/v31.0", version: "31.0"}, ...]`. */
export const VERSIONS = Array.from({ length: MAX_VERSION - MIN_VERSION + 1 }, (_, i) => {
  const version = `${MIN_VERSION + i}.0`;
  // v31.0 is Summer '14; three releases a year (Winter and Spring carry the next year's number).
  const year = 14 + Math.floor((i + 2) / 3);
  return { label: `${SEASONS[i % 3]} '${year}`, url: `/services/data/v${version}`, version };
});

const SUPPORTED = new Set(VERSIONS.map((v) => v.version));

/** "v62.0" or "latest" -> "62.0"; `undefined` for an unsupported version. */
export function resolveVersion(segment: string): string | undefined {
  if (segment === "latest") return LATEST_VERSION;
  const version = segment.startsWith("v") ? segment.slice(1) : "";
  return SUPPORTED.has(version) ? version : undefined;
}
