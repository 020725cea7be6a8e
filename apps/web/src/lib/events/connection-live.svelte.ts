import { api, eventsUrl } from "../api/client.ts";
import type { Connection, ConnectionEvent, Run } from "../api/types.ts";
import { EMPTY_LIVE_STATE, applyEvent, type LiveState } from "./live-state.ts";
import { parseEvent } from "./parse-event.ts";
import { ReconnectingSocket, type SocketStatus } from "./reconnecting-socket.ts";

/**
 * One connection as its row shows it, kept current by the connection's events socket and by the
 * answers of the row's own actions. Read `state` from the instance; do not destructure it.
 *
 * @example
 * const live = new ConnectionLive(connection);
 * $effect(() => { live.start(); return () => live.stop(); });
 */
export class ConnectionLive {
  state = $state<LiveState>(EMPTY_LIVE_STATE);
  socketStatus = $state<SocketStatus>("closed");
  #socket: ReconnectingSocket | null = null;

  constructor(connection: Connection) {
    this.state = { ...EMPTY_LIVE_STATE, connection };
  }

  /** The connection as last heard of (never null: it starts from the list's copy). */
  get connection(): Connection {
    return this.state.connection as Connection;
  }

  get run(): Run | null {
    return this.state.run;
  }

  apply(event: ConnectionEvent): void {
    this.state = applyEvent(this.state, event);
  }

  setConnection(connection: Connection): void {
    this.apply({ type: "connection", connection });
  }

  setRun(run: Run): void {
    this.apply({ type: "progress", run });
  }

  /** Opens the events socket; also asks once over HTTP so the last run shows even without it. */
  start(): void {
    if (this.#socket) return;
    const id = this.connection.id;
    this.#socket = new ReconnectingSocket({
      url: eventsUrl(id),
      onMessage: (data) => {
        const event = parseEvent(data);
        if (event) this.apply(event);
      },
      onStatus: (status) => {
        this.socketStatus = status;
      },
    });
    this.#socket.start();
    api.readDesign.get(id).then(
      (run) => this.setRun(run),
      // 404 = never read; other failures leave it to the socket's snapshot.
      () => {},
    );
  }

  stop(): void {
    this.#socket?.stop();
    this.#socket = null;
  }

  /** After the browser comes back online: do not wait for the backoff. */
  reconnectNow(): void {
    this.#socket?.reconnectNow();
  }
}
