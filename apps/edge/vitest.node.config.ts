import { defineConfig } from "vitest/config";

// The Node-side suite: real `wrangler dev` processes and emulators on loopback, one file at a
// time (each starts its own workerd; the machine has 2 cores).
export default defineConfig({
  test: {
    include: ["test-node/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
  },
});
