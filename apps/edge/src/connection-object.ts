import { DurableObject } from "cloudflare:workers";
import { oauthClientFor } from "./connection/secrets.ts";
import { TokenBroker, type AccessTokenResult } from "./connection/token-broker.ts";

/**
 * One per Salesforce connection (`idFromName(connectionId)`): owns everything that must happen
 * one at a time for it. Thin on purpose: each concern lives in its own module under
 * src/connection/ and is composed here (the token broker now; Read Design joins later).
 */
export class ConnectionObject extends DurableObject<Env> {
  #broker: TokenBroker | null = null;

  /**
   * A fresh access token (cached, or refreshed once for all concurrent callers).
   * @example
   * await connectionStub(env, id).getAccessToken({ connectionId: id, force: false });
   */
  async getAccessToken(input: {
    connectionId: string;
    force?: boolean;
  }): Promise<AccessTokenResult> {
    return this.#brokerFor(input.connectionId).getAccessToken({ force: input.force === true });
  }

  /** Drops the in-memory access token (after re-authorize or revoke). */
  async forgetAccessToken(input: { connectionId: string }): Promise<void> {
    this.#brokerFor(input.connectionId).forget();
  }

  /** Wipes everything this object holds (the connection is being deleted). */
  async destroy(): Promise<void> {
    this.#broker?.forget();
    this.#broker = null;
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
