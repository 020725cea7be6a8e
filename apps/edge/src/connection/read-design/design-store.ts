import type { DesignChanges, FieldDesign, ObjectChange, ObjectDesign } from "@portal/core/design";
import { diffObject } from "@portal/core/design";

/**
 * The read design in the connection's Durable Object SQLite. A run writes into `stage_*` tables
 * (with each object's change against the current design), and `commit` swaps them in at the end
 * in one transaction: a failed or cancelled run leaves the current design untouched, and the
 * diff between the last two reads is kept as rows (`changes`), not as a second full copy.
 * Fields are rows, never one describe blob per object (SQLite values are limited to ~2 MB).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS objects (
  name TEXT PRIMARY KEY, label TEXT, label_lower TEXT, label_plural TEXT, key_prefix TEXT,
  custom INTEGER, queryable INTEGER, createable INTEGER, updateable INTEGER,
  field_count INTEGER NOT NULL, body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fields (
  object TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (object, name)
);
CREATE TABLE IF NOT EXISTS changes (name TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT);
CREATE TABLE IF NOT EXISTS stage_objects AS SELECT * FROM objects WHERE 0;
CREATE TABLE IF NOT EXISTS stage_fields AS SELECT * FROM fields WHERE 0;
CREATE UNIQUE INDEX IF NOT EXISTS stage_fields_key ON stage_fields (object, name);
CREATE UNIQUE INDEX IF NOT EXISTS stage_objects_key ON stage_objects (name);
CREATE TABLE IF NOT EXISTS stage_changes (name TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT);
`;

/** One row of the objects list (`GET .../design/objects`). */
export interface ObjectSummary {
  name: string;
  label: string | null;
  labelPlural: string | null;
  keyPrefix: string | null;
  custom: boolean | null;
  queryable: boolean | null;
  createable: boolean | null;
  updateable: boolean | null;
  fieldCount: number;
}

/** Filters of the objects list; `q` matches part of the name or label, ignoring case. */
export interface ObjectQuery {
  q?: string | undefined;
  custom?: boolean | undefined;
  queryable?: boolean | undefined;
  limit: number;
  offset: number;
}

type Row = Record<string, SqlStorageValue>;

const flag = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);
const bool = (value: SqlStorageValue): boolean | null => (value === null ? null : value === 1);
const text = (value: SqlStorageValue): string | null => (typeof value === "string" ? value : null);

function summaryOf(row: Row): ObjectSummary {
  return {
    name: String(row.name),
    label: text(row.label ?? null),
    labelPlural: text(row.label_plural ?? null),
    keyPrefix: text(row.key_prefix ?? null),
    custom: bool(row.custom ?? null),
    queryable: bool(row.queryable ?? null),
    createable: bool(row.createable ?? null),
    updateable: bool(row.updateable ?? null),
    fieldCount: Number(row.field_count),
  };
}

export class DesignStore {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Forgets whatever an unfinished run staged. */
  clearStage(): void {
    this.sql.exec(
      "DELETE FROM stage_objects; DELETE FROM stage_fields; DELETE FROM stage_changes;",
    );
  }

  /** Stages objects read by a run, with their change against the current design. */
  stage(objects: readonly ObjectDesign[]): void {
    for (const object of objects) {
      const { fields, ...rest } = object;
      const before = this.object(object.name);
      this.sql.exec("DELETE FROM stage_fields WHERE object = ?", object.name);
      this.sql.exec(
        `INSERT OR REPLACE INTO stage_objects VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        object.name,
        object.label,
        object.label?.toLowerCase() ?? null,
        object.labelPlural,
        object.keyPrefix,
        flag(object.custom),
        flag(object.queryable),
        flag(object.createable),
        flag(object.updateable),
        fields.length,
        JSON.stringify(rest),
      );
      fields.forEach((field, position) =>
        this.sql.exec(
          "INSERT OR REPLACE INTO stage_fields VALUES (?, ?, ?, ?)",
          object.name,
          position,
          field.name,
          JSON.stringify(field),
        ),
      );
      const change = before ? diffObject(before, object) : null;
      if (!before) this.#stageChange(object.name, "added", null);
      else if (change) this.#stageChange(object.name, "changed", change);
      else this.sql.exec("DELETE FROM stage_changes WHERE name = ?", object.name);
    }
  }

  /** Stages objects that are gone from the org. */
  stageRemoved(names: readonly string[]): void {
    for (const name of names) this.#stageChange(name, "removed", null);
  }

  #stageChange(name: string, kind: "added" | "changed" | "removed", change: ObjectChange | null) {
    this.sql.exec(
      "INSERT OR REPLACE INTO stage_changes VALUES (?, ?, ?)",
      name,
      kind,
      change ? JSON.stringify(change) : null,
    );
  }

  /** Swaps the staged objects in (call inside a transaction); the staged changes become `changes`. */
  commit(): void {
    this.sql.exec(`
      DELETE FROM fields WHERE object IN (SELECT name FROM stage_objects)
        OR object IN (SELECT name FROM stage_changes WHERE kind = 'removed');
      DELETE FROM objects WHERE name IN (SELECT name FROM stage_objects)
        OR name IN (SELECT name FROM stage_changes WHERE kind = 'removed');
      INSERT INTO objects SELECT * FROM stage_objects;
      INSERT INTO fields SELECT * FROM stage_fields;
      DELETE FROM changes;
      INSERT INTO changes SELECT * FROM stage_changes;
    `);
    this.clearStage();
  }

  /** Names of every object with a design, sorted. */
  names(): string[] {
    return this.sql
      .exec<{ name: string }>("SELECT name FROM objects ORDER BY name")
      .toArray()
      .map((row) => row.name);
  }

  counts(): { objects: number; fields: number } {
    const objects = this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM objects").one().n;
    const fields = this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM fields").one().n;
    return { objects, fields };
  }

  /** The objects list, sorted by name, with the total that matches the filters. */
  list(query: ObjectQuery): { objects: ObjectSummary[]; total: number } {
    const where: string[] = [];
    const params: SqlStorageValue[] = [];
    if (query.q) {
      const needle = query.q.toLowerCase();
      where.push("(instr(lower(name), ?) > 0 OR instr(label_lower, ?) > 0)");
      params.push(needle, needle);
    }
    if (query.custom !== undefined) {
      where.push("custom = ?");
      params.push(query.custom ? 1 : 0);
    }
    if (query.queryable !== undefined) {
      where.push("queryable = ?");
      params.push(query.queryable ? 1 : 0);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
    const total = this.sql
      .exec<{ n: number }>(`SELECT count(*) AS n FROM objects ${filter}`, ...params)
      .one().n;
    const rows = this.sql
      .exec(
        `SELECT name, label, label_plural, key_prefix, custom, queryable, createable, updateable,
          field_count FROM objects ${filter} ORDER BY name LIMIT ? OFFSET ?`,
        ...params,
        query.limit,
        query.offset,
      )
      .toArray();
    return { objects: rows.map(summaryOf), total };
  }

  /** One object with all its fields in describe order, or null. */
  object(name: string): ObjectDesign | null {
    const row = this.sql
      .exec<{ body: string }>("SELECT body FROM objects WHERE name = ?", name)
      .toArray()[0];
    if (!row) return null;
    const fields = this.sql
      .exec<{ body: string }>("SELECT body FROM fields WHERE object = ? ORDER BY position", name)
      .toArray()
      .map((field) => JSON.parse(field.body) as FieldDesign);
    return { ...(JSON.parse(row.body) as Omit<ObjectDesign, "fields">), fields };
  }

  /**
   * The changes between the last two finished reads (`from`/`to` come from the run log); before
   * the first read there is no window and nothing changed (`to` is null).
   */
  changes(
    window: { from: string | null; to: string } | null,
  ): Omit<DesignChanges, "to"> & { to: string | null } {
    const objects: DesignChanges["objects"] = { added: [], removed: [], changed: [] };
    if (!window) return { from: null, to: null, objects };
    const rows = this.sql
      .exec<{ name: string; kind: string; body: string | null }>(
        "SELECT name, kind, body FROM changes ORDER BY name",
      )
      .toArray();
    for (const row of rows) {
      if (row.kind === "added") objects.added.push(row.name);
      else if (row.kind === "removed") objects.removed.push(row.name);
      else if (row.body) objects.changed.push(JSON.parse(row.body) as ObjectChange);
    }
    return { from: window.from, to: window.to, objects };
  }

  /** Drops the whole design (the connection is being deleted). */
  clear(): void {
    this.sql.exec("DELETE FROM objects; DELETE FROM fields; DELETE FROM changes;");
    this.clearStage();
  }
}
