import type { IncomingMessage } from "node:http";
import type { EmulatorState } from "../state.ts";
import { parseCookies, readBody } from "./body.ts";

/** Default cap on request bodies (describes added through the control API can be large). */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** What a handler gets: the request, its parsed URL and the emulator state. */
export class RequestContext {
  readonly method: string;
  readonly url: URL;
  readonly #afterSend: (() => void)[] = [];
  #body: Promise<Buffer> | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly state: EmulatorState,
  ) {
    this.method = (req.method ?? "GET").toUpperCase();
    this.url = new URL(req.url ?? "/", "http://127.0.0.1");
  }

  get path(): string {
    return this.url.pathname;
  }

  /** The request body (read once, capped). */
  body(limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<Buffer> {
    this.#body ??= readBody(this.req, limitBytes);
    return this.#body;
  }

  /** A request header as one string. */
  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : value;
  }

  cookie(name: string): string | undefined {
    return parseCookies(this.header("cookie")).get(name);
  }

  /** The bearer token of `Authorization: Bearer <t>` (Salesforce also accepts `OAuth <t>`). */
  bearerToken(): string | undefined {
    const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(this.header("authorization") ?? "");
    return match?.[1];
  }

  /** Runs `fn` once the answer has been written (or the connection dropped). */
  afterSend(fn: () => void): void {
    this.#afterSend.push(fn);
  }

  /** Called by the server after writing the answer. */
  finish(): void {
    for (const fn of this.#afterSend.splice(0)) fn();
  }
}
