import { describe, expect, it } from "vitest";
import { elapsedMs, formatCount, formatDateTime, formatDuration, formatRelative } from "./time.ts";

const utc = { locale: "en-US", timeZone: "UTC" };

describe("formatDateTime", () => {
  it("Should format an ISO time in the given zone", () => {
    expect(formatDateTime("2026-05-01T09:30:00Z", utc)).toBe("May 1, 2026, 9:30 AM");
  });

  it("Should show a dash for missing or unreadable times", () => {
    expect(formatDateTime(null, utc)).toBe("—");
    expect(formatDateTime("not a date", utc)).toBe("—");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-05-01T12:00:00Z");

  it("Should say just now within a minute", () => {
    expect(formatRelative("2026-05-01T11:59:30Z", now)).toBe("just now");
  });

  it("Should count minutes, hours and days", () => {
    expect(formatRelative("2026-05-01T11:55:00Z", now)).toBe("5 min ago");
    expect(formatRelative("2026-05-01T09:00:00Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-04-30T12:00:00Z", now)).toBe("1 day ago");
    expect(formatRelative("2026-04-28T12:00:00Z", now)).toBe("3 days ago");
  });

  it("Should speak of the future", () => {
    expect(formatRelative("2026-05-01T12:10:00Z", now)).toBe("in 10 min");
  });

  it("Should say never for a missing time", () => {
    expect(formatRelative(null, now)).toBe("never");
  });
});

describe("formatDuration", () => {
  it("Should show seconds, minutes and hours like a stopwatch", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(42_900)).toBe("42s");
    expect(formatDuration(65_000)).toBe("1m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
  });

  it("Should never show a negative duration", () => {
    expect(formatDuration(-5_000)).toBe("0s");
  });
});

describe("elapsedMs", () => {
  it("Should measure to the end, or to now while running", () => {
    expect(elapsedMs("2026-05-01T09:00:00Z", "2026-05-01T09:00:42Z")).toBe(42_000);
    expect(elapsedMs("2026-05-01T09:00:00Z", null, Date.parse("2026-05-01T09:01:00Z"))).toBe(
      60_000,
    );
  });

  it("Should be 0 before the run starts", () => {
    expect(elapsedMs(null, null)).toBe(0);
  });
});

describe("formatCount", () => {
  it("Should group thousands", () => {
    expect(formatCount(1500, "en-US")).toBe("1,500");
  });
});
