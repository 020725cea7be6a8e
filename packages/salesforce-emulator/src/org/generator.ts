import { buildField } from "./field-factory.ts";
import { buildDescribe, buildGlobalEntry } from "./describe-builder.ts";
import { fieldSpecs } from "./object-fields.ts";
import { planOrg } from "./plan.ts";
import type { OrgObject, SObjectDescribe } from "./types.ts";
import { BASE_URL_MARK, VERSION_MARK } from "./types.ts";

/** Default size of a generated org (`SF_EMULATOR_OBJECTS`). */
export const DEFAULT_OBJECT_COUNT = 150;
/** Default seed of a generated org. */
export const DEFAULT_ORG_SEED = 42;

export interface GenerateOrgOptions {
  /** Number of objects (standard ones first, then custom `__c` and related objects). */
  objects?: number;
  /** Same seed, same org. */
  seed?: number;
}

/** A generated org: cheap facts for every object, describes built on demand. */
export interface GeneratedOrg {
  objects: OrgObject[];
  fieldCount: number;
  /** One object's FULL describe as Salesforce would send it (`undefined` for unknown names). */
  describe(
    name: string,
    options?: { version?: string; baseUrl?: string },
  ): SObjectDescribe | undefined;
}

/**
 * Generates a realistic org deterministically from a seed, without a server. Describes are built
 * lazily, so 3,000 objects (~200,000 fields) are planned in well under a second.
 * @example generateOrg({ objects: 150, seed: 42 }).describe("Account")?.fields.length
 */
export function generateOrg(options: GenerateOrgOptions = {}): GeneratedOrg {
  const count = options.objects ?? DEFAULT_OBJECT_COUNT;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`objects must be a positive integer, got ${String(options.objects)}`);
  }
  const plan = planOrg(count, options.seed ?? DEFAULT_ORG_SEED);
  const objects: OrgObject[] = plan.entries.map((entry) => ({
    name: entry.name,
    fieldCount: plan.fieldCounts.get(entry.name) ?? 0,
    globalEntry: buildGlobalEntry(entry),
    renderDescribe: () =>
      JSON.stringify(
        buildDescribe(
          entry,
          fieldSpecs(entry).map(buildField),
          plan.children.get(entry.name) ?? [],
        ),
      ),
  }));
  const byName = new Map(objects.map((o) => [o.name.toLowerCase(), o]));
  return {
    objects,
    fieldCount: objects.reduce((sum, o) => sum + o.fieldCount, 0),
    describe(name, { version = "62.0", baseUrl = "http://127.0.0.1:8788" } = {}) {
      const object = byName.get(name.toLowerCase());
      if (!object) return undefined;
      const json = object
        .renderDescribe()
        .replaceAll(VERSION_MARK, version)
        .replaceAll(BASE_URL_MARK, baseUrl);
      return JSON.parse(json) as SObjectDescribe;
    },
  };
}
