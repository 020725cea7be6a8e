import { createRawSnippet } from "svelte";
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { NativeSelect } from "./index.ts";

describe("NativeSelect", () => {
  it("Should render a native select around its options", () => {
    const options = createRawSnippet(() => ({
      render: () => '<option value="all">All</option>',
    }));
    const { body } = render(NativeSelect, {
      props: { "aria-label": "Kind", children: options },
    });
    expect(body).toMatch(/<select[^>]*aria-label="Kind"/);
    expect(body).toContain('<option value="all"');
  });
});
