import { BodyError, parseJson } from "../http/body.ts";
import type { RequestContext } from "../http/context.ts";
import type { Reply } from "../http/reply.ts";
import { jsonReply } from "../http/reply.ts";
import { failureBody, shouldFail } from "../faults.ts";
import { composite, compositeInputError } from "./composite.ts";
import { batchCost, compositeBatch } from "./composite-batch.ts";
import { parseDataUrl } from "./data-url.ts";
import { invalidSession, limitExceeded, methodNotAllowed, notFound, restError } from "./errors.ts";
import type { ResourceResult } from "./resources.ts";
import { resolveResource } from "./resources.ts";
import { VERSIONS } from "./versions.ts";

const BODY_LIMIT_BYTES = 8 * 1024 * 1024;
const VERSIONS_BODY = Buffer.from(JSON.stringify(VERSIONS));

type Route = "resource" | "composite" | "batch";

function routeOf(subPath: string): Route {
  if (subPath === "composite") return "composite";
  if (subPath === "composite/batch") return "batch";
  return "resource";
}

async function jsonBody(ctx: RequestContext): Promise<{ value: unknown } | { error: Reply }> {
  try {
    return { value: parseJson(await ctx.body(BODY_LIMIT_BYTES)) };
  } catch (error) {
    if (error instanceof BodyError) {
      return {
        error:
          error.status === 400
            ? compositeInputError(error.message)
            : restError(error.status, "REQUEST_TOO_LARGE", error.message),
      };
    }
    throw error;
  }
}

/**
 * Any request under `/services/data`. Order of decisions (emulator contract): auth, then the daily
 * limit, then failure injection, then the resource. Every answer but the versions list carries
 * `Sforce-Limit-Info`.
 */
export async function restRequest(ctx: RequestContext): Promise<ResourceResult> {
  const { state } = ctx;
  if (/^\/services\/data\/?$/.test(ctx.path)) {
    if (ctx.method !== "GET" && ctx.method !== "HEAD")
      return { reply: methodNotAllowed(ctx.method, "GET,HEAD"), describes: 0 };
    return { reply: { ...jsonReply(200, VERSIONS_BODY), compressible: true }, describes: 0 };
  }
  const limitInfo = (result: ResourceResult): ResourceResult => {
    result.reply.headers = {
      ...result.reply.headers,
      "sforce-limit-info": state.usage.header(state.config.apiLimit),
    };
    return result;
  };

  const token = ctx.bearerToken();
  const access = token
    ? state.tokens.useAccess(token, state.now(), state.sessionTimeoutMs)
    : undefined;
  if (!access) return limitInfo({ reply: invalidSession(), describes: 0 });

  const target = parseDataUrl(ctx.path);
  const route = target ? routeOf(target.subPath) : "resource";
  const post = ctx.method === "POST";
  let body: unknown;
  if (route !== "resource" && post) {
    const parsed = await jsonBody(ctx);
    if ("error" in parsed) {
      if (!state.usage.fits(1, state.config.apiLimit))
        return limitInfo({ reply: limitExceeded(), describes: 0 });
      state.usage.charge(1);
      return limitInfo({ reply: parsed.error, describes: 0 });
    }
    body = parsed.value;
  }
  const cost = route === "batch" && post ? batchCost(body) : 1;
  if (!state.usage.fits(cost, state.config.apiLimit))
    return limitInfo({ reply: limitExceeded(), describes: 0 });
  state.usage.charge(cost);

  const { failureRate, failStatus, seed } = state.config;
  if (shouldFail(failureRate, seed, ctx.method, ctx.path, state.attempts.next(ctx.path))) {
    return limitInfo({
      reply: { ...jsonReply(failStatus, failureBody(failStatus)), compressible: true },
      describes: 0,
    });
  }

  if (!target?.version) return limitInfo({ reply: notFound(), describes: 0 });
  if (route !== "resource") {
    if (!post) return limitInfo({ reply: methodNotAllowed(ctx.method, "POST"), describes: 0 });
    return limitInfo(route === "batch" ? compositeBatch(state, body) : composite(state, body));
  }
  return limitInfo(
    resolveResource(state, {
      method: ctx.method,
      version: target.version,
      subPath: target.subPath,
      ifModifiedSince: ctx.header("if-modified-since"),
    }),
  );
}
