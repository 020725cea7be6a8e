import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import Fixture from "./table.fixture.svelte";

describe("Table", () => {
  const rows = [
    { name: "Id", type: "id" },
    { name: "Name", type: "string(255)" },
  ];

  it("Should render native table semantics with column headers", () => {
    const { body } = render(Fixture, { props: { rows } });
    expect(body).toContain("<table");
    expect(body).toContain("<caption");
    expect(body.match(/<th[^>]*scope="col"/g)).toHaveLength(2);
    expect(body.match(/data-slot="table-cell"/g)).toHaveLength(4);
  });

  it("Should merge the caller's class on the table and wrap it in a scroller", () => {
    const { body } = render(Fixture, { props: { rows } });
    expect(body).toMatch(/data-slot="table-container" class="[^"]*overflow-x-auto/);
    expect(body).toMatch(/<table[^>]*class="[^"]*min-w-96/);
  });
});
