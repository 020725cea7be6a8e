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

describe("Button as a link", () => {
  it("Should render an anchor when given href", () => {
    const { body } = render(Button, { props: { children: label, href: "/services" } });
    expect(body).toMatch(/<a[^>]*href="\/services"/);
    expect(body).not.toContain("<button");
  });

  it("Should drop the href of a disabled link", () => {
    const { body } = render(Button, { props: { children: label, href: "/x", disabled: true } });
    expect(body).not.toContain('href="/x"');
    expect(body).toContain('aria-disabled="true"');
  });
});
