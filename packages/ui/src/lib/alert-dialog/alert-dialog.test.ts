import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { stripHydrationMarkers } from "../utils/strip-hydration-markers.ts";
import Fixture from "./alert-dialog.fixture.svelte";

function html(open: boolean): string {
  return stripHydrationMarkers(render(Fixture, { props: { open } }).body);
}

describe("AlertDialog", () => {
  it("Should render only the trigger while closed", () => {
    const body = html(false);
    expect(body).toContain("Revoke");
    expect(body).not.toContain('data-slot="alert-dialog-content"');
  });

  it("Should render an alertdialog with styled Cancel and Action buttons when open", () => {
    const body = html(true);
    expect(body).toMatch(
      /data-slot="alert-dialog-content"[^>]*role="alertdialog" aria-modal="true"/,
    );
    expect(body).toMatch(/data-slot="alert-dialog-cancel" class="[^"]*border-slate-300/);
    expect(body).toMatch(/data-slot="alert-dialog-action" class="[^"]*bg-red-700/);
    expect(body).toContain("Syncs stop until someone re-authorizes.");
  });
});
