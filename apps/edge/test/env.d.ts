import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Base URL of the Salesforce emulator started by test/global-setup.ts. */
      EMULATOR_URL: string;
      /** A second emulator (60 objects) that the Read Design tests steer on their own. */
      DESIGN_EMULATOR_URL: string;
    }
  }
}
