import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Progress, progressPercent } from "./index.ts";

describe("progressPercent", () => {
  it("Should round down to whole percent", () => {
    expect(progressPercent(37, 150)).toBe(24);
    expect(progressPercent(150, 150)).toBe(100);
  });

  it("Should clamp outside 0..max", () => {
    expect(progressPercent(-3, 10)).toBe(0);
    expect(progressPercent(12, 10)).toBe(100);
  });

  it("Should read an unknown total as 0 %", () => {
    expect(progressPercent(5, 0)).toBe(0);
    expect(progressPercent(Number.NaN, 10)).toBe(0);
  });
});

describe("Progress", () => {
  it("Should expose role progressbar with its value and maximum", () => {
    const { body } = render(Progress, {
      props: { value: 37, max: 150, "aria-label": "Read Design progress" },
    });
    expect(body).toContain('role="progressbar"');
    expect(body).toContain('aria-valuenow="37"');
    expect(body).toContain('aria-valuemax="150"');
    expect(body).toContain('aria-label="Read Design progress"');
    expect(body).toContain("width: 24%");
  });

  it("Should keep aria-valuenow within the maximum", () => {
    const { body } = render(Progress, { props: { value: 9, max: 4 } });
    expect(body).toContain('aria-valuenow="4"');
  });

  it("Should pass a readable value text", () => {
    const { body } = render(Progress, {
      props: { value: 1, max: 2, valueText: "1 of 2 objects", tone: "success" },
    });
    expect(body).toContain('aria-valuetext="1 of 2 objects"');
    expect(body).toContain("bg-emerald-600");
  });
});
