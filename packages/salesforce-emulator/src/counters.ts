/** Replaces a path's variable parts so `byPath` groups requests by resource. */
export function normalizePath(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  return trimmed
    .replace(/^\/services\/data\/(v\d+\.\d+|latest)(?=\/|$)/, "/services/data/vNN.N")
    .replace(/^(\/services\/data\/vNN\.N\/sobjects)\/[^/]+/, "$1/*")
    .replace(/^\/id\/[^/]+\/[^/]+$/, "/id/*/*");
}

/** Real HTTP requests served (not the control API), by normalized path. */
export class RequestCounter {
  #byPath = new Map<string, number>();
  #total = 0;

  record(path: string): void {
    const key = normalizePath(path);
    this.#byPath.set(key, (this.#byPath.get(key) ?? 0) + 1);
    this.#total++;
  }

  snapshot(): { total: number; byPath: Record<string, number> } {
    return { total: this.#total, byPath: Object.fromEntries(this.#byPath) };
  }

  reset(): void {
    this.#byPath = new Map();
    this.#total = 0;
  }
}

/** The org's daily API usage, as `Sforce-Limit-Info` reports it. */
export class ApiUsage {
  used = 0;

  /** Whether `cost` more calls stay within `limit`. */
  fits(cost: number, limit: number): boolean {
    return this.used + cost <= limit;
  }

  charge(cost: number): void {
    this.used += cost;
  }

  header(limit: number): string {
    return `api-usage=${this.used}/${limit}`;
  }
}
