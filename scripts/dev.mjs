// `pnpm dev`: local D1 migrations, the emulator, the edge (wrangler dev), the web app, the demo seed.
import { mkdirSync } from "node:fs";
import {
  EDGE_DIR,
  EMULATOR_DIR,
  OFFLINE_WRANGLER_ENV,
  WEB_DIR,
  edgeDevArgs,
  ensureDevVars,
  ports,
  waitFor,
} from "./lib/local-env.mjs";
import { run, start, stopAll } from "./lib/processes.mjs";

const port = ports();
const portalUrl = `http://127.0.0.1:${port.web}`;
const emulatorUrl = `http://127.0.0.1:${port.emulator}`;
const edgeUrl = `http://127.0.0.1:${port.edge}`;

ensureDevVars();
// The Worker's static assets folder must exist even though Vite serves the SPA in development.
mkdirSync(`${WEB_DIR}/build`, { recursive: true });
await run("pnpm", ["exec", "wrangler", "d1", "migrations", "apply", "DB", "--local"], {
  cwd: EDGE_DIR,
  env: OFFLINE_WRANGLER_ENV,
});

// Node itself (not through pnpm), so Ctrl-C ends it quietly.
start("emulator", process.execPath, ["--import", "tsx", "src/cli.ts"], {
  cwd: EMULATOR_DIR,
  env: { SF_EMULATOR_PORT: String(port.emulator) },
});
start("edge", "pnpm", edgeDevArgs({ edgePort: port.edge, portalUrl }), {
  cwd: EDGE_DIR,
  env: OFFLINE_WRANGLER_ENV,
});
start("web", "pnpm", ["exec", "vite", "dev"], {
  cwd: WEB_DIR,
  env: { EDGE_PORT: String(port.edge), WEB_PORT: String(port.web) },
});

try {
  await waitFor(`${emulatorUrl}/services/data/`);
  // The edge answers health 503 until migrations and the seed exist; any answer means it is up.
  await waitFor(`${edgeUrl}/api/v1/health`, {
    ok: (res) => res.status < 500 || res.status === 503,
  });
  const seeded = await fetch(`${edgeUrl}/api/v1/dev/seed`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ emulatorUrl }),
  });
  if (!seeded.ok) throw new Error(`seeding the demo account failed: HTTP ${seeded.status}`);
  await waitFor(`${edgeUrl}/api/v1/health`);
  await waitFor(portalUrl, { ok: (res) => res.status < 500 });
  console.log(`
  Portal:     ${portalUrl}
  Sign in:    demo@example.com / demo-password   (Demo Service -> SFORCE001)
  Salesforce: ${emulatorUrl}  (emulator; log in as admin@example.com / password)
  API:        ${edgeUrl}/api/v1/docs

  Ctrl-C stops all three.
`);
} catch (error) {
  console.error(`pnpm dev: ${error instanceof Error ? error.message : error}`);
  stopAll(1);
}
