import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { stripHydrationMarkers } from "../utils/strip-hydration-markers.ts";
import Fixture from "./card.fixture.svelte";

describe("Card", () => {
  it("Should render every part with its data-slot and the title as a heading", () => {
    const body = stripHydrationMarkers(render(Fixture, { props: {} }).body);
    for (const slot of ["card", "card-header", "card-description", "card-content", "card-footer"]) {
      expect(body).toContain(`data-slot="${slot}"`);
    }
    expect(body).toMatch(/<h2 data-slot="card-title"[^>]*>API keys<\/h2>/);
    expect(body).toMatch(/data-slot="card" class="[^"]*max-w-xl/);
  });
});
