import { isJsonObject } from "../json.ts";
import { normalizeDescribe } from "../normalize.ts";
import { compositeReferenceId } from "../../salesforce/requests.ts";
import type { SalesforceResponse } from "../../salesforce/transport.ts";
import { type Outcome, classifyAnswer } from "./classify.ts";
import { recordTiming } from "./cost-model.ts";
import type { Draft } from "./draft.ts";
import type { InFlightRequest } from "./types.ts";

function applyObject(
  draft: Draft,
  entry: InFlightRequest,
  name: string,
  status: number,
  body: unknown,
): void {
  const outcome = classifyAnswer(status, body, "subrequest");
  switch (outcome.kind) {
    case "ok":
      try {
        draft.readObject(normalizeDescribe(body), name);
      } catch (error) {
        draft.failObject(name, error instanceof Error ? error.message : "unreadable describe");
      }
      return;
    case "not-modified":
      if (draft.hadPrevious(name)) draft.unchangedObject(name);
      else
        draft.failObject(name, "Salesforce answered 304 for an object without an earlier design");
      return;
    case "unauthorized":
      draft.unauthorized(entry, () => draft.requeue([name]));
      return;
    case "limit-exceeded":
      draft.requeue([name]);
      draft.fail({ code: "request_limit_exceeded", message: outcome.message });
      return;
    case "retry":
      draft.retryLater([name], outcome.reason);
      return;
    case "fail":
      draft.failObject(name, outcome.reason);
      return;
  }
}

/** Pairs each requested object with its subanswer; `null` when the body is not a composite answer. */
function subanswers(
  entry: InFlightRequest,
  body: unknown,
  strategy: string,
): ({ status: number; body: unknown } | null)[] | null {
  if (strategy === "composite") {
    if (!isJsonObject(body) || !Array.isArray(body.compositeResponse)) return null;
    const byReference = new Map<string, { status: number; body: unknown }>();
    for (const item of body.compositeResponse) {
      if (
        !isJsonObject(item) ||
        typeof item.referenceId !== "string" ||
        typeof item.httpStatusCode !== "number"
      )
        continue;
      byReference.set(item.referenceId, { status: item.httpStatusCode, body: item.body ?? null });
    }
    return entry.names.map((_, index) => byReference.get(compositeReferenceId(index)) ?? null);
  }
  if (!isJsonObject(body) || !Array.isArray(body.results)) return null;
  const results = body.results;
  return entry.names.map((_, index) => {
    const item = results[index];
    if (!isJsonObject(item) || typeof item.statusCode !== "number") return null;
    return { status: item.statusCode, body: item.result ?? null };
  });
}

/** Folds one describe answer (single, composite or batch) into the draft. */
export function applyDescribe(
  draft: Draft,
  entry: InFlightRequest,
  response: SalesforceResponse,
  outcome: Outcome,
): void {
  const strategy = draft.state.options.strategy;
  if (strategy === "single" && (outcome.kind === "ok" || outcome.kind === "not-modified")) {
    applyObject(draft, entry, entry.names[0] ?? "", response.status, response.body);
  } else if (outcome.kind === "ok") {
    const answers = subanswers(entry, response.body, strategy);
    if (answers === null) {
      draft.retryLater(entry.names, `unexpected ${strategy} answer`);
      return;
    }
    answers.forEach((answer, index) => {
      const name = entry.names[index] ?? "";
      if (answer === null) draft.retryLater([name], "no subanswer for this object");
      else applyObject(draft, entry, name, answer.status, answer.body);
    });
  } else {
    switch (outcome.kind) {
      case "unauthorized":
        draft.unauthorized(entry, () => draft.requeue(entry.names));
        return;
      case "limit-exceeded":
        draft.requeue(entry.names);
        draft.fail({ code: "request_limit_exceeded", message: outcome.message });
        return;
      case "retry":
        draft.retryLater(entry.names, outcome.reason);
        return;
      case "not-modified":
        draft.retryLater(entry.names, `unexpected 304 to a ${strategy} request`);
        return;
      case "fail":
        for (const name of entry.names) draft.failObject(name, outcome.reason);
        return;
    }
  }
  if (outcome.kind === "ok" || outcome.kind === "not-modified") {
    draft.state = {
      ...draft.state,
      timing: recordTiming(
        draft.state,
        entry.names.length,
        serviceMs(entry, response.elapsedMs ?? draft.context.now - entry.sentAt),
      ),
    };
  }
}

/** The round trip minus the time a request sent ahead waited for its lane. */
function serviceMs(entry: InFlightRequest, elapsedMs: number): number {
  const queued = entry.startsAt === undefined ? 0 : Math.max(0, entry.startsAt - entry.sentAt);
  return Math.max(0, elapsedMs - queued);
}
