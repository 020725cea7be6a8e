import { render } from "svelte/server";
import { createRawSnippet } from "svelte";
import { describe, expect, it } from "vitest";
import { Button } from "./index.ts";

const label = createRawSnippet(() => ({ render: () => "<span>Authorize</span>" }));

describe("Button", () => {
  it("Should render a type=button with its label and data-slot", () => {
    const { body } = render(Button, { props: { children: label } });
    expect(body).toContain('type="button"');
    expect(body).toContain('data-slot="button"');
    expect(body).toContain("Authorize");
  });

  it("Should merge a caller's class over the variant's", () => {
    const { body } = render(Button, {
      props: { children: label, variant: "destructive", class: "bg-black" },
    });
    expect(body).toContain("bg-black");
    expect(body).not.toContain("bg-red-700");
  });
});
