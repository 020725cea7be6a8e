import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth.ts";

const now = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(now);

export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ENVIRONMENTS = ["production", "sandbox", "custom"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const CONNECTION_STATUSES = [
  "new",
  "authorized",
  "needs_reauth",
  "revoked",
  "error",
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** Tenants: everything below belongs to exactly one organization. */
export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

/** Who belongs to which organization, with which role. */
export const members = sqliteTable(
  "members",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("members_organization_user_idx").on(table.organizationId, table.userId),
    index("members_user_idx").on(table.userId),
  ],
);

/** Integration services; each holds connections numbered SFORCE001, SFORCE002, ... */
export const services = sqliteTable(
  "services",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // Only ever grows, so a deleted connection's code is never handed out again.
    lastConnectionNumber: integer("last_connection_number").notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [index("services_organization_idx").on(table.organizationId)],
);

/** Salesforce connections: login host, status, sealed refresh token, identity, design summary. */
export const connections = sqliteTable(
  "connections",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    environment: text("environment", { enum: ENVIRONMENTS }).notNull(),
    loginUrl: text("login_url").notNull(),
    status: text("status", { enum: CONNECTION_STATUSES }).notNull().default("new"),
    instanceUrl: text("instance_url"),
    // AES-256-GCM envelope from @portal/core/sealing; AAD = connection id + "refresh_token".
    sealedRefreshToken: text("sealed_refresh_token"),
    salesforceUserId: text("salesforce_user_id"),
    salesforceOrgId: text("salesforce_org_id"),
    salesforceUsername: text("salesforce_username"),
    salesforceDisplayName: text("salesforce_display_name"),
    authorizedAt: integer("authorized_at", { mode: "timestamp_ms" }),
    lastRefreshAt: integer("last_refresh_at", { mode: "timestamp_ms" }),
    lastErrorCode: text("last_error_code"),
    lastErrorMessage: text("last_error_message"),
    // Summary of the design kept by the connection's Durable Object (Read Design).
    designStatus: text("design_status"),
    designLastReadAt: integer("design_last_read_at", { mode: "timestamp_ms" }),
    designObjects: integer("design_objects"),
    designFields: integer("design_fields"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("connections_service_code_idx").on(table.serviceId, table.code),
    index("connections_organization_idx").on(table.organizationId),
  ],
);

/** Pending authorizations: single use, 10 minutes; keyed by the SHA-256 of the state. */
export const oauthStates = sqliteTable(
  "oauth_states",
  {
    stateHash: text("state_hash").primaryKey(),
    connectionId: text("connection_id")
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").notNull(),
    // Who started it: a person (role re-checked at the callback) or an API key (must still exist).
    userId: text("user_id"),
    apiKeyId: text("api_key_id"),
    actor: text("actor").notNull(),
    // PKCE verifier sealed with AAD = connection id + "pkce_verifier".
    sealedVerifier: text("sealed_verifier").notNull(),
    returnTo: text("return_to"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("oauth_states_expires_idx").on(table.expiresAt)],
);

/** Machine credentials: only the SHA-256 of the key is stored; the prefix stays visible. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (table) => [index("api_keys_organization_idx").on(table.organizationId)],
);

/** Who did what to which resource, per organization. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (table) => [index("audit_events_organization_at_idx").on(table.organizationId, table.at)],
);

/** Key/value facts about this deployment (demo seed marker). */
export const systemFacts = sqliteTable("system_facts", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
