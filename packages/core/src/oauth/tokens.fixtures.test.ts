import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyErrorResponse } from "./failures.ts";
import { parseTokenResponse } from "./tokens.ts";

// Real captured payloads live beside the repo (../shared); a user's clone has none.
const FIXTURES = new URL("../../../../../shared/fixtures/salesforce/restforce/", import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));

describe.runIf(existsSync(FIXTURES))(
  "token responses from restforce fixtures (only when ../shared/fixtures exists)",
  () => {
    it("Should parse the captured code-grant answer with its legacy instance host", () => {
      const parsed = parseTokenResponse(read("auth_success_response.json"));
      expect(parsed.ok && parsed.tokens).toMatchObject({
        instanceUrl: "https://na1.salesforce.com",
        idUrl: "https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P",
        issuedAt: 1278448832702,
        refreshToken: null,
      });
    });

    it("Should parse the captured refresh answers", () => {
      for (const name of ["refresh_success_response.json", "reauth_success_response.json"]) {
        expect(parseTokenResponse(read(name)).ok).toBe(true);
      }
    });

    it("Should classify the captured refresh and auth errors", () => {
      expect(
        classifyErrorResponse(400, read("refresh_error_response.json"), "refresh_token").reason,
      ).toBe("revoked");
      expect(
        classifyErrorResponse(400, read("auth_error_response.json"), "authorization_code").reason,
      ).toBe("invalid_grant");
    });
  },
);
