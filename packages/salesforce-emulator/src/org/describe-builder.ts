import type { ChildRelationship, PlanEntry } from "./plan-types.ts";
import { BASE_URL_MARK, GLOBAL_ENTRY_KEYS, VERSION_MARK } from "./types.ts";

const DEFAULT_FLAGS: Record<string, unknown> = {
  activateable: false,
  compactLayoutable: true,
  createable: true,
  customSetting: false,
  deepCloneable: false,
  deletable: true,
  deprecatedAndHidden: false,
  feedEnabled: true,
  hasSubtypes: false,
  isInterface: false,
  isSubtype: false,
  layoutable: true,
  mergeable: false,
  mruEnabled: true,
  queryable: true,
  replicateable: true,
  retrieveable: true,
  searchLayoutable: true,
  searchable: true,
  triggerable: true,
  undeletable: true,
  updateable: true,
};

const MERGEABLE = new Set(["Account", "Contact", "Lead"]);
const MASTER_RECORD_TYPE = "012000000000000AAA";

function flagsOf(entry: PlanEntry): Record<string, unknown> {
  return {
    ...DEFAULT_FLAGS,
    mergeable: MERGEABLE.has(entry.name),
    feedEnabled: entry.kind !== "catalog",
    ...entry.flags,
  };
}

function urlsOf(
  entry: PlanEntry,
  layoutable: boolean,
  forDescribe: boolean,
): Record<string, string> {
  const base = `/services/data/v${VERSION_MARK}/sobjects/${entry.name}`;
  const urls: Record<string, string> = {};
  if (layoutable) {
    urls.compactLayouts = `${base}/describe/compactLayouts`;
    urls.approvalLayouts = `${base}/describe/approvalLayouts`;
  }
  urls.rowTemplate = `${base}/{ID}`;
  if (forDescribe && layoutable && entry.keyPrefix) {
    urls.uiDetailTemplate = `${BASE_URL_MARK}/{ID}`;
    urls.uiEditTemplate = `${BASE_URL_MARK}/{ID}/e`;
    urls.uiNewRecord = `${BASE_URL_MARK}/${entry.keyPrefix}/e`;
  }
  urls.defaultValues = `${base}/defaultValues?recordTypeId&fields`;
  if (layoutable) {
    urls.listviews = `${base}/listviews`;
    urls.quickActions = `${base}/quickActions`;
    urls.layouts = `${base}/describe/layouts`;
  }
  urls.describe = `${base}/describe`;
  urls.sobject = base;
  return urls;
}

/** The describeGlobal entry of a generated object (urls carry the version placeholder). */
export function buildGlobalEntry(entry: PlanEntry): Record<string, unknown> {
  const flags = flagsOf(entry);
  const facts: Record<string, unknown> = {
    ...flags,
    associateEntityType: entry.derived ? entry.derived.suffix : null,
    associateParentEntity: entry.derived ? entry.derived.parent : null,
    custom: entry.custom,
    keyPrefix: entry.keyPrefix,
    label: entry.label,
    labelPlural: entry.labelPlural,
    name: entry.name,
    urls: urlsOf(entry, flags.layoutable === true, false),
  };
  const global: Record<string, unknown> = {};
  for (const key of GLOBAL_ENTRY_KEYS) global[key] = facts[key];
  return global;
}

/**
 * The FULL describe of a generated object: the 45 top-level keys of a real v62 describe,
 * alphabetical as in captured payloads.
 */
export function buildDescribe(
  entry: PlanEntry,
  fields: Record<string, unknown>[],
  childRelationships: ChildRelationship[],
): Record<string, unknown> {
  const flags = flagsOf(entry);
  const layoutable = flags.layoutable === true;
  const owned = fields.some((field) => field.name === "OwnerId");
  const plural = entry.labelPlural.toLowerCase();
  const describe: Record<string, unknown> = {
    ...flags,
    actionOverrides: [],
    associateEntityType: entry.derived ? entry.derived.suffix : null,
    associateParentEntity: entry.derived ? entry.derived.parent : null,
    childRelationships,
    custom: entry.custom,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields,
    implementedBy: null,
    implementsInterfaces: null,
    keyPrefix: entry.keyPrefix,
    label: entry.label,
    labelPlural: entry.labelPlural,
    listviewable: null,
    lookupLayoutable: null,
    name: entry.name,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: layoutable
      ? [
          {
            active: true,
            available: true,
            defaultRecordTypeMapping: true,
            developerName: "Master",
            master: true,
            name: "Master",
            recordTypeId: MASTER_RECORD_TYPE,
            urls: {
              layout: `/services/data/v${VERSION_MARK}/sobjects/${entry.name}/describe/layouts/${MASTER_RECORD_TYPE}`,
            },
          },
        ]
      : [],
    sobjectDescribeOption: "FULL",
    supportedScopes: owned
      ? [
          { label: `All ${plural}`, name: "everything" },
          { label: `My ${plural}`, name: "mine" },
          { label: `My team's ${plural}`, name: "team" },
        ]
      : [{ label: `All ${plural}`, name: "everything" }],
    urls: urlsOf(entry, layoutable, true),
  };
  if (!layoutable) {
    describe.compactLayoutable = false;
    describe.searchLayoutable = false;
  }
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(describe).sort()) ordered[key] = describe[key];
  return ordered;
}
