import { DurableObject } from "cloudflare:workers";
import type { ReadMode } from "@portal/core/design";
import type { ObjectQuery } from "./connection/read-design/design-store.ts";
import type { SocketAttachment } from "./connection/read-design/event-hub.ts";
import { ReadDesignHost } from "./connection/read-design/read-design-host.ts";
import { oauthClientFor } from "./connection/secrets.ts";
import { TokenBroker, type AccessTokenResult } from "./connection/token-broker.ts";

/**
 * One per Salesforce connection (`idFromName(connectionId)`): owns everything that must happen
 * one at a time for it. Thin on purpose: each concern lives in its own module under
 * src/connection/ and is composed here (the token broker, Read Design with its design store and
 * event hub).
 */
export class ConnectionObject extends DurableObject<Env> {
  #broker: TokenBroker | null = null;
  readonly #design: ReadDesignHost;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#design = new ReadDesignHost({
      ctx,
      env,
      getAccessToken: (connectionId, force) =>
        this.#brokerFor(connectionId).getAccessToken({ force }),
    });
  }

  /**
   * A fresh access token (cached, or refreshed once for all concurrent callers).
   * @example
   * await connectionStub(env, id).getAccessToken({ connectionId: id, force: false });
   */
  async getAccessToken(input: {
    connectionId: string;
    force?: boolean;
    /** When the caller's request began (ms): a forced call takes a token refreshed after it. */
    requestedAt?: number;
  }): Promise<AccessTokenResult> {
    const { force, requestedAt } = input;
    return this.#brokerFor(input.connectionId).getAccessToken({
      force: force === true,
      requestedAt,
    });
  }

  /** Drops the in-memory access token (after re-authorize or revoke). */
  async forgetAccessToken(input: { connectionId: string }): Promise<void> {
    this.#brokerFor(input.connectionId).forget();
  }

  /** Starts Read Design, or returns the active run. */
  async startReadDesign(input: { connectionId: string; code: string; mode: ReadMode }) {
    this.#brokerFor(input.connectionId);
    return this.#design.start({ id: input.connectionId, code: input.code }, input.mode);
  }

  /** The active or last run, or null. */
  async readDesignRun() {
    return this.#design.runner.current();
  }

  /** Cancels the active run; null when none is active. */
  async cancelReadDesign() {
    return this.#design.runner.cancel();
  }

  /** One page of the read objects. */
  async designObjects(query: ObjectQuery) {
    return this.#design.list(query);
  }

  /** One read object with all its fields, or null. */
  // Typed loosely on purpose: the recursive JSON type of a design is too deep for RPC's mapped types.
  async designObject(name: string): Promise<Record<string, unknown> | null> {
    return this.#design.design.object(name) as Record<string, unknown> | null;
  }

  /** Changes between the last two finished reads (empty before the first). */
  async designChanges() {
    return this.#design.design.changes(this.#design.runner.changesWindow());
  }

  /** The events WebSocket; the Worker authenticated the caller and names the connection. */
  override async fetch(request: Request): Promise<Response> {
    const connectionId = request.headers.get("x-connection-id");
    const code = request.headers.get("x-connection-code");
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || !connectionId || !code) {
      return new Response("Expected a WebSocket upgrade from the Worker", { status: 400 });
    }
    this.#brokerFor(connectionId);
    const attachment: SocketAttachment = {
      connectionId,
      viewer: request.headers.get("x-viewer") ?? "unknown",
      connectedAt: Date.now(),
    };
    return this.#design.openEvents(attachment, code);
  }

  override async alarm(): Promise<void> {
    await this.#design.runner.alarm();
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer) {
    this.#design.hub.message(socket, message);
  }

  override async webSocketClose(socket: WebSocket) {
    this.#design.hub.closed(socket);
  }

  override async webSocketError(socket: WebSocket) {
    this.#design.hub.closed(socket);
  }

  /** Wipes everything this object holds (the connection is being deleted). */
  async destroy(): Promise<void> {
    this.#broker?.forget();
    this.#broker = null;
    this.#design.destroy();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  #brokerFor(connectionId: string): TokenBroker {
    // The caller names the connection; it must be the one this object was addressed by.
    if (!this.ctx.id.equals(this.env.CONNECTION.idFromName(connectionId))) {
      throw new TypeError("connectionId does not belong to this Durable Object");
    }
    this.#broker ??= new TokenBroker({
      env: this.env,
      connectionId,
      client: oauthClientFor(this.env),
    });
    return this.#broker;
  }
}
