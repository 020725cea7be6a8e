// Starts a throwaway edge for the browser suites: fresh local D1/DO state, the built SPA as assets.
import { rmSync } from "node:fs";
import {
  EDGE_DIR,
  OFFLINE_WRANGLER_ENV,
  edgeDevArgs,
  ensureDevVars,
} from "../../../scripts/lib/local-env.mjs";
import { run } from "../../../scripts/lib/processes.mjs";

const edgePort = Number(process.env.EDGE_PORT);
// Per port, so a second run on another port never wipes the state of one in progress.
const persistTo = `${EDGE_DIR}/.wrangler/e2e-state-${edgePort}`;
rmSync(persistTo, { recursive: true, force: true });
ensureDevVars();
await run(
  "pnpm",
  ["exec", "wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
  { cwd: EDGE_DIR, env: OFFLINE_WRANGLER_ENV },
);
// In the foreground, so Playwright's stop reaches wrangler and workerd too.
await run("pnpm", edgeDevArgs({ edgePort, persistTo }), {
  cwd: EDGE_DIR,
  env: OFFLINE_WRANGLER_ENV,
});
