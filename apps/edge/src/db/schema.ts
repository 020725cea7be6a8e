import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Key/value facts about this deployment (schema version, demo seed marker). */
export const systemFacts = sqliteTable("system_facts", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
