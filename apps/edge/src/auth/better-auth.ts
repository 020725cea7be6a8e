import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { betterAuth } from "better-auth/minimal";
import { readConfig } from "../config.ts";
import { createDb } from "../db/client.ts";
import { authSchema } from "../db/schema.ts";

/** Where better-auth's handler is mounted; the contract's account paths live below it. */
export const AUTH_BASE_PATH = "/api/v1/auth";

/** Passwords the contract accepts. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Per client address (cf-connecting-ip): password guessing is slowed to 10 tries a minute; sign-up
// is looser because an office or a test run behind one address may create several accounts.
const RATE_WINDOW_SECONDS = 60;
const SIGN_IN_MAX_PER_WINDOW = 10;
const SIGN_UP_MAX_PER_WINDOW = 30;

/**
 * better-auth for one request, built from the Worker's bindings (D1, secrets, vars); building it
 * is cheap and keeps no state between requests.
 * @example
 * const session = await createAuth(c.env).api.getSession({ headers: c.req.raw.headers });
 */
export function createAuth(env: Env) {
  const config = readConfig(env);
  return betterAuth({
    appName: "Connection Portal",
    baseURL: config.publicOrigin,
    basePath: AUTH_BASE_PATH,
    secret: env.AUTH_SECRET,
    trustedOrigins: config.allowedOrigins,
    database: drizzleAdapter(createDb(env.DB), { provider: "sqlite", schema: authSchema }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    rateLimit: {
      enabled: true,
      // Per-request instances share nothing in memory, so counters live in D1.
      storage: "database",
      customRules: {
        "/sign-in/email": { window: RATE_WINDOW_SECONDS, max: SIGN_IN_MAX_PER_WINDOW },
        "/sign-up/email": { window: RATE_WINDOW_SECONDS, max: SIGN_UP_MAX_PER_WINDOW },
      },
    },
    advanced: {
      cookiePrefix: "portal",
      useSecureCookies: config.publicOrigin.startsWith("https:"),
      // The edge's csrf middleware enforces the contract's Origin rule (which also admits
      // `Sec-Fetch-Site: same-origin` without Origin) before any request reaches better-auth.
      disableCSRFCheck: true,
      ipAddress: { ipAddressHeaders: ["cf-connecting-ip"] },
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    // Messages only: better-auth's extra log arguments can carry request details.
    logger: { level: "error", log: (level, message) => console.error(`auth ${level}: ${message}`) },
  });
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>;
