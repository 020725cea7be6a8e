import { exports } from "cloudflare:workers";
import { EDGE } from "../helpers.ts";

/** How a route authenticates, read from the operation's `security` in the OpenAPI document. */
export type RouteAuth = "none" | "cookie" | "any";

/** One operation of the OpenAPI document, reduced to what the hardening suites generate from. */
export type ApiRoute = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path with `{param}` placeholders. */
  template: string;
  params: string[];
  auth: RouteAuth;
  body: "none" | "optional" | "required";
  /** The JSON body's properties and their JSON types, for wrong-type cases. */
  bodyFields: Record<string, string>;
  /** The statuses the operation documents, e.g. `["200", "401", "404"]`. */
  statuses: string[];
  label: string;
};

type Operation = {
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
  requestBody?: {
    required?: boolean;
    content?: Record<string, { schema?: Schema }>;
  };
};
type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema> };
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function authOf(operation: Operation): RouteAuth {
  if (!operation.security) return "any";
  if (operation.security.length === 0) return "none";
  const schemes = operation.security.flatMap((entry) => Object.keys(entry));
  return schemes.includes("apiKey") ? "any" : "cookie";
}

function resolve(schema: Schema | undefined, doc: OpenApiDocument): Schema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.split("/").pop() ?? "";
  return doc.components?.schemas?.[name];
}

function bodyFieldsOf(operation: Operation, doc: OpenApiDocument): Record<string, string> {
  const schema = resolve(operation.requestBody?.content?.["application/json"]?.schema, doc);
  const fields: Record<string, string> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    fields[name] = resolve(property, doc)?.type ?? "unknown";
  }
  return fields;
}

/** Every operation of `GET /api/v1/openapi.json`, so new routes are covered without edits here. */
export async function apiRoutes(): Promise<ApiRoute[]> {
  const res = await exports.default.fetch(`${EDGE}/api/v1/openapi.json`);
  if (res.status !== 200) throw new Error(`openapi.json answered ${res.status}`);
  const doc = (await res.json()) as OpenApiDocument;
  const routes: ApiRoute[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const upper = method.toUpperCase() as ApiRoute["method"];
      routes.push({
        method: upper,
        template,
        params: [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ""),
        auth: authOf(operation),
        body: !operation.requestBody
          ? "none"
          : operation.requestBody.required
            ? "required"
            : "optional",
        bodyFields: bodyFieldsOf(operation, doc),
        statuses: Object.keys(operation.responses ?? {}),
        label: `${upper} ${template}`,
      });
    }
  }
  return routes;
}

/** Fills `{param}` placeholders; values are inserted as given (callers encode hostile ones). */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return value;
  });
}
