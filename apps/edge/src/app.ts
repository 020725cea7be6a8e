import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";

export type AppEnv = { Bindings: Env };

/** The contract's error body: `{"error": {"code", "message"}}`. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export const app = new Hono<AppEnv>()
  .basePath("/")
  .get("/api/v1/health", (c) => c.json({ ok: true as const }));

app.notFound((c) => c.json(errorBody("not_found", "No such route."), 404));
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    return c.json(errorBody("http_error", err.message), err.status);
  }
  console.error("unhandled error", err instanceof Error ? err.name : typeof err);
  return c.json(errorBody("internal_error", "Something went wrong on our side."), 500);
});

export type AppType = typeof app;
