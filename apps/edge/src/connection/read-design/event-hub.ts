/** What each socket remembers across hibernation (`serializeAttachment`). */
export interface SocketAttachment {
  connectionId: string;
  /** `user:<id>` or `api_key:<id>`: who is watching, for logs and audits; never a secret. */
  viewer: string;
  connectedAt: number;
}

const NORMAL_CLOSURE = 1000;

/**
 * The connection's event stream over hibernatable WebSockets: the Durable Object can be evicted
 * between events while sockets stay open; per-socket data lives in the socket's attachment.
 */
export class EventHub {
  constructor(private readonly ctx: DurableObjectState) {}

  /** Accepts an upgrade, sends the first message (the snapshot) and returns the 101 answer. */
  accept(attachment: SocketAttachment, snapshot: unknown): Response {
    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(attachment);
    server.send(JSON.stringify(snapshot));
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends one event to every open socket; a socket that fails is closed and forgotten. */
  broadcast(event: unknown): void {
    const message = JSON.stringify(event);
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
      } catch {
        this.#close(socket);
      }
    }
  }

  /** Open sockets right now. */
  size(): number {
    return this.ctx.getWebSockets().length;
  }

  /** Answers the client's keep-alive; anything else is ignored (the stream is one-way). */
  message(socket: WebSocket, data: string | ArrayBuffer): void {
    if (data === "ping") socket.send(JSON.stringify({ type: "pong" }));
  }

  /** The peer closed: close our side too, always with 1000 (1005/1006 may not be sent). */
  closed(socket: WebSocket): void {
    this.#close(socket);
  }

  /** Closes every socket (the connection is being deleted). */
  closeAll(reason: string): void {
    for (const socket of this.ctx.getWebSockets()) this.#close(socket, reason);
  }

  #close(socket: WebSocket, reason = "closed"): void {
    try {
      socket.close(NORMAL_CLOSURE, reason);
    } catch {
      // Already closed.
    }
  }
}
