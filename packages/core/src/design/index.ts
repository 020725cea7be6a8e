/**
 * @portal/core/design: the resumable Read Design engine, the design model, normalization and diff.
 */
export type {
  ChildRelationshipDesign,
  DesignChanges,
  DesignSnapshot,
  FieldChange,
  FieldDesign,
  JsonValue,
  ObjectChange,
  ObjectDesign,
  PicklistValue,
} from "./model.ts";
export { normalizeDescribe } from "./normalize.ts";
export { diffDesigns, diffObject } from "./diff.ts";
export type {
  FailedObject,
  InFlightRequest,
  ProgressEvent,
  ReadMode,
  ReadOptions,
  ReadState,
  ReadStrategy,
  ResolvedReadOptions,
  RunError,
  RunPhase,
  RunStatus,
} from "./engine/types.ts";
export { DEFAULT_READ_OPTIONS, resolveReadOptions } from "./engine/options.ts";
export {
  cancelRun,
  createReadState,
  finishRun,
  progress,
  releaseInFlight,
  resumeAt,
  tokenRefreshed,
  type PreviousRead,
} from "./engine/lifecycle.ts";
export { next, type NextContext, type NextStep } from "./engine/next.ts";
export { apply, type ApplyResult } from "./engine/apply.ts";
export type { AppliedOutput, ApplyContext } from "./engine/draft.ts";
export { planBatchSizes, type LanePlanInput } from "./engine/scheduler.ts";
export { drive, type DriveOptions, type DriveOutcome, type DriveResult } from "./drive.ts";
export { readDesign, type ReadDesignInput, type ReadDesignResult } from "./read-design.ts";
