import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema.ts";

/**
 * A drizzle client over the D1 binding; cheap to create, so one per request or per DO call.
 * @example
 * const db = createDb(env.DB);
 */
export function createDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

/** The drizzle client type every repository function takes. */
export type Db = ReturnType<typeof createDb>;

/** A fresh opaque id. */
export function newId(): string {
  return crypto.randomUUID();
}
