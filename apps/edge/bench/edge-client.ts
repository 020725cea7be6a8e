/** The edge API as a portal user drives it, from Node (cookie + the portal's Origin). */
import { authorizeByForm } from "@portal/salesforce-emulator";
import WebSocket from "ws";

export type Run = {
  id: string;
  status: string;
  done: number;
  total: number;
  apiCalls: number;
  failedObjects: unknown[];
  message: string | null;
  error?: { code: string; message: string } | null;
};

/** One message of the events socket. */
export type EdgeEvent = {
  type: string;
  run?: Run;
  message?: string;
  error?: { code: string; message: string };
  connection?: { status: string } | null;
};

/** An open events socket with everything it received so far. */
export interface EventStream {
  messages: EdgeEvent[];
  until(match: (event: EdgeEvent) => boolean, timeoutMs?: number): Promise<EdgeEvent>;
  ended(timeoutMs?: number): Promise<EdgeEvent>;
  /** Resolves when the socket closed (e.g. the edge went away). */
  closed: Promise<void>;
  close(): void;
}

export class EdgeClient {
  cookie = "";
  constructor(readonly url: string) {}

  async call<T>(path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        origin: this.url,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    const setCookie = res.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
    if (setCookie.length > 0) this.cookie = setCookie.join("; ");
    return {
      status: res.status,
      headers: res.headers,
      body: (res.status === 204 || res.status === 302 ? null : await res.json()) as T,
    };
  }

  /** Signs up a fresh person; returns the first service's id. */
  async signUp(email = `bench-${crypto.randomUUID()}@example.com`): Promise<string> {
    await this.call("/api/v1/auth/sign-up/email", {
      email,
      password: "bench-password",
      name: "Bench",
    });
    const { body } = await this.call<{ services: { id: string }[] }>("/api/v1/services");
    const id = body.services[0]?.id;
    if (!id) throw new Error("no service after sign-up");
    return id;
  }

  /**
   * Adds a connection to the emulator and authorizes it through its login and consent pages, as
   * `login` (default the emulator's admin; Salesforce keeps 5 refresh tokens per user and app).
   */
  async authorizedConnection(
    serviceId: string,
    loginUrl: string,
    login: { username: string; password: string } | null = null,
  ): Promise<{ id: string; code: string }> {
    const { body: connection } = await this.call<{ id: string; code: string }>(
      `/api/v1/services/${serviceId}/connections`,
      { environment: "custom", loginUrl },
    );
    const { body } = await this.call<{ authorizeUrl: string }>(
      `/api/v1/connections/${connection.id}/authorize`,
      {},
    );
    const callback = await authorizeByForm(body.authorizeUrl, login ?? {});
    const landed = await this.call(`/oauth/callback${callback.search}`);
    const outcome = new URL(landed.headers.get("location") ?? "", this.url).searchParams.get(
      "authorize",
    );
    if (outcome !== "ok") throw new Error(`authorize ended with ${outcome}`);
    return connection;
  }

  /**
   * Opens the events socket and collects every message; `until` resolves with the first message
   * that matches (bounded by `timeoutMs`), `ended` with the run's `finished` or `failed` message.
   */
  async events(connectionId: string): Promise<EventStream> {
    const socket = new WebSocket(
      `${this.url.replace(/^http/, "ws")}/api/v1/connections/${connectionId}/events`,
      { headers: { cookie: this.cookie, origin: this.url } },
    );
    const messages: EdgeEvent[] = [];
    const waiters = new Set<() => void>();
    socket.on("message", (data) => {
      messages.push(JSON.parse(String(data)) as EdgeEvent);
      for (const wake of waiters) wake();
    });
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    const until = (match: (event: EdgeEvent) => boolean, timeoutMs = 60_000) =>
      new Promise<EdgeEvent>((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = messages.map((event) => event.type).join(",");
          reject(new Error(`no matching event within ${timeoutMs} ms (seen: ${seen})`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    return {
      messages,
      until,
      ended: (timeoutMs) =>
        until((event) => event.type === "finished" || event.type === "failed", timeoutMs),
      closed,
      close: () => socket.close(1000),
    };
  }

  /** Opens the events socket and resolves with the run once it ends. */
  async watch(connectionId: string): Promise<{ ended: Promise<Run>; close(): void }> {
    const socket = new WebSocket(
      `${this.url.replace(/^http/, "ws")}/api/v1/connections/${connectionId}/events`,
      {
        headers: { cookie: this.cookie, origin: this.url },
      },
    );
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    const ended = new Promise<Run>((resolve, reject) => {
      socket.on("message", (data) => {
        const event = JSON.parse(String(data)) as { type: string; run?: Run };
        if (event.type === "finished" && event.run) resolve(event.run);
        if (event.type === "failed") reject(new Error(`run failed: ${String(data)}`));
      });
    });
    return { ended, close: () => socket.close(1000) };
  }

  /** Starts Read Design and waits for its end over the events socket; returns run and wall time. */
  async readDesign(connectionId: string, mode: "full" | "incremental") {
    const watcher = await this.watch(connectionId);
    const started = performance.now();
    await this.call(`/api/v1/connections/${connectionId}/read-design`, { mode });
    const run = await watcher.ended;
    const ms = Math.round(performance.now() - started);
    watcher.close();
    return { run, ms };
  }
}
