import { app } from "./app.ts";
import { resealStoredSecrets } from "./connection/reseal-secrets.ts";

export { ConnectionObject } from "./connection-object.ts";
export type { AppType } from "./app.ts";

export default {
  fetch: app.fetch,
  // The daily cron (wrangler.jsonc `triggers`) re-seals secrets after a sealing-key rotation.
  scheduled(_controller, env, ctx) {
    ctx.waitUntil(resealStoredSecrets(env));
  },
} satisfies ExportedHandler<Env>;
