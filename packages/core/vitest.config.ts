import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // Timeouts, not timings: a busy 2-core CI machine may run slow suites slowly.
    testTimeout: 30_000,
  },
});
