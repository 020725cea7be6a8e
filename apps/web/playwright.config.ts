import { defineConfig } from "@playwright/test";

// Fixed by default (docs and checks name them); overridable so two runs on one machine do not collide.
export const E2E_PORTS = {
  edge: Number(process.env.E2E_EDGE_PORT ?? 18787),
  emulator: Number(process.env.E2E_EMULATOR_PORT ?? 18788),
} as const;
const baseURL = `http://127.0.0.1:${E2E_PORTS.edge}`;

// Debian's chromium (apt), never a downloaded browser; flags needed as root on a closed network.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The machine is shared with other builds: give slow answers room before calling them failures.
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  webServer: [
    {
      command: "pnpm --filter @portal/salesforce-emulator start",
      url: `http://127.0.0.1:${E2E_PORTS.emulator}/services/data/`,
      env: { SF_EMULATOR_PORT: String(E2E_PORTS.emulator) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node e2e/start-edge.mjs",
      url: `${baseURL}/`,
      env: { EDGE_PORT: String(E2E_PORTS.edge) },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
