import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Skeleton } from "./index.ts";

describe("Skeleton", () => {
  it("Should be hidden from assistive technology and take the caller's size", () => {
    const { body } = render(Skeleton, { props: { class: "h-4 w-32" } });
    expect(body).toContain('aria-hidden="true"');
    expect(body).toContain("animate-pulse");
    expect(body).toContain("h-4 w-32");
  });
});
