/** A registered route as Hono lists it in `app.routes`. */
export type RouteEntry = { method: string; path: string };

function toPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) =>
      segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods that answer `path`, for a `405` with `Allow` instead of a `404` (middleware entries,
 * registered for `ALL`, do not count).
 * @example
 * allowedMethods([{ method: "GET", path: "/api/v1/services" }], "/api/v1/services") // ["GET"]
 */
export function createMethodLookup(routes: readonly RouteEntry[]): (path: string) => string[] {
  const compiled = routes
    .filter((route) => route.method !== "ALL" && !route.path.includes("*"))
    .map((route) => ({ method: route.method, pattern: toPattern(route.path) }));
  return function allowedMethods(path) {
    const methods = new Set(
      compiled.filter((route) => route.pattern.test(path)).map((route) => route.method),
    );
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
