import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Input } from "./index.ts";

describe("Input", () => {
  it("Should render the type, value and attributes it is given", () => {
    const { body } = render(Input, {
      props: { type: "email", value: "a@example.com", id: "email", autocomplete: "email" },
    });
    expect(body).toContain('type="email"');
    expect(body).toContain('value="a@example.com"');
    expect(body).toContain('id="email"');
    expect(body).toContain('data-slot="input"');
  });

  it("Should default to a text input", () => {
    expect(render(Input, { props: {} }).body).toContain('type="text"');
  });
});
