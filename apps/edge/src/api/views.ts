import type { z } from "@hono/zod-openapi";
import type { ConnectionRow } from "../db/connections.ts";
import type { ConnectionSchema } from "./schemas.ts";

/** The contract's `Connection` object. */
export type ConnectionView = z.infer<typeof ConnectionSchema>;

/**
 * ISO 8601 UTC, or null.
 * @example
 * iso(new Date(0)) // "1970-01-01T00:00:00.000Z"
 */
export function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/**
 * A stored connection as the API shows it: never the sealed refresh token.
 * @example
 * c.json(toConnectionView(row), 200)
 */
export function toConnectionView(row: ConnectionRow): ConnectionView {
  return {
    id: row.id,
    serviceId: row.serviceId,
    code: row.code,
    environment: row.environment,
    loginUrl: row.loginUrl,
    status: row.status,
    instanceUrl: row.instanceUrl,
    salesforce:
      row.salesforceUserId && row.salesforceOrgId
        ? {
            userId: row.salesforceUserId,
            orgId: row.salesforceOrgId,
            username: row.salesforceUsername,
            displayName: row.salesforceDisplayName,
          }
        : null,
    authorizedAt: iso(row.authorizedAt),
    lastRefreshAt: iso(row.lastRefreshAt),
    lastError:
      row.lastErrorCode !== null
        ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? row.lastErrorCode }
        : null,
    design: row.designStatus
      ? {
          status: row.designStatus,
          lastReadAt: iso(row.designLastReadAt),
          objects: row.designObjects ?? 0,
          fields: row.designFields ?? 0,
        }
      : null,
  };
}
