import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import { stripHydrationMarkers } from "../utils/strip-hydration-markers.ts";
import Fixture from "./accordion.fixture.svelte";

function html(value: string): string {
  return stripHydrationMarkers(render(Fixture, { props: { value } }).body);
}

describe("Accordion", () => {
  it("Should render each trigger as a button inside a level-3 heading", () => {
    const body = html("");
    expect(body).toMatch(
      /role="heading" aria-level="3"[^>]*><button type="button" data-slot="accordion-trigger"[^>]*>SFORCE001/,
    );
    expect(body).toContain("SFORCE002");
  });

  it("Should mark only the open item expanded and hide the closed item's content", () => {
    const body = html("c1");
    expect(body.match(/aria-expanded="true"/g)).toHaveLength(1);
    expect(body).toMatch(/data-state="open"[^>]*><div[^>]*>Authorized as admin@example.com/);
    expect(body).toMatch(/hidden=""><div[^>]*>Never authorized/);
  });
});
