import { describe, expect, it } from "vitest";
import { SalesforceApiError } from "../errors.ts";
import { parseSalesforceErrors, salesforceApiErrorFrom } from "./error-body.ts";

describe("parseSalesforceErrors", () => {
  it("Should read every entry of a REST error array", () => {
    const body = [
      { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" },
      { message: "bad field", errorCode: "INVALID_FIELD", fields: ["Name", 3] },
    ];
    expect(parseSalesforceErrors(body)).toEqual([
      { errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid", fields: null },
      { errorCode: "INVALID_FIELD", message: "bad field", fields: ["Name"] },
    ]);
  });

  it("Should read a single error object and an OAuth-style body", () => {
    expect(parseSalesforceErrors({ errorCode: "NOT_FOUND", message: "gone" })).toHaveLength(1);
    expect(parseSalesforceErrors({ error: "invalid_grant", error_description: "expired" })).toEqual(
      [{ errorCode: "invalid_grant", message: "expired", fields: null }],
    );
  });

  it("Should give an empty list for bodies that are not errors", () => {
    expect(parseSalesforceErrors(null)).toEqual([]);
    expect(parseSalesforceErrors("<html>oops</html>")).toEqual([]);
    expect(parseSalesforceErrors([{ message: "no code" }])).toEqual([]);
  });
});

describe("salesforceApiErrorFrom", () => {
  it("Should carry status, code and message of the first error", () => {
    const error = salesforceApiErrorFrom(403, [
      { errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." },
    ]);
    expect(error).toBeInstanceOf(SalesforceApiError);
    expect(error.status).toBe(403);
    expect(error.errorCode).toBe("REQUEST_LIMIT_EXCEEDED");
    expect(error.apiMessage).toBe("TotalRequests Limit exceeded.");
  });

  it("Should fall back to UNKNOWN_ERROR for an unreadable body", () => {
    const error = salesforceApiErrorFrom(502, "<html>Bad gateway</html>");
    expect(error.errorCode).toBe("UNKNOWN_ERROR");
    expect(error.apiMessage).toContain("502");
  });
});
