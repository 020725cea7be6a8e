import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server.ts";
import type { TokenBody } from "../testing/test-support.ts";
import {
  FIXTURES_DIR,
  HAS_FIXTURES,
  api,
  authorize,
  control,
  refreshRequest,
  startTest,
} from "../testing/test-support.ts";
import { shapeMismatches, typesByKey } from "../testing/shapes.ts";

const fixture = (...path: string[]) =>
  JSON.parse(readFileSync(join(FIXTURES_DIR, ...path), "utf8")) as unknown;

describe.runIf(HAS_FIXTURES)(
  "answers vs captured restforce and cumulusci payloads (runs only when ../shared/fixtures exists)",
  () => {
    let emulator: RunningEmulator;
    let tokens: TokenBody;
    beforeAll(async () => {
      emulator = await startTest();
      tokens = await authorize(emulator);
    });
    afterAll(() => emulator?.close());

    it("Should answer the token fields of a captured token response, all strings", () => {
      const captured = fixture("restforce", "auth_success_response.json") as Record<
        string,
        unknown
      >;
      expect(shapeMismatches(tokens, typesByKey([captured]))).toEqual([]);
      expect(Object.keys(tokens)).not.toContain("expires_in");
    });

    it("Should answer a refresh like the captured refresh response", async () => {
      const captured = fixture("restforce", "refresh_success_response.json") as Record<
        string,
        unknown
      >;
      const body = (await (
        await refreshRequest(emulator, tokens.refresh_token ?? "")
      ).json()) as Record<string, unknown>;
      expect(shapeMismatches(body, typesByKey([captured]))).toEqual([]);
    });

    it("Should answer a dead refresh token with the captured error body", async () => {
      const fresh = await authorize(emulator);
      await control(emulator, "revoke-all", {});
      const body = await (await refreshRequest(emulator, fresh.refresh_token ?? "")).json();
      expect(body).toEqual(fixture("restforce", "refresh_error_response.json"));
      tokens = await authorize(emulator);
    });

    it("Should answer an invalid session and an unknown object with the captured error arrays", async () => {
      const expired = await api(emulator, "/services/data/v62.0/sobjects/", "bad-token");
      expect(await expired.json()).toEqual(fixture("restforce", "expired_session_response.json"));
      const missing = await api(
        emulator,
        "/services/data/v62.0/sobjects/Whizbang/describe",
        tokens.access_token,
      );
      expect(await missing.json()).toEqual(
        fixture("restforce", "sobject", "sobject_describe_error_response.json"),
      );
    });

    it("Should list versions with the captured keys", async () => {
      const captured = fixture("restforce", "services_data_success_response.json") as Record<
        string,
        unknown
      >[];
      const versions = (await (await fetch(`${emulator.url}/services/data/`)).json()) as Record<
        string,
        unknown
      >[];
      for (const version of versions)
        expect(shapeMismatches(version, typesByKey(captured))).toEqual([]);
    });

    it("Should answer a composite 404 subrequest exactly like the captured one", async () => {
      const captured = fixture("cumulusci", "composite-errors-response.json") as {
        compositeResponse: { referenceId: string }[];
      };
      const referenceId = captured.compositeResponse[0]?.referenceId ?? "";
      const response = await api(emulator, "/services/data/v62.0/composite", tokens.access_token, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          compositeRequest: [
            { method: "GET", url: "/services/data/v62.0/sobjects/Nope__c/describe", referenceId },
          ],
        }),
      });
      expect(await response.json()).toEqual(captured);
    });

    it("Should shape describeGlobal like the captured restforce sample", async () => {
      const captured = fixture(
        "restforce",
        "sobject",
        "describe_sobjects_success_response.json",
      ) as { sobjects: Record<string, unknown>[] };
      const body = (await (
        await api(emulator, "/services/data/v62.0/sobjects", tokens.access_token)
      ).json()) as { encoding: string; maxBatchSize: number; sobjects: Record<string, unknown>[] };
      expect(Object.keys(body).sort()).toEqual(Object.keys(captured).sort());
      const reference = typesByKey(captured.sobjects);
      for (const entry of body.sobjects) expect(shapeMismatches(entry, reference)).toEqual([]);
    });
  },
);
