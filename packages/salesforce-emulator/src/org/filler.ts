import type { FieldSpec, FieldType } from "./field-factory.ts";
import type { Random } from "./random.ts";
import { FIELD_QUALIFIERS, FIELD_STEMS, PICKLIST_WORDS, labelOf } from "./vocabulary.ts";

const STANDARD_POOL: readonly (readonly [string, FieldType, string])[] = [
  ["Status", "picklist", "Status"],
  ["Type", "picklist", "Type"],
  ["Description", "textarea", "Description"],
  ["IsActive", "boolean", "Active"],
  ["StartDate", "date", "Start Date"],
  ["EndDate", "date", "End Date"],
  ["Priority", "picklist", "Priority"],
  ["Subject", "string", "Subject"],
  ["DeveloperName", "string", "Developer Name"],
  ["MasterLabel", "string", "Label"],
  ["Language", "picklist", "Language"],
  ["SortOrder", "int", "Sort Order"],
  ["ExternalId", "string", "External ID"],
  ["NamespacePrefix", "string", "Namespace Prefix"],
  ["Category", "picklist", "Category"],
  ["Value", "double", "Value"],
  ["Url", "url", "URL"],
  ["Email", "email", "Email"],
  ["Phone", "phone", "Phone"],
  ["Comments", "textarea", "Comments"],
  ["LastUsedDate", "datetime", "Last Used Date"],
  ["UsageCount", "int", "Usage Count"],
  ["Version", "int", "Version"],
  ["Source", "picklist", "Source"],
  ["IsDefault", "boolean", "Default"],
  ["Duration", "double", "Duration"],
];

function picklist(rng: Random): string[] {
  const values = new Set<string>();
  const wanted = rng.int(3, 8);
  while (values.size < wanted) values.add(rng.pick(PICKLIST_WORDS));
  return [...values];
}

function withHelp(rng: Random, spec: FieldSpec): FieldSpec {
  if (rng.chance(0.2)) spec.inlineHelpText = `Help: what ${spec.label.toLowerCase()} means here.`;
  return spec;
}

/** Specs for one custom field of `kind` (a location yields three: the compound and its parts). */
function customField(rng: Random, name: string, label: string, kind: string): FieldSpec[] {
  const base = { custom: true } as const;
  switch (kind) {
    case "picklist":
      return [
        {
          ...base,
          name,
          label,
          type: "picklist",
          picklist: picklist(rng),
          restrictedPicklist: rng.chance(0.4),
        },
      ];
    case "multipicklist":
      return [{ ...base, name, label, type: "multipicklist", picklist: picklist(rng) }];
    case "string": {
      const key = /External|Legacy|Reference/.test(name) && rng.chance(0.5);
      const length = rng.pick([20, 40, 50, 80, 100, 255]);
      return [
        {
          ...base,
          name,
          label,
          type: "string",
          length,
          externalId: key,
          unique: key,
          idLookup: key,
        },
      ];
    }
    case "textarea":
      return [
        { ...base, name, label, type: "textarea", length: rng.pick([255, 1000, 32768, 131072]) },
      ];
    case "richtext":
      return [
        {
          ...base,
          name,
          label,
          type: "textarea",
          length: 32768,
          extraTypeInfo: "richtextarea",
          htmlFormatted: true,
        },
      ];
    case "currency":
      return [
        { ...base, name, label, type: "currency", precision: 18, scale: rng.pick([0, 2, 2]) },
      ];
    case "double":
    case "int": // custom Number fields are doubles, whatever their scale
      return [
        {
          ...base,
          name,
          label,
          type: "double",
          precision: 18,
          scale: kind === "int" ? 0 : rng.int(0, 4),
        },
      ];
    case "percent":
      return [{ ...base, name, label, type: "percent", precision: rng.pick([5, 18]), scale: 2 }];
    case "location": {
      const stem = name.replace(/__c$/, "");
      const part = (suffix: string) =>
        ({
          ...base,
          name: `${stem}__${suffix}__s`,
          label: `${label} (${suffix})`,
          type: "double",
          precision: 9,
          scale: 6,
          compoundFieldName: name,
        }) as FieldSpec;
      return [{ ...base, name, label, type: "location" }, part("Latitude"), part("Longitude")];
    }
    case "encryptedstring":
      return [
        {
          ...base,
          name,
          label,
          type: "encryptedstring",
          encrypted: true,
          mask: "X",
          maskType: "all",
          filterable: false,
          sortable: false,
        },
      ];
    default:
      return [{ ...base, name, label, type: kind as FieldType }];
  }
}

function maybeFormula(rng: Random, spec: FieldSpec, siblings: FieldSpec[]): FieldSpec {
  const formulaTypes = new Set(["string", "double", "currency", "percent", "date", "boolean"]);
  if (!formulaTypes.has(spec.type) || !rng.chance(0.08) || siblings.length === 0) return spec;
  const other = rng.pick(siblings).name;
  const numeric = spec.type !== "string" && spec.type !== "date" && spec.type !== "boolean";
  return {
    ...spec,
    calculated: true,
    calculatedFormula:
      spec.type === "boolean" ? `NOT(ISBLANK(${other}))` : `BLANKVALUE(${other}, NULL)`,
    formulaTreatNullNumberAsZero: numeric,
    externalId: false,
    unique: false,
    idLookup: false,
  };
}

/**
 * `count` custom field specs (a location counts three), names unique against `taken`.
 * @example customFillers(new Random(1), new Set(), 3, "")[0].name // e.g. "Region__c"
 */
export function customFillers(
  rng: Random,
  taken: Set<string>,
  count: number,
  namespace: string,
): FieldSpec[] {
  const specs: FieldSpec[] = [];
  while (specs.length < count) {
    const [stem, kind] = rng.pick(FIELD_STEMS);
    if (kind === "location" && count - specs.length < 3) continue;
    const qualifier = FIELD_QUALIFIERS.find((q) => !taken.has(`${namespace}${q}${stem}__c`));
    if (qualifier === undefined) continue;
    const name = `${namespace}${qualifier}${stem}__c`;
    taken.add(name);
    const made = customField(rng, name, labelOf(`${qualifier}${stem}`), kind);
    const first = made[0];
    if (first) made[0] = withHelp(rng, maybeFormula(rng, first, specs));
    if (rng.chance(0.03) && first && first.type !== "boolean" && !first.calculated)
      first.nillable = false;
    specs.push(...made);
  }
  return specs;
}

/** Up to `count` standard-looking fields (no `__c`), then custom ones for the rest. */
export function standardFillers(rng: Random, taken: Set<string>, count: number): FieldSpec[] {
  const specs: FieldSpec[] = [];
  for (const [name, type, label] of STANDARD_POOL) {
    if (specs.length >= count) break;
    if (taken.has(name) || !rng.chance(0.6)) continue;
    taken.add(name);
    const spec: FieldSpec = { name, type, label };
    if (type === "picklist") spec.picklist = picklist(rng);
    if (type === "textarea") spec.length = rng.pick([255, 4000, 32000]);
    specs.push(spec);
  }
  return [...specs, ...customFillers(rng, taken, count - specs.length, "")];
}
