import type { FieldSpec } from "./field-factory.ts";
import type { PlanEntry } from "./plan-types.ts";
import { Random } from "./random.ts";
import { customFillers, standardFillers } from "./filler.ts";
import {
  audit,
  f,
  idField,
  isDeleted,
  lastActivity,
  lookup,
  nameField,
  owner,
  pick,
  recentlyViewed,
} from "./standard/kit.ts";

/** Parses a catalog lookup `Field:A|B:ChildName`. */
function catalogLookup(text: string): FieldSpec {
  const [field = "", targets = "", childName = ""] = text.split(":");
  const relationshipName = field.endsWith("Id") ? field.slice(0, -2) : field;
  const label = `${relationshipName.replace(/([a-z])([A-Z])/g, "$1 $2")} ID`;
  return lookup(field, label, targets.split("|"), relationshipName, childName || null, {
    namePointing: targets.includes("|"),
  });
}

function derivedFields(entry: PlanEntry): FieldSpec[] {
  const d = entry.derived;
  if (!d) return [];
  const parentField = d.parentCustom || d.suffix !== "History" ? "ParentId" : `${d.parent}Id`;
  const childName = { History: "Histories", Share: "Shares", Feed: "Feeds" }[d.suffix];
  const parent = lookup(
    parentField,
    `${d.parentLabel} ID`,
    [d.parent],
    parentField === "ParentId" ? "Parent" : d.parent,
    childName,
    {
      nillable: false,
      cascadeDelete: true,
      system: d.suffix !== "Share",
    },
  );
  const who = (name: string, label: string, rel: string) =>
    lookup(name, label, ["User"], rel, null, {
      system: true,
      nillable: false,
      defaultedOnCreate: true,
    });
  const when = (name: string, label: string) =>
    f(name, "datetime", label, { system: true, nillable: false });
  switch (d.suffix) {
    case "History":
      return [
        idField(`${d.parentLabel} History`),
        isDeleted(),
        parent,
        who("CreatedById", "Created By ID", "CreatedBy"),
        when("CreatedDate", "Created Date"),
        pick(
          "Field",
          "Changed Field",
          ["created", "feedEvent", "ownerAccepted", "ownerAssignment", "Name", "Owner"],
          { system: true },
        ),
        pick("DataType", "Data Type", ["Text", "Number", "Date", "Boolean", "EntityId"], {
          system: true,
        }),
        f("OldValue", "anyType", "Old Value", { system: true }),
        f("NewValue", "anyType", "New Value", { system: true }),
      ];
    case "Share":
      return [
        idField(`${d.parentLabel} Share`),
        parent,
        lookup("UserOrGroupId", "User/Group ID", ["Group", "User"], "UserOrGroup", null, {
          nillable: false,
        }),
        pick("AccessLevel", "Access Level", ["Read", "Edit", "All"], {
          nillable: false,
          restrictedPicklist: true,
        }),
        pick(
          "RowCause",
          "Row Cause",
          ["Owner", "Manual", "Rule", "ImplicitChild", "ImplicitParent", "Team"],
          {
            defaultedOnCreate: true,
          },
        ),
        when("LastModifiedDate", "Last Modified Date"),
        who("LastModifiedById", "Last Modified By ID", "LastModifiedBy"),
        isDeleted(),
      ];
    case "Feed":
      return [
        idField("Feed Item"),
        parent,
        pick(
          "Type",
          "Feed Item Type",
          ["TrackedChange", "UserStatus", "TextPost", "LinkPost", "ContentPost"],
          { system: true },
        ),
        who("CreatedById", "Created By ID", "CreatedBy"),
        when("CreatedDate", "Created Date"),
        isDeleted(),
        when("LastModifiedDate", "Last Modified Date"),
        when("SystemModstamp", "System Modstamp"),
        f("CommentCount", "int", "Comment Count", { system: true }),
        f("LikeCount", "int", "Like Count", { system: true }),
        f("Title", "string", "Title", { length: 255, system: true }),
        f("Body", "textarea", "Body", { length: 10000, system: true }),
        f("LinkUrl", "url", "Link Url", { length: 1000, system: true }),
        f("IsRichText", "boolean", "Is Rich Text", { system: true }),
        lookup("RelatedRecordId", "Related Record ID", ["ContentVersion"], "RelatedRecord", null, {
          system: true,
        }),
        lookup("InsertedById", "InsertedBy ID", ["User"], "InsertedBy", null, { system: true }),
        lookup("BestCommentId", "Best Comment ID", ["FeedComment"], "BestComment", null, {
          system: true,
        }),
      ];
  }
}

function catalogFields(entry: PlanEntry): FieldSpec[] {
  const c = entry.catalog;
  if (!c) return [];
  return [
    idField(c.label),
    ...(c.owned ? [owner()] : []),
    isDeleted(),
    nameField("Name", 80),
    ...c.lookups.map(catalogLookup),
    ...audit(),
  ];
}

function customFields(entry: PlanEntry): FieldSpec[] {
  return [
    idField("Record"),
    ...(entry.masterDetail ? [] : [owner(true)]),
    isDeleted(),
    nameField(`${entry.label} Name`, 80),
    ...audit(),
    lastActivity(),
    ...recentlyViewed(),
    ...entry.lookups,
  ];
}

/** The object's own fields, without fillers (the plan sizes fillers from this count). */
export function baseFieldSpecs(entry: PlanEntry): FieldSpec[] {
  switch (entry.kind) {
    case "modelled":
      return entry.def?.fields() ?? [];
    case "catalog":
      return catalogFields(entry);
    case "custom":
      return customFields(entry);
    case "derived":
      return derivedFields(entry);
  }
}

/** Every field of the object, in describe order; deterministic from the entry's seed. */
export function fieldSpecs(entry: PlanEntry): FieldSpec[] {
  const base = baseFieldSpecs(entry);
  if (entry.extra <= 0) return base;
  const rng = new Random(entry.seed);
  const taken = new Set(base.map((spec) => spec.name));
  const fillers =
    entry.kind === "catalog"
      ? standardFillers(rng, taken, entry.extra)
      : customFillers(rng, taken, entry.extra, entry.namespace);
  return [...base, ...fillers];
}
