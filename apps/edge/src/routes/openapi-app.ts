import { OpenAPIHono } from "@hono/zod-openapi";
import { validationHook } from "../errors.ts";
import type { AppEnv } from "../types.ts";

/**
 * A sub-app whose routes validate with zod and answer failures with the contract's 400 body.
 * @example
 * export const servicesApp = createApp().openapi(listServicesRoute, handler);
 */
export function createApp() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** `{"application/json": {schema}}` for createRoute request bodies and responses. */
export function json<T>(schema: T) {
  return { "application/json": { schema } };
}
