import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import Fixture from "./empty-state.fixture.svelte";

describe("EmptyState", () => {
  it("Should render title, description and actions in order", () => {
    const { body } = render(Fixture, { props: {} });
    const title = body.indexOf("No connections yet");
    const description = body.indexOf("Add one to authorize Salesforce.");
    const action = body.indexOf("<button>Add connection</button>");
    expect(title).toBeGreaterThan(-1);
    expect(description).toBeGreaterThan(title);
    expect(action).toBeGreaterThan(description);
    expect(body).toContain('data-slot="empty-state-actions"');
  });
});
