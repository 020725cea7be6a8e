import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReconnectingSocket, type SocketLike, type SocketStatus } from "./reconnecting-socket.ts";

class FakeSocket implements SocketLike {
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  onerror: SocketLike["onerror"] = null;
  closedWith: number | null = null;

  constructor(readonly url: string) {}

  close(code?: number): void {
    this.closedWith = code ?? 1005;
  }

  open(): void {
    this.onopen?.({});
  }

  receive(data: string): void {
    this.onmessage?.({ data });
  }

  drop(): void {
    this.onerror?.({});
    this.onclose?.({ code: 1006 });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const messages: unknown[] = [];
  const statuses: SocketStatus[] = [];
  const delays = [100, 200, 400];
  const socket = new ReconnectingSocket({
    url: "ws://127.0.0.1/api/v1/connections/c1/events",
    onMessage: (data) => messages.push(data),
    onStatus: (status) => statuses.push(status),
    connect: (url) => {
      const fake = new FakeSocket(url);
      sockets.push(fake);
      return fake;
    },
    delayMs: (attempt) => delays[Math.min(attempt, delays.length - 1)] ?? 0,
  });
  return { socket, sockets, messages, statuses };
}

describe("ReconnectingSocket", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("Should open once and pass messages on", () => {
    const { socket, sockets, messages, statuses } = setup();
    socket.start();
    socket.start();
    expect(sockets).toHaveLength(1);
    sockets[0]?.open();
    sockets[0]?.receive('{"type":"progress"}');
    expect(messages).toEqual(['{"type":"progress"}']);
    expect(statuses).toEqual(["connecting", "open"]);
  });

  it("Should reconnect after a drop, waiting longer after each failed attempt", () => {
    const { socket, sockets, statuses } = setup();
    socket.start();
    sockets[0]?.drop();
    expect(statuses.at(-1)).toBe("reconnecting");
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.drop();
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
  });

  it("Should start the backoff over once a socket opens", () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets[0]?.drop();
    vi.advanceTimersByTime(100);
    sockets[1]?.open();
    sockets[1]?.drop();
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(3);
  });

  it("Should close with 1000 and never reconnect after stop", () => {
    const { socket, sockets, statuses } = setup();
    socket.start();
    sockets[0]?.open();
    socket.stop();
    expect(sockets[0]?.closedWith).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe("closed");
  });

  it("Should cancel a pending reconnection on stop", () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets[0]?.drop();
    socket.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("Should skip the wait on reconnectNow", () => {
    const { socket, sockets } = setup();
    socket.start();
    sockets[0]?.drop();
    socket.reconnectNow();
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it("Should retry when opening throws", () => {
    let calls = 0;
    const socket = new ReconnectingSocket({
      url: "ws://x",
      onMessage: () => {},
      connect: () => {
        calls += 1;
        throw new SyntaxError("bad url");
      },
      delayMs: () => 50,
    });
    socket.start();
    vi.advanceTimersByTime(50);
    expect(calls).toBe(2);
    socket.stop();
  });
});
