#!/usr/bin/env -S npx tsx
import { isAbsolute, resolve } from "node:path";
import { optionsFromEnv } from "./env.ts";
import { EMULATOR_CLIENT } from "./oauth/clients.ts";
import { startEmulator } from "./server.ts";

const started = performance.now();
let options;
try {
  const orgDir = process.env.SF_EMULATOR_ORG_DIR;
  // A relative folder means relative to where the person ran `pnpm emulator` / `pnpm dev`
  // (pnpm's INIT_CWD), not to this package.
  const env =
    orgDir && !isAbsolute(orgDir)
      ? {
          ...process.env,
          SF_EMULATOR_ORG_DIR: resolve(process.env.INIT_CWD ?? process.cwd(), orgDir),
        }
      : process.env;
  options = optionsFromEnv(env);
} catch (error) {
  console.error(`salesforce-emulator: ${(error as Error).message}`);
  process.exit(2);
}
const emulator = await startEmulator(options);
const authorizeUrl = new URL("/services/oauth2/authorize", emulator.url);
authorizeUrl.search = new URLSearchParams({
  response_type: "code",
  client_id: EMULATOR_CLIENT.id,
  redirect_uri: "http://127.0.0.1:5173/oauth/callback",
  state: "try-me",
}).toString();
const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
  org: { objects: number; fields: number };
};
console.log(
  `Salesforce emulator listening on ${emulator.url} (${state.org.objects} objects, ${state.org.fields} fields, ready in ${Math.round(performance.now() - started)} ms)`,
);
console.log(`Log in as admin@example.com / password, e.g. at ${authorizeUrl.toString()}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
