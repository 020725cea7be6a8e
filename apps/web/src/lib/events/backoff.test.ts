import { describe, expect, it } from "vitest";
import { RECONNECT_BASE_MS, RECONNECT_MAX_MS, reconnectDelayMs } from "./backoff.ts";

describe("reconnectDelayMs", () => {
  it("Should double with each attempt", () => {
    const top = () => 1;
    expect(reconnectDelayMs(0, top)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(1, top)).toBe(RECONNECT_BASE_MS * 2);
    expect(reconnectDelayMs(3, top)).toBe(RECONNECT_BASE_MS * 8);
  });

  it("Should stop growing at the cap", () => {
    expect(reconnectDelayMs(30, () => 1)).toBe(RECONNECT_MAX_MS);
  });

  it("Should jitter between half and all of the delay", () => {
    expect(reconnectDelayMs(2, () => 0)).toBe(RECONNECT_BASE_MS * 2);
    expect(reconnectDelayMs(2, () => 0.5)).toBe(RECONNECT_BASE_MS * 3);
  });

  it("Should treat a negative attempt as the first", () => {
    expect(reconnectDelayMs(-1, () => 1)).toBe(RECONNECT_BASE_MS);
  });
});
