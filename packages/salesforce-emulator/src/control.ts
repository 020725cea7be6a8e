import { BodyError, parseJson } from "./http/body.ts";
import type { RequestContext } from "./http/context.ts";
import type { Reply } from "./http/reply.ts";
import { jsonReply } from "./http/reply.ts";
import { ConfigError, parseConfigPatch } from "./config.ts";
import { UserError } from "./oauth/users.ts";
import { isDescribe, objectFromDescribe } from "./org/from-describe.ts";
import { UnknownObjectsError } from "./org/org-store.ts";

const problem = (status: number, error: string, message: string) =>
  jsonReply(status, { error, message });

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new BodyError(`"${field}" must be an array of object names`, 400);
  }
  return value;
}

function touchOrg(ctx: RequestContext, body: unknown): Reply {
  if (typeof body !== "object" || body === null)
    return problem(400, "invalid_request", "body must be a JSON object");
  const { objects, add, remove } = body as Record<string, unknown>;
  const touched = stringList(objects, "objects");
  const removed = stringList(remove, "remove");
  if (add !== undefined && (!Array.isArray(add) || !add.every(isDescribe))) {
    return problem(
      400,
      "invalid_request",
      '"add" must be an array of describes (objects with name and fields)',
    );
  }
  const { org } = ctx.state;
  const unknown = [...new Set([...org.unknown(touched), ...org.unknown(removed)])];
  if (unknown.length > 0) return jsonReply(404, { error: "unknown_objects", unknown });
  const now = ctx.state.now();
  org.touch(touched, now);
  org.add((add ?? []).map(objectFromDescribe), now);
  org.remove(removed, now);
  return jsonReply(200, { org: org.counts });
}

function snapshot(ctx: RequestContext): Reply {
  const { state } = ctx;
  return jsonReply(200, {
    apiUsage: state.usage.used,
    apiLimit: state.config.apiLimit,
    requests: state.requests.snapshot(),
    tokens: state.tokens.rows(),
    org: state.org.counts,
    config: state.config,
  });
}

/** The `/__emulator` control API (tests and benchmarks; not counted, no latency). */
export async function controlRequest(ctx: RequestContext): Promise<Reply> {
  const route = `${ctx.method} ${ctx.path.replace(/\/+$/, "")}`;
  const { state } = ctx;
  try {
    const body = ctx.method === "POST" ? parseJson(await ctx.body()) : undefined;
    switch (route) {
      case "GET /__emulator/state":
        return snapshot(ctx);
      case "POST /__emulator/reset":
        state.reset();
        return jsonReply(200, { ok: true });
      case "GET /__emulator/config":
        return jsonReply(200, state.config);
      case "POST /__emulator/config":
        state.updateConfig(parseConfigPatch(body ?? {}));
        return jsonReply(200, state.config);
      case "POST /__emulator/revoke-all":
        state.tokens.revokeAll();
        return jsonReply(200, { ok: true });
      case "POST /__emulator/org/touch":
        return touchOrg(ctx, body);
      case "POST /__emulator/users": {
        const { username, password } = (body ?? {}) as Record<string, unknown>;
        const user = state.users.add(username, password);
        return jsonReply(201, { username: user.username, userId: user.id });
      }
      default:
        return problem(404, "not_found", `no control route ${route}`);
    }
  } catch (error) {
    if (error instanceof ConfigError) return problem(400, "invalid_config", error.message);
    if (error instanceof UserError) return problem(error.status, "invalid_user", error.message);
    if (error instanceof BodyError) return problem(error.status, "invalid_request", error.message);
    if (error instanceof UnknownObjectsError)
      return jsonReply(404, { error: "unknown_objects", unknown: error.unknown });
    throw error;
  }
}
