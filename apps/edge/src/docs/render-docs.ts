// A self-contained HTML reference rendered from the OpenAPI document: no scripts, no CDN, one
// inline stylesheet (the page's CSP allows exactly that).

type Json = unknown;
type Parameter = { name?: string; in?: string; required?: boolean };
type Media = Record<string, { schema?: Json } | undefined>;
type Operation = {
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Media };
  responses?: Record<string, { description?: string; content?: Media }>;
};
/** The parts of an OpenAPI 3 document the page shows. */
export type DocsDocument = {
  info?: { title?: string; version?: string; description?: string };
  paths?: Record<string, object | undefined>;
  components?: { schemas?: Record<string, Json> };
};

const METHODS = ["get", "post", "put", "patch", "delete"];

/**
 * Escapes text for HTML element and attribute content.
 * @example
 * escapeHtml('<a href="x">') // "&lt;a href=&quot;x&quot;&gt;"
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function refName(schema: Json): string | null {
  if (schema && typeof schema === "object" && "$ref" in schema && typeof schema.$ref === "string") {
    return schema.$ref.split("/").at(-1) ?? null;
  }
  return null;
}

function schemaHtml(schema: Json): string {
  const name = refName(schema);
  if (name) return `<a href="#schema-${escapeHtml(name)}"><code>${escapeHtml(name)}</code></a>`;
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const parts = [
    `<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>`,
  ];
  if (op.summary) parts.push(`<p>${escapeHtml(op.summary)}</p>`);
  const params = op.parameters ?? [];
  if (params.length > 0) {
    const rows = params
      .map(
        (p) =>
          `<li><code>${escapeHtml(p.name ?? "")}</code> (${escapeHtml(p.in ?? "")}${p.required ? ", required" : ""})</li>`,
      )
      .join("");
    parts.push(`<h4>Parameters</h4><ul>${rows}</ul>`);
  }
  const body = op.requestBody?.content?.["application/json"]?.schema;
  if (body) parts.push(`<h4>Body (JSON)</h4>${schemaHtml(body)}`);
  const responses = Object.entries(op.responses ?? {})
    .map(([status, response]) => {
      const schema = response.content?.["application/json"]?.schema;
      return `<li><b>${escapeHtml(status)}</b> ${escapeHtml(response.description ?? "")}${schema ? ` ${schemaHtml(schema)}` : ""}</li>`;
    })
    .join("");
  parts.push(`<h4>Responses</h4><ul>${responses}</ul>`);
  return `<section class="op">${parts.join("")}</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:6px}
.op{border-top:1px solid #d0d7de;padding:.5rem 0}.m{display:inline-block;min-width:4rem;font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;background:#57606a}
.get{background:#0969da}.post{background:#1a7f37}.delete{background:#cf222e}.put,.patch{background:#9a6700}h4{margin:.5rem 0 .25rem}`;

/**
 * The reference page for an OpenAPI document.
 * @example
 * c.html(renderDocs(app.getOpenAPI31Document(config)))
 */
export function renderDocs(document: DocsDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const op =
        item && method in item
          ? (item as Record<string, Operation | undefined>)[method]
          : undefined;
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()];
  const nav = tags
    .map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`)
    .join(" · ");
  const sections = tags
    .map(
      (tag) =>
        `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${(byTag.get(tag) ?? []).join("")}`,
    )
    .join("");
  const schemas = Object.entries(document.components?.schemas ?? {})
    .map(
      ([name, schema]) =>
        `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>${schemaHtml(schema)}`,
    )
    .join("");
  const title = escapeHtml(document.info?.title ?? "API");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head><body>
<h1>${title} <small>${escapeHtml(document.info?.version ?? "")}</small></h1>
<p>${escapeHtml(document.info?.description ?? "")}</p><p><a href="openapi.json">openapi.json</a></p>
<nav>${nav}</nav>${sections}<h2 id="schemas">Schemas</h2>${schemas}</body></html>`;
}
