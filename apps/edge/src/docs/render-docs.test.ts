import { describe, expect, it } from "vitest";
import { escapeHtml, renderDocs } from "./render-docs.ts";

describe("renderDocs", () => {
  it("Should list every operation under its tag and link schemas", () => {
    const html = renderDocs({
      info: { title: "Edge", version: "1" },
      paths: {
        "/api/v1/services": {
          get: { tags: ["Services"], summary: "List", responses: { 200: { description: "ok" } } },
          post: {
            tags: ["Services"],
            requestBody: {
              content: { "application/json": { schema: { $ref: "#/components/schemas/Service" } } },
            },
            responses: {},
          },
        },
      },
      components: { schemas: { Service: { type: "object" } } },
    });
    expect(html).toContain('<span class="m get">GET</span> <code>/api/v1/services</code>');
    expect(html).toContain('<span class="m post">POST</span>');
    expect(html).toContain('href="#schema-Service"');
    expect(html).toContain('id="tag-Services"');
    expect(html).not.toContain("<script");
  });

  it("Should escape text from the document", () => {
    expect(escapeHtml(`<img src=x onerror="a">'`)).toBe(
      "&lt;img src=x onerror=&quot;a&quot;&gt;&#39;",
    );
    const html = renderDocs({ info: { title: "<script>alert(1)</script>" } });
    expect(html).not.toContain("<script>alert");
  });
});
