import type { ReadMode, ReadOptions } from "@portal/core/design";
import { toConnectionView } from "../../api/views.ts";
import { recordAudit } from "../../db/audit.ts";
import { createDb } from "../../db/client.ts";
import { getConnectionById } from "../../db/connections.ts";
import { recordDesignSummary } from "../../db/design-summary.ts";
import type { AccessTokenResult } from "../token-broker.ts";
import { DesignStore, type ObjectQuery } from "./design-store.ts";
import { EventHub, type SocketAttachment } from "./event-hub.ts";
import { ReadDesignRunner, type ChunkLimits } from "./runner.ts";
import { RunStore, type RunView } from "./run-store.ts";

/** What the Durable Object hands to Read Design. */
export interface ReadDesignHostDeps {
  ctx: DurableObjectState;
  env: Env;
  getAccessToken: (connectionId: string, force: boolean) => Promise<AccessTokenResult>;
  fetch?: typeof fetch;
  limits?: Partial<ChunkLimits>;
  readOptions?: ReadOptions;
  scheduleAlarms?: boolean;
}

/**
 * Read Design inside the connection's Durable Object: the run log, the design store, the runner
 * and the event hub, wired together. The DO class delegates to it.
 */
export class ReadDesignHost {
  readonly runs: RunStore;
  readonly design: DesignStore;
  readonly hub: EventHub;
  readonly runner: ReadDesignRunner;
  readonly #deps: ReadDesignHostDeps;

  constructor(deps: ReadDesignHostDeps) {
    this.#deps = deps;
    const sql = deps.ctx.storage.sql;
    this.runs = new RunStore(sql);
    this.design = new DesignStore(sql);
    this.hub = new EventHub(deps.ctx);
    this.runner = new ReadDesignRunner({
      storage: deps.ctx.storage,
      runs: this.runs,
      design: this.design,
      getAccessToken: (force) => deps.getAccessToken(this.#connectionId(), force),
      emit: (event) => this.hub.broadcast(event),
      ended: (run) => this.#ended(run),
      connectionCode: () => this.runs.getMeta("code") ?? "the connection",
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.limits ? { limits: deps.limits } : {}),
      ...(deps.readOptions ? { readOptions: deps.readOptions } : {}),
      ...(deps.scheduleAlarms === false ? { scheduleAlarms: false } : {}),
    });
  }

  /** Remembers which connection this object serves (alarms carry no request to tell). */
  bind(connection: { id: string; code: string }): void {
    if (this.runs.getMeta("connectionId") !== connection.id)
      this.runs.setMeta("connectionId", connection.id);
    if (this.runs.getMeta("code") !== connection.code) this.runs.setMeta("code", connection.code);
  }

  async start(connection: { id: string; code: string }, mode: ReadMode) {
    this.bind(connection);
    return this.runner.start(mode);
  }

  list(query: ObjectQuery) {
    return this.design.list(query);
  }

  /** Opens the events socket: a snapshot first, then every event. */
  async openEvents(attachment: SocketAttachment, code: string): Promise<Response> {
    this.bind({ id: attachment.connectionId, code });
    // A run whose alarm was lost (e.g. storage restored without it) starts moving again.
    await this.runner.armFromState();
    const row = await getConnectionById(createDb(this.#deps.env.DB), attachment.connectionId);
    // No await between the snapshot and accepting the socket: no event can fall in between.
    const snapshot = {
      type: "snapshot",
      run: this.runner.current(),
      connection: row ? toConnectionView(row) : null,
    };
    return this.hub.accept(attachment, snapshot);
  }

  /** Wipes runs, design and sockets (the connection is being deleted). */
  destroy(): void {
    this.hub.closeAll("connection deleted");
    this.runs.clear();
    this.design.clear();
  }

  #connectionId(): string {
    const id = this.runs.getMeta("connectionId");
    if (!id) throw new Error("Read Design has no connection bound");
    return id;
  }

  /**
   * A run ended: the summary goes to D1 and an audit entry is written; the connection event
   * carries its status (a refused refresh token already made it needs_reauth) to every viewer.
   */
  async #ended(run: RunView): Promise<void> {
    const id = this.#connectionId();
    const db = createDb(this.#deps.env.DB);
    const status = run.status === "queued" || run.status === "running" ? "running" : run.status;
    if (status === "finished") {
      const counts = this.design.counts();
      await recordDesignSummary(db, id, {
        status,
        lastReadAt: new Date(run.finishedAt ?? Date.now()),
        ...counts,
      });
    } else {
      await recordDesignSummary(db, id, { status });
    }
    const row = await getConnectionById(db, id);
    if (row) {
      await recordAudit(db, {
        organizationId: row.organizationId,
        actor: "system",
        action: `read_design.${status}`,
        target: row.code,
        details: {
          runId: run.id,
          mode: run.mode,
          objects: run.done,
          apiCalls: run.apiCalls,
          failedObjects: run.failedObjects.length,
          ...(run.error ? { error: run.error.code } : {}),
        },
      });
      this.hub.broadcast({ type: "connection", connection: toConnectionView(row) });
    }
  }
}
