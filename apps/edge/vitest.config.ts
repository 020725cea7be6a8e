import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(new URL("./migrations", import.meta.url).pathname);

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          SALESFORCE_CLIENT_SECRET: "emulator-client-secret",
          // A fixed test-only key ring; production keys come from `wrangler secret put SEALING_KEYS`.
          SEALING_KEYS: JSON.stringify({
            active: "test-1",
            keys: { "test-1": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" },
          }),
          AUTH_SECRET: "test-auth-secret-test-auth-secret-0123456789",
          LOCAL_DEV: "true",
        },
      },
    }),
  ],
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
  },
});
