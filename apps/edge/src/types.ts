import type { Context } from "hono";
import type { Role } from "./db/schema.ts";

/** Who is calling: a signed-in portal user (cookie) or a machine (API key). */
export type Principal =
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      organizationId: string;
      role: Role;
    }
  | {
      kind: "api_key";
      apiKeyId: string;
      apiKeyPrefix: string;
      organizationId: string;
      // API keys act for their organization with admin rights (never owner-only actions).
      role: "admin";
    };

/** Per-request values set by middleware. */
export type AppVariables = {
  principal: Principal;
  /** When the request arrived (ms since the epoch), set by the first middleware. */
  receivedAt: number;
};

/** Hono environment of every route in the edge. */
export type AppEnv = { Bindings: Env; Variables: AppVariables };

/** Context type for helpers that take a request context. */
export type AppContext = Context<AppEnv>;
