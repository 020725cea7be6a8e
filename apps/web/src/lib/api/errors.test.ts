import { describe, expect, it } from "vitest";
import { ApiError, errorFromResponse, errorMessage, networkError } from "./errors.ts";

describe("errorFromResponse", () => {
  it("Should read the contract's error body", async () => {
    const res = Response.json(
      { error: { code: "needs_reauth", message: "Salesforce refused the refresh token." } },
      { status: 409 },
    );
    const error = await errorFromResponse(res);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.code).toBe("needs_reauth");
    expect(error.message).toBe("Salesforce refused the refresh token.");
  });

  it("Should fall back to the status for bodies of another shape", async () => {
    const error = await errorFromResponse(
      new Response("<html>Bad gateway</html>", { status: 502 }),
    );
    expect(error.code).toBe("http_502");
    expect(error.message).toBe("The server answered 502.");
  });

  it("Should keep the code when the message is missing", async () => {
    const error = await errorFromResponse(
      Response.json({ error: { code: "csrf" } }, { status: 403 }),
    );
    expect(error.code).toBe("csrf");
    expect(error.message).toBe("The server answered 403.");
  });
});

describe("errorMessage", () => {
  it("Should ask people to sign in again after a 401", () => {
    expect(errorMessage(new ApiError(401, "unauthorized", "No session."))).toBe(
      "Your session has ended. Please sign in again.",
    );
  });

  it("Should explain a network failure", () => {
    const error = networkError(new TypeError("Failed to fetch"));
    expect(error.status).toBe(0);
    expect(errorMessage(error)).toMatch(/Could not reach the server/);
  });

  it("Should not leave people with an empty message", () => {
    expect(errorMessage("boom")).toBe("Something went wrong.");
    expect(errorMessage(new Error(""))).toBe("Something went wrong.");
  });
});
