import journal from "../../migrations/meta/_journal.json";

/** The name wrangler records in `d1_migrations` for the newest migration file. */
export const LATEST_MIGRATION = `${journal.entries.at(-1)?.tag ?? "none"}.sql`;

/** Fact key written by the local demo seed. */
export const DEMO_SEED_FACT = "demo_seed";

/** Why the edge is not ready, or null when it is. */
export type NotReady = { code: "migrations_pending" | "seed_missing"; message: string } | null;

/**
 * Whether D1 has every migration applied and, in local development, the demo seed exists.
 * @example
 * const problem = await checkReadiness(env.DB, { requireSeed: true });
 */
export async function checkReadiness(
  d1: D1Database,
  options: { requireSeed: boolean },
): Promise<NotReady> {
  try {
    const applied = await d1
      .prepare("SELECT 1 AS ok FROM d1_migrations WHERE name = ?")
      .bind(LATEST_MIGRATION)
      .first();
    if (!applied) throw new Error("latest migration missing");
  } catch {
    return { code: "migrations_pending", message: "The database migrations are not applied yet." };
  }
  if (options.requireSeed) {
    const seeded = await d1
      .prepare("SELECT 1 AS ok FROM system_facts WHERE key = ?")
      .bind(DEMO_SEED_FACT)
      .first();
    if (!seeded) return { code: "seed_missing", message: "The demo account is not seeded yet." };
  }
  return null;
}
