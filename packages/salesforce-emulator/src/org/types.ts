/** A describe as JSON: only `name` and `fields` are guaranteed (REDUCED captures lack the rest). */
export interface SObjectDescribe {
  name: string;
  fields: Record<string, unknown>[];
  [attribute: string]: unknown;
}

/** Placeholder for the API version inside pre-rendered JSON (`/services/data/v{{V}}/...`). */
export const VERSION_MARK = "__SF_API_VERSION__";
/** Placeholder for the emulator's base URL inside pre-rendered JSON. */
export const BASE_URL_MARK = "__SF_INSTANCE_URL__";

/** One object of an org, as the org store needs it: cheap facts now, the describe on demand. */
export interface OrgObject {
  name: string;
  fieldCount: number;
  /** The describeGlobal entry (may hold the placeholders above). */
  globalEntry: Record<string, unknown>;
  /** The describe as JSON text (may hold the placeholders above); called once per cache fill. */
  renderDescribe(): string;
}

/** The keys of a describeGlobal entry, in Salesforce's order for our generated objects. */
export const GLOBAL_ENTRY_KEYS = [
  "activateable",
  "associateEntityType",
  "associateParentEntity",
  "createable",
  "custom",
  "customSetting",
  "deepCloneable",
  "deletable",
  "deprecatedAndHidden",
  "feedEnabled",
  "hasSubtypes",
  "isInterface",
  "isSubtype",
  "keyPrefix",
  "label",
  "labelPlural",
  "layoutable",
  "mergeable",
  "mruEnabled",
  "name",
  "queryable",
  "replicateable",
  "retrieveable",
  "searchable",
  "triggerable",
  "undeletable",
  "updateable",
  "urls",
] as const;
