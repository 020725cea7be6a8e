import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { stripHydrationMarkers } from "../utils/strip-hydration-markers.ts";
import Fixture from "./dialog.fixture.svelte";

function html(open: boolean): string {
  return stripHydrationMarkers(render(Fixture, { props: { open } }).body);
}

describe("Dialog", () => {
  it("Should render only the trigger while closed", () => {
    const body = html(false);
    expect(body).toMatch(/<button[^>]*aria-haspopup="dialog"[^>]*aria-expanded="false"/);
    expect(body).not.toContain('data-slot="dialog-content"');
  });

  it("Should render a modal dialog with a heading title and a Close button when open", () => {
    const body = html(true);
    expect(body).toMatch(/data-slot="dialog-content"[^>]*role="dialog" aria-modal="true"/);
    expect(body).toMatch(/data-slot="dialog-title"[^>]*role="heading" aria-level="2"/);
    expect(body).toContain("Choose where your Salesforce org lives.");
    expect(body).toContain('<span class="sr-only">Close</span>');
  });
});
