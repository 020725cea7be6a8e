import { createRawSnippet } from "svelte";
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Badge } from "./index.ts";

const label = createRawSnippet(() => ({ render: () => "<span>authorized</span>" }));

describe("Badge", () => {
  it("Should render its label with data-slot and the variant's colours", () => {
    const { body } = render(Badge, { props: { children: label, variant: "success" } });
    expect(body).toContain('data-slot="badge"');
    expect(body).toContain('data-variant="success"');
    expect(body).toContain("bg-emerald-50");
    expect(body).toContain("authorized");
  });

  it("Should draw a decorative dot only when asked", () => {
    expect(render(Badge, { props: { children: label } }).body).not.toContain("aria-hidden");
    expect(render(Badge, { props: { children: label, dot: true } }).body).toContain(
      'aria-hidden="true"',
    );
  });
});
