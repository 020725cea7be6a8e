import { desc, eq, sql } from "drizzle-orm";
import { newId, type Db } from "./client.ts";
import { auditEvents } from "./schema.ts";

/** What an audit entry records; `details` must never hold secrets. */
export type AuditInput = {
  organizationId: string;
  actor: string;
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
};

/**
 * Appends an audit entry.
 * @example
 * await recordAudit(db, { organizationId, actor: "ada@example.com", action: "connection.revoke", target: id });
 */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({ id: newId(), ...input, details: input.details ?? null });
}

/** The organization's latest audit entries, newest first. */
export async function listAudit(db: Db, organizationId: string, limit: number) {
  return (
    db
      .select({
        at: auditEvents.at,
        actor: auditEvents.actor,
        action: auditEvents.action,
        target: auditEvents.target,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organizationId))
      // rowid breaks ties between entries written in the same millisecond.
      .orderBy(desc(auditEvents.at), desc(sql`rowid`))
      .limit(limit)
  );
}
