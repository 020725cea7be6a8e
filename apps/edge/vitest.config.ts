import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(new URL("./migrations", import.meta.url).pathname);

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        // A database of its own for the sealing-key rotation test, which re-seals every row.
        d1Databases: ["ROTATION_DB"],
        bindings: {
          TEST_MIGRATIONS: migrations,
          // The Salesforce emulator test/global-setup.ts started in Node; workerd reaches it over loopback.
          EMULATOR_URL: inject("emulatorUrl"),
          DESIGN_EMULATOR_URL: inject("designEmulatorUrl"),
          SALESFORCE_CLIENT_ID: "emulator-client-id",
          SALESFORCE_CLIENT_SECRET: "emulator-client-secret",
          // A fixed test-only key ring; production keys come from `wrangler secret put SEALING_KEYS`.
          SEALING_KEYS: JSON.stringify({
            active: "test-1",
            keys: { "test-1": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" },
          }),
          AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
          PUBLIC_URL: "http://127.0.0.1:8787",
          PORTAL_DEV_URL: "http://127.0.0.1:5173",
          LOCAL_DEV: "true",
        },
      },
    })),
  ],
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    // Pre-bundles the big dependencies once instead of inlining them into every test file.
    deps: {
      optimizer: {
        ssr: {
          enabled: true,
          include: ["better-auth/minimal", "better-auth/adapters/drizzle"],
          rolldownOptions: { external: [/^node:/, /^cloudflare:/] },
        },
      },
    },
  },
});
