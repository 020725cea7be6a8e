import { describe, expect, it } from "vitest";
import { classifyAnswer } from "./classify.ts";

const errors = (errorCode: string, message = "m") => [{ errorCode, message }];

describe("classifyAnswer", () => {
  it("Should accept 2xx and 304", () => {
    expect(classifyAnswer(200, {}, "request")).toEqual({ kind: "ok" });
    expect(classifyAnswer(304, null, "subrequest")).toEqual({ kind: "not-modified" });
  });

  it("Should flag 401 for a token refresh", () => {
    expect(classifyAnswer(401, errors("INVALID_SESSION_ID"), "request").kind).toBe("unauthorized");
  });

  it("Should stop on the daily limit but retry the concurrency cap", () => {
    expect(
      classifyAnswer(
        403,
        errors("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."),
        "request",
      ),
    ).toEqual({ kind: "limit-exceeded", message: "TotalRequests Limit exceeded." });
    const concurrent = errors(
      "REQUEST_LIMIT_EXCEEDED",
      "ConcurrentRequests (Concurrent API Requests) Limit exceeded.",
    );
    expect(classifyAnswer(403, concurrent, "request").kind).toBe("retry");
  });

  it("Should retry 503, timeouts, network failures and UNABLE_TO_LOCK_ROW", () => {
    expect(classifyAnswer(503, errors("SERVER_UNAVAILABLE"), "request")).toEqual({
      kind: "retry",
      reason: "SERVER_UNAVAILABLE: m",
    });
    expect(classifyAnswer(0, errors("TIMEOUT"), "request").kind).toBe("retry");
    expect(classifyAnswer(400, errors("UNABLE_TO_LOCK_ROW"), "subrequest").kind).toBe("retry");
    expect(classifyAnswer(429, "slow down", "request")).toEqual({
      kind: "retry",
      reason: "HTTP 429",
    });
  });

  it("Should retry a whole-request 500 but fail a subrequest 500", () => {
    expect(classifyAnswer(500, errors("UNKNOWN_EXCEPTION"), "request").kind).toBe("retry");
    expect(classifyAnswer(500, errors("UNKNOWN_EXCEPTION", "boom"), "subrequest")).toEqual({
      kind: "fail",
      reason: "UNKNOWN_EXCEPTION: boom",
    });
  });

  it("Should fail a 404 with Salesforce's code and message", () => {
    expect(
      classifyAnswer(
        404,
        errors("NOT_FOUND", "The requested resource does not exist"),
        "subrequest",
      ),
    ).toEqual({
      kind: "fail",
      reason: "NOT_FOUND: The requested resource does not exist",
    });
  });
});
