import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { OrgObject } from "./types.ts";
import { BASE_URL_MARK, VERSION_MARK } from "./types.ts";

const gzipAsync = promisify(gzipCallback);
const VERSION_MARK_BYTES = Buffer.from(VERSION_MARK);

/** Pre-rendered JSON, split around the version placeholder; each version is spliced once. */
class RenderedJson {
  readonly #parts: Buffer[];
  readonly #bodyByVersion = new Map<string, Buffer>();
  readonly #gzipByVersion = new Map<string, Promise<Buffer>>();

  constructor(json: string) {
    const bytes = Buffer.from(json);
    this.#parts = [];
    let from = 0;
    for (
      let at = bytes.indexOf(VERSION_MARK_BYTES);
      at >= 0;
      at = bytes.indexOf(VERSION_MARK_BYTES, from)
    ) {
      this.#parts.push(bytes.subarray(from, at));
      from = at + VERSION_MARK_BYTES.length;
    }
    this.#parts.push(bytes.subarray(from));
  }

  /**
   * The JSON bytes for API version `version` ("62.0"), kept per version: a burst of describes
   * must not cost the emulator a copy each (its CPU is the client's CPU on a shared machine).
   */
  body(version: string): Buffer {
    if (this.#parts.length === 1) return this.#parts[0] ?? Buffer.alloc(0);
    let cached = this.#bodyByVersion.get(version);
    if (!cached) {
      const v = Buffer.from(version);
      const pieces: Buffer[] = [];
      this.#parts.forEach((part, i) => {
        if (i > 0) pieces.push(v);
        pieces.push(part);
      });
      cached = Buffer.concat(pieces);
      this.#bodyByVersion.set(version, cached);
    }
    return cached;
  }

  /** Gzip of `body(version)`, compressed once per version (off the event loop). */
  gzip(version: string): Promise<Buffer> {
    let cached = this.#gzipByVersion.get(version);
    if (!cached) {
      cached = gzipAsync(this.body(version));
      this.#gzipByVersion.set(version, cached);
    }
    return cached;
  }
}

/** A served JSON document and the time it last changed. */
export interface OrgDocument {
  body: Buffer;
  gzip: () => Promise<Buffer>;
  modifiedAt: number;
}

interface Entry {
  object: OrgObject;
  modifiedAt: number;
}

/** Thrown by `touch`/`remove` naming objects the org does not have. */
export class UnknownObjectsError extends Error {
  override readonly name = "UnknownObjectsError";
  constructor(readonly unknown: string[]) {
    super(`unknown objects: ${unknown.join(", ")}`);
  }
}

const byName = (a: Entry, b: Entry) =>
  a.object.name < b.object.name ? -1 : a.object.name > b.object.name ? 1 : 0;

/**
 * The org being served: objects by name (case-insensitive, as Salesforce resolves them), their
 * modification times, and cached JSON so a describe answer never re-serializes.
 */
export class OrgStore {
  readonly #baseline: Map<string, Entry>;
  readonly #baselineModifiedAt: number;
  #entries: Map<string, Entry>;
  #removedAt = 0;
  #rendered = new WeakMap<OrgObject, RenderedJson>();
  #global: RenderedJson | null = null;
  #baseUrl = "";

  constructor(objects: OrgObject[], startedAtMs: number) {
    // The org was last changed before the emulator started (an hour earlier, whole seconds), so a
    // client's first If-Modified-Since of "now" already gets 304.
    this.#baselineModifiedAt = Math.floor(startedAtMs / 1000) * 1000 - 3_600_000;
    this.#baseline = new Map(
      objects.map((object) => [
        object.name.toLowerCase(),
        { object, modifiedAt: this.#baselineModifiedAt },
      ]),
    );
    this.#entries = new Map(this.#baseline);
  }

  /** Sets the URL that replaces the base-URL placeholder (known once the server listens). */
  setBaseUrl(baseUrl: string): void {
    this.#baseUrl = baseUrl;
    this.#rendered = new WeakMap();
    this.#global = null;
  }

  get counts(): { objects: number; fields: number } {
    let fields = 0;
    for (const { object } of this.#entries.values()) fields += object.fieldCount;
    return { objects: this.#entries.size, fields };
  }

  /** Canonical object names, in describeGlobal order. */
  names(): string[] {
    return [...this.#entries.values()].sort(byName).map((e) => e.object.name);
  }

  has(name: string): boolean {
    return this.#entries.has(name.toLowerCase());
  }

  /** The describe document of `name` at `version`, or `undefined` for an unknown object. */
  describe(name: string, version: string): OrgDocument | undefined {
    const entry = this.#entries.get(name.toLowerCase());
    if (!entry) return undefined;
    const rendered = this.#render(entry.object);
    return {
      body: rendered.body(version),
      gzip: () => rendered.gzip(version),
      modifiedAt: entry.modifiedAt,
    };
  }

  /** The describeGlobal document at `version`. */
  describeGlobal(version: string): OrgDocument {
    if (!this.#global) {
      const sobjects = [...this.#entries.values()]
        .sort(byName)
        .map((e) => JSON.stringify(e.object.globalEntry));
      const json = `{"encoding":"UTF-8","maxBatchSize":200,"sobjects":[${sobjects.join(",")}]}`;
      this.#global = new RenderedJson(json.replaceAll(BASE_URL_MARK, this.#baseUrl));
    }
    const global = this.#global;
    return {
      body: global.body(version),
      gzip: () => global.gzip(version),
      modifiedAt: this.globalModifiedAt,
    };
  }

  /** The latest change of any object, including removals. */
  get globalModifiedAt(): number {
    let latest = Math.max(this.#baselineModifiedAt, this.#removedAt);
    for (const { modifiedAt } of this.#entries.values()) latest = Math.max(latest, modifiedAt);
    return latest;
  }

  /** The describeGlobal entry of one object (for `GET sobjects/<Name>`). */
  globalEntry(name: string): Record<string, unknown> | undefined {
    return this.#entries.get(name.toLowerCase())?.object.globalEntry;
  }

  /** Names among `names` the org does not have. */
  unknown(names: string[]): string[] {
    return names.filter((name) => !this.has(name));
  }

  /** Marks objects modified at `now`; throws (changing nothing) if any name is unknown. */
  touch(names: string[], now: number): void {
    const missing = this.unknown(names);
    if (missing.length > 0) throw new UnknownObjectsError(missing);
    for (const name of names) {
      const key = name.toLowerCase();
      const entry = this.#entries.get(key);
      if (entry) this.#entries.set(key, { object: entry.object, modifiedAt: now });
    }
    this.#global = null;
  }

  /** Adds or replaces objects, modified at `now`. */
  add(objects: OrgObject[], now: number): void {
    for (const object of objects)
      this.#entries.set(object.name.toLowerCase(), { object, modifiedAt: now });
    this.#global = null;
  }

  /** Removes objects; throws (changing nothing) if any name is unknown. */
  remove(names: string[], now: number): void {
    const missing = this.unknown(names);
    if (missing.length > 0) throw new UnknownObjectsError(missing);
    for (const name of names) this.#entries.delete(name.toLowerCase());
    this.#removedAt = now;
    this.#global = null;
  }

  /** Back to the org as started. Rendered JSON stays cached: the objects did not change. */
  reset(): void {
    this.#entries = new Map(this.#baseline);
    this.#removedAt = 0;
    this.#global = null;
  }

  /**
   * Renders describeGlobal (and its gzip) for `version`, then every describe not yet cached, yielding
   * to the event loop between objects so requests keep flowing. Resolves when all are cached.
   */
  async warm(version: string, stopped: () => boolean = () => false): Promise<void> {
    await this.describeGlobal(version).gzip();
    for (const { object } of [...this.#entries.values()]) {
      if (this.#rendered.has(object)) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stopped()) return;
      this.#render(object).body(version);
    }
  }

  #render(object: OrgObject): RenderedJson {
    let rendered = this.#rendered.get(object);
    if (!rendered) {
      rendered = new RenderedJson(object.renderDescribe().replaceAll(BASE_URL_MARK, this.#baseUrl));
      this.#rendered.set(object, rendered);
    }
    return rendered;
  }
}
