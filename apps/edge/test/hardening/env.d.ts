declare global {
  namespace Cloudflare {
    interface Env {
      /** A D1 database of its own for the key-rotation test (vitest.config.ts). */
      ROTATION_DB: D1Database;
    }
  }
}

export {};
