import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import { startEmulator } from "../server.ts";
import { FIXTURES_DIR, HAS_FIXTURES, api, authorize } from "../testing/test-support.ts";
import { loadOrgDir } from "./loader.ts";

describe.runIf(HAS_FIXTURES)(
  "real captured orgs (org-* REDUCED describes; runs only when ../shared/fixtures exists)",
  () => {
    let emulator: RunningEmulator;
    let token: string;
    const lwr = join(FIXTURES_DIR, "org-lwrfileupload");
    beforeAll(async () => {
      emulator = await startEmulator({ org: { dir: lwr } });
      token = (await authorize(emulator)).access_token;
    });
    afterAll(() => emulator?.close());

    it("Should load org-lwrfileupload (712 objects, 14,606 fields) and org-jira-sf-integration (658)", () => {
      const objects = loadOrgDir(lwr);
      expect(objects).toHaveLength(712);
      expect(objects.reduce((sum, o) => sum + o.fieldCount, 0)).toBe(14_606);
      expect(loadOrgDir(join(FIXTURES_DIR, "org-jira-sf-integration"))).toHaveLength(658);
    });

    it("Should serve all 712 objects in describeGlobal with only the captured attributes", async () => {
      const body = (await (
        await api(emulator, "/services/data/v62.0/sobjects/", token)
      ).json()) as { sobjects: Record<string, unknown>[] };
      expect(body.sobjects).toHaveLength(712);
      for (const entry of body.sobjects)
        expect(Object.keys(entry).sort()).toEqual(["custom", "label", "name", "queryable"]);
    });

    it("Should serve each captured describe exactly as captured", async () => {
      for (const name of ["Account", "User", "ContentVersion"]) {
        const captured = JSON.parse(
          readFileSync(join(lwr, "standardObjects", `${name}.json`), "utf8"),
        ) as unknown;
        const served = await (
          await api(emulator, `/services/data/v62.0/sobjects/${name}/describe`, token)
        ).json();
        expect(served).toEqual(captured);
      }
    });

    it("Should report the loaded org's size in the control state", async () => {
      const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
        org: { objects: number; fields: number };
      };
      expect(state.org).toEqual({ objects: 712, fields: 14_606 });
    });

    it("Should serve FULL captures with the requested version in their URLs", async () => {
      const full = await startEmulator({
        org: { dir: join(FIXTURES_DIR, "cumulusci", "describes") },
      });
      try {
        const t = (await authorize(full)).access_token;
        const account = (await (
          await api(full, "/services/data/v60.0/sobjects/Account/describe", t)
        ).json()) as { fields: unknown[]; urls: { describe: string } };
        expect(account.fields).toHaveLength(68);
        expect(account.urls.describe).toBe("/services/data/v60.0/sobjects/Account/describe");
        const global = (await (await api(full, "/services/data/v60.0/sobjects/", t)).json()) as {
          sobjects: Record<string, unknown>[];
        };
        expect(global.sobjects.map((s) => s.name)).toEqual([
          "Account",
          "Case",
          "Contact",
          "Event",
          "Lead",
          "Opportunity",
          "OpportunityContactRole",
        ]);
        expect(global.sobjects[0]).toHaveProperty("keyPrefix", "001");
        expect(global.sobjects[0]).not.toHaveProperty("uiDetailTemplate");
      } finally {
        await full.close();
      }
    });
  },
);
