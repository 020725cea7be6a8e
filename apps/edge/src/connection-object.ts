import { DurableObject } from "cloudflare:workers";

/** One per Salesforce connection: token broker, Read Design runner, event hub, design store. */
export class ConnectionObject extends DurableObject<Env> {
  async ping(): Promise<string> {
    return "pong";
  }
}
