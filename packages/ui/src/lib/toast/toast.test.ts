import { render } from "svelte/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ERROR_TOAST_DURATION_MS, TOAST_DURATION_MS, ToastState, Toaster } from "./index.ts";

describe("ToastState", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("Should add toasts in order with increasing ids", () => {
    const toaster = new ToastState();
    const first = toaster.success("Connection added");
    const second = toaster.info("Reading design", "SFORCE001");
    expect(second).toBeGreaterThan(first);
    expect(toaster.toasts.map((t) => t.title)).toEqual(["Connection added", "Reading design"]);
    expect(toaster.toasts[1]?.description).toBe("SFORCE001");
  });

  it("Should dismiss a toast by id and ignore unknown ids", () => {
    const toaster = new ToastState();
    const id = toaster.success("Saved");
    toaster.dismiss(9999);
    expect(toaster.toasts).toHaveLength(1);
    toaster.dismiss(id);
    expect(toaster.toasts).toHaveLength(0);
  });

  it("Should let toasts leave by themselves, errors later than the rest", () => {
    const toaster = new ToastState();
    toaster.success("Saved");
    toaster.error("Could not save");
    vi.advanceTimersByTime(TOAST_DURATION_MS);
    expect(toaster.toasts.map((t) => t.kind)).toEqual(["error"]);
    vi.advanceTimersByTime(ERROR_TOAST_DURATION_MS - TOAST_DURATION_MS);
    expect(toaster.toasts).toHaveLength(0);
  });
});

describe("Toaster", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("Should render a polite live region, with errors as alerts", () => {
    const toaster = new ToastState();
    toaster.success("Key created");
    toaster.error("Could not delete the key", "HTTP 500");
    const { body } = render(Toaster, { props: { toaster } });
    expect(body).toContain('aria-label="Notifications"');
    expect(body).toContain('aria-live="polite"');
    expect(body).toMatch(/role="status"[^>]*>[\s\S]*Key created/);
    expect(body).toMatch(/role="alert"[^>]*>[\s\S]*Could not delete the key[\s\S]*HTTP 500/);
    expect(body.match(/>\s*Dismiss\s*</g)).toHaveLength(2);
  });
});
