// drizzle-kit reads this file (drizzle.config.ts); the app imports the tables from here too.
export { accounts, authSchema, rateLimits, sessions, users, verifications } from "./schema/auth.ts";
export {
  apiKeys,
  auditEvents,
  CONNECTION_STATUSES,
  connections,
  ENVIRONMENTS,
  members,
  oauthStates,
  organizations,
  ROLES,
  services,
  systemFacts,
  type ConnectionStatus,
  type Environment,
  type Role,
} from "./schema/portal.ts";
