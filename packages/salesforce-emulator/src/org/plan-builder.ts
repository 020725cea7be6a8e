import type { FieldSpec } from "./field-factory.ts";
import type { DerivedSuffix, PlanEntry } from "./plan-types.ts";
import type { Random } from "./random.ts";
import { hashString } from "./random.ts";
import { CATALOG } from "./standard/catalog.ts";
import type { StandardObjectDef } from "./standard/kit.ts";
import { ACCOUNT_OBJECTS } from "./standard/accounts.ts";
import { ACTIVITY_OBJECTS } from "./standard/activities.ts";
import { CONTENT_OBJECTS } from "./standard/content.ts";
import { PIPELINE_OBJECTS } from "./standard/pipeline.ts";
import { PRODUCT_OBJECTS } from "./standard/products.ts";
import { SERVICE_OBJECTS } from "./standard/service.ts";
import { USER_OBJECTS } from "./standard/users.ts";
import { NAMESPACES, OBJECT_NOUNS, OBJECT_QUALIFIERS, labelOf, plural } from "./vocabulary.ts";

/** Hand-modelled standard objects, in the order they join a generated org. */
export const MODELLED_ORDER = [
  "Account",
  "Contact",
  "Lead",
  "Opportunity",
  "Case",
  "User",
  "Task",
  "Campaign",
  "Event",
  "CampaignMember",
  "OpportunityContactRole",
  "Product2",
  "Pricebook2",
  "PricebookEntry",
  "OpportunityLineItem",
  "Contract",
  "Order",
  "OrderItem",
  "Asset",
  "Solution",
  "Group",
  "RecordType",
  "Profile",
  "UserRole",
  "Individual",
  "Attachment",
  "Note",
  "ContentDocument",
  "EmailMessage",
];
/** Hand-modelled standard objects by name. */
export const MODELLED = new Map<string, StandardObjectDef>(
  [
    ...ACCOUNT_OBJECTS,
    ...PIPELINE_OBJECTS,
    ...PRODUCT_OBJECTS,
    ...SERVICE_OBJECTS,
    ...ACTIVITY_OBJECTS,
    ...USER_OBJECTS,
    ...CONTENT_OBJECTS,
  ].map((def) => [def.name, def]),
);
const LOOKUP_TARGETS = [
  "Account",
  "Contact",
  "Opportunity",
  "Case",
  "Lead",
  "User",
  "Product2",
  "Campaign",
];
const DERIVED_FLAGS = {
  createable: false,
  deletable: false,
  updateable: false,
  layoutable: false,
  searchable: false,
  mergeable: false,
  mruEnabled: false,
  feedEnabled: false,
  undeletable: false,
  triggerable: false,
};

/** Adds objects to a plan one by one, keeping names, key prefixes and relationship names unique. */
export class PlanBuilder {
  readonly entries: PlanEntry[] = [];
  readonly #names = new Set<string>();
  readonly #customs: PlanEntry[] = [];
  readonly #derivable: { parent: PlanEntry; suffix: DerivedSuffix }[] = [];
  readonly #childNames = new Map<string, Set<string>>();
  #catalogNext = 0;

  constructor(
    private readonly rng: Random,
    private readonly seed: number,
  ) {}

  add(entry: Omit<PlanEntry, "seed">): PlanEntry {
    const full = { ...entry, seed: hashString(`${this.seed}:${entry.name}`) };
    this.entries.push(full);
    this.#names.add(entry.name);
    return full;
  }

  addModelled(def: StandardObjectDef): void {
    const entry = this.add({
      name: def.name,
      label: def.label,
      labelPlural: def.labelPlural,
      keyPrefix: def.keyPrefix,
      custom: false,
      kind: "modelled",
      extra: this.rng.int(0, 24),
      namespace: "",
      lookups: [],
      masterDetail: false,
      def,
      flags: def.flags ?? {},
    });
    if (def.flags?.feedEnabled !== false && def.flags?.layoutable !== false) {
      for (const suffix of ["History", "Share", "Feed"] as const)
        this.#derivable.push({ parent: entry, suffix });
    }
  }

  addCatalog(): boolean {
    let c = CATALOG[this.#catalogNext++];
    while (c && this.#names.has(c.name)) c = CATALOG[this.#catalogNext++];
    if (!c) return false;
    this.add({
      name: c.name,
      label: c.label,
      labelPlural: c.labelPlural,
      keyPrefix: c.keyPrefix,
      custom: false,
      kind: "catalog",
      extra: this.rng.int(2, 14),
      namespace: "",
      lookups: [],
      masterDetail: false,
      catalog: c,
      flags: {},
    });
    return true;
  }

  addDerived(): boolean {
    if (this.#derivable.length === 0) return false;
    const index = this.rng.int(0, this.#derivable.length - 1);
    const [picked] = this.#derivable.splice(index, 1);
    if (!picked) return false;
    const { parent, suffix } = picked;
    const stem = parent.custom ? parent.name.replace(/__c$/, "__") : parent.name;
    const name = `${stem}${suffix}`;
    if (this.#names.has(name)) return false;
    const labelSuffix = suffix === "Feed" ? "Feed" : suffix;
    const shareFlags =
      suffix === "Share" ? { createable: true, deletable: true, updateable: true } : {};
    this.add({
      name,
      label: `${parent.label} ${labelSuffix}`,
      labelPlural: `${parent.label} ${labelSuffix}`,
      keyPrefix: { History: "017", Share: parent.custom ? null : "00r", Feed: "0D5" }[suffix],
      custom: parent.custom,
      kind: "derived",
      extra: 0,
      namespace: "",
      lookups: [],
      masterDetail: false,
      derived: {
        parent: parent.name,
        parentLabel: parent.label,
        parentCustom: parent.custom,
        suffix,
      },
      flags: { ...DERIVED_FLAGS, ...shareFlags },
    });
    return true;
  }

  addCustom(): void {
    const { name, label, namespace } = this.#customName();
    const lookups = this.#customLookups(label, namespace);
    const masterDetail = lookups[0]?.cascadeDelete === true;
    const entry = this.add({
      name,
      label,
      labelPlural: plural(label),
      keyPrefix: customPrefix(this.#customs.length),
      custom: true,
      kind: "custom",
      extra: 0,
      namespace,
      lookups,
      masterDetail,
      flags: {},
    });
    this.#customs.push(entry);
    if (this.rng.chance(0.5)) this.#derivable.push({ parent: entry, suffix: "History" });
    if (!masterDetail && this.rng.chance(0.5))
      this.#derivable.push({ parent: entry, suffix: "Share" });
    if (this.rng.chance(0.3)) this.#derivable.push({ parent: entry, suffix: "Feed" });
  }

  get customs(): PlanEntry[] {
    return this.#customs;
  }

  #customName(): { name: string; label: string; namespace: string } {
    for (let attempt = 0; ; attempt++) {
      const noun = this.rng.pick(OBJECT_NOUNS);
      const qualifier = this.rng.pick(OBJECT_QUALIFIERS);
      const namespace = this.rng.chance(0.1) ? `${this.rng.pick(NAMESPACES)}__` : "";
      const stem = qualifier ? `${qualifier}_${noun}` : noun;
      const suffix = attempt > 40 ? `_${attempt}` : "";
      const name = `${namespace}${stem}${suffix}__c`;
      if (!this.#names.has(name)) return { name, label: labelOf(`${stem}${suffix}`), namespace };
    }
  }

  #customLookups(childLabel: string, namespace: string): FieldSpec[] {
    const count = this.rng.weighted([
      [0, 15],
      [1, 35],
      [2, 30],
      [3, 15],
      [4, 5],
    ] as const);
    const specs: FieldSpec[] = [];
    const usedFields = new Set<string>();
    for (let i = 0; i < count; i++) {
      const target = this.#lookupTarget();
      if (!target) break;
      const masterDetail = i === 0 && target.name !== "User" && this.rng.chance(0.2);
      const stem = target.custom
        ? target.name.replace(/^\w+?__(?=\w+__c$)/, "").replace(/__c$/, "")
        : target.name;
      let fieldStem = stem;
      for (let n = 2; usedFields.has(fieldStem); n++) fieldStem = `${stem}_${n}`;
      usedFields.add(fieldStem);
      specs.push({
        name: `${namespace}${fieldStem}__c`,
        type: "reference",
        label: labelOf(fieldStem),
        custom: true,
        referenceTo: [target.name],
        relationshipName: `${namespace}${fieldStem}__r`,
        childName: this.#childName(
          target.name,
          `${namespace}${plural(childLabel).replace(/\W/g, "_")}`,
        ),
        cascadeDelete: masterDetail,
        nillable: !masterDetail,
        relationshipOrder: masterDetail ? 0 : null,
        updateable: !masterDetail,
        restrictedDelete: !masterDetail && this.rng.chance(0.1),
        writeRequiresMasterRead: masterDetail && this.rng.chance(0.5),
      });
    }
    return specs;
  }

  #lookupTarget(): PlanEntry | undefined {
    const useCustom = this.#customs.length > 0 && this.rng.chance(0.5);
    if (useCustom) return this.rng.pick(this.#customs);
    const present = LOOKUP_TARGETS.filter((n) => this.#names.has(n));
    if (present.length === 0) return undefined;
    const name = this.rng.pick(present);
    return this.entries.find((e) => e.name === name);
  }

  #childName(parent: string, base: string): string {
    const used = this.#childNames.get(parent) ?? new Set<string>();
    this.#childNames.set(parent, used);
    let name = `${base}__r`;
    for (let n = 1; used.has(name); n++) name = `${base}${n}__r`;
    used.add(name);
    return name;
  }
}

function customPrefix(index: number): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  return `a${digits[Math.floor(index / 62) % 62]}${digits[index % 62]}`;
}
