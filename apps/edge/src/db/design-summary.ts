import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { connections } from "./schema.ts";

/** The design summary D1 keeps beside the connection (the design itself lives in its DO). */
export type DesignSummary = {
  status: "running" | "finished" | "failed" | "cancelled";
  lastReadAt?: Date;
  objects?: number;
  fields?: number;
};

/**
 * Writes the summary of the latest Read Design run to the connection row; counts and the last
 * read time change only when a run finished.
 * @example
 * await recordDesignSummary(db, id, { status: "finished", lastReadAt: new Date(), objects: 712, fields: 14606 });
 */
export async function recordDesignSummary(
  db: Db,
  id: string,
  summary: DesignSummary,
): Promise<void> {
  await db
    .update(connections)
    .set({
      designStatus: summary.status,
      ...(summary.lastReadAt ? { designLastReadAt: summary.lastReadAt } : {}),
      ...(summary.objects === undefined ? {} : { designObjects: summary.objects }),
      ...(summary.fields === undefined ? {} : { designFields: summary.fields }),
    })
    .where(eq(connections.id, id));
}
