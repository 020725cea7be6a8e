import { createRawSnippet } from "svelte";
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Label } from "./index.ts";

describe("Label", () => {
  it("Should render a native label bound to its control", () => {
    const text = createRawSnippet(() => ({ render: () => "<span>Email</span>" }));
    const { body } = render(Label, { props: { for: "email", children: text } });
    expect(body).toMatch(/<label[^>]*for="email"/);
    expect(body).toContain("Email");
  });
});
