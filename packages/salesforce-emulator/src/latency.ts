import { performance } from "node:perf_hooks";

/**
 * Resolves at `targetMs` on the `performance.now()` clock. One timer per wait (no polling); a timer
 * that fires early (libuv rounds to whole ms against a cached loop time) is re-armed for the rest.
 */
export function waitUntil(targetMs: number): Promise<void> {
  const remaining = targetMs - performance.now();
  if (remaining <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const arm = (ms: number) =>
      setTimeout(() => {
        const left = targetMs - performance.now();
        if (left > 0) arm(left);
        else resolve();
      }, ms);
    arm(remaining);
  });
}

/**
 * A FIFO semaphore bounding REST requests in service. `limit` 0 means unbounded; changing it takes
 * effect at once (a raise admits queued requests immediately).
 */
export class ConcurrencyGate {
  #inService = 0;
  readonly #queue: (() => void)[] = [];

  constructor(private limit: number) {}

  /** Waits for a slot; the returned function frees it (call it exactly once). */
  async acquire(): Promise<() => void> {
    if (this.#hasRoom() && this.#queue.length === 0) {
      this.#inService++;
    } else {
      await new Promise<void>((resolve) => this.#queue.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inService--;
      this.#drain();
    };
  }

  /** Sets a new bound (0 = unbounded). */
  setLimit(limit: number): void {
    this.limit = limit;
    this.#drain();
  }

  get inService(): number {
    return this.#inService;
  }

  get queued(): number {
    return this.#queue.length;
  }

  #hasRoom(): boolean {
    return this.limit === 0 || this.#inService < this.limit;
  }

  #drain(): void {
    while (this.#queue.length > 0 && this.#hasRoom()) {
      this.#inService++;
      this.#queue.shift()?.();
    }
  }
}
