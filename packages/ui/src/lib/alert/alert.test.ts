import { createRawSnippet } from "svelte";
import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { Alert } from "./index.ts";

const text = createRawSnippet(() => ({ render: () => "<p>Authorized as admin@example.com</p>" }));

describe("Alert", () => {
  it("Should announce good news politely", () => {
    const { body } = render(Alert, { props: { children: text, variant: "success" } });
    expect(body).toContain('role="status"');
    expect(body).toContain("bg-emerald-50");
    expect(body).toContain("Authorized as admin@example.com");
  });

  it("Should interrupt for problems", () => {
    expect(render(Alert, { props: { children: text, variant: "danger" } }).body).toContain(
      'role="alert"',
    );
    expect(render(Alert, { props: { children: text, variant: "warning" } }).body).toContain(
      'role="alert"',
    );
  });

  it("Should let the caller choose the role", () => {
    const { body } = render(Alert, { props: { children: text, variant: "danger", role: "note" } });
    expect(body).toContain('role="note"');
    expect(body).not.toContain('role="alert"');
  });
});
