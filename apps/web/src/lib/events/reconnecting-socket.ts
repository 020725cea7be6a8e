import { reconnectDelayMs } from "./backoff.ts";

/** The part of the browser's WebSocket this module uses (tests pass a fake). */
export type SocketLike = {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
};

export type SocketStatus = "connecting" | "open" | "reconnecting" | "closed";

export type ReconnectingSocketOptions = {
  url: string;
  onMessage: (data: unknown) => void;
  onStatus?: (status: SocketStatus) => void;
  /** Opens a socket; defaults to `new WebSocket(url)`. */
  connect?: (url: string) => SocketLike;
  /** Wait before attempt n (0-based); defaults to exponential backoff with jitter. */
  delayMs?: (attempt: number) => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

/**
 * A WebSocket that reopens itself after a drop, waiting longer after each failed attempt, until
 * `stop()`. The events socket sends a snapshot on every open, so nothing needs replaying.
 *
 * @example
 * const socket = new ReconnectingSocket({ url, onMessage: (data) => handle(data) });
 * socket.start(); // later: socket.stop();
 */
export class ReconnectingSocket {
  #options: Required<Omit<ReconnectingSocketOptions, "onStatus">> &
    Pick<ReconnectingSocketOptions, "onStatus">;
  #socket: SocketLike | null = null;
  #timer: unknown = null;
  #attempt = 0;
  #stopped = true;

  constructor(options: ReconnectingSocketOptions) {
    this.#options = {
      connect: (url) => new WebSocket(url) as unknown as SocketLike,
      delayMs: (attempt) => reconnectDelayMs(attempt),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** Opens the socket (no-op when already started). */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#attempt = 0;
    this.#open("connecting");
  }

  /** Closes the socket for good and cancels any pending reconnection. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) this.#options.clearTimer(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      this.#detach(socket);
      socket.close(1000, "page closed");
    }
    this.#options.onStatus?.("closed");
  }

  /** Skips the wait after a drop (e.g. when the browser comes back online). */
  reconnectNow(): void {
    if (this.#stopped || this.#timer === null) return;
    this.#options.clearTimer(this.#timer);
    this.#timer = null;
    this.#open("reconnecting");
  }

  #open(status: SocketStatus): void {
    this.#options.onStatus?.(status);
    let socket: SocketLike;
    try {
      socket = this.#options.connect(this.#options.url);
    } catch {
      this.#scheduleReconnect();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#options.onStatus?.("open");
    };
    socket.onmessage = (event) => this.#options.onMessage(event.data);
    // A failed open fires error then close; the close handler alone decides what happens next.
    socket.onerror = () => {};
    socket.onclose = () => {
      this.#detach(socket);
      if (this.#socket === socket) this.#socket = null;
      if (!this.#stopped) this.#scheduleReconnect();
    };
  }

  #scheduleReconnect(): void {
    this.#options.onStatus?.("reconnecting");
    const wait = this.#options.delayMs(this.#attempt);
    this.#attempt += 1;
    this.#timer = this.#options.setTimer(() => {
      this.#timer = null;
      if (!this.#stopped) this.#open("reconnecting");
    }, wait);
  }

  #detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }
}
