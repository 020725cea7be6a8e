import type { FieldSpec, FieldType } from "../field-factory.ts";

/** A hand-modelled standard object: its facts and a field list in Salesforce's field order. */
export interface StandardObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  fields: () => FieldSpec[];
  /** Object-level attributes that differ from a typical data object. */
  flags?: Record<string, unknown>;
}

/** One field; `extra` overrides any derived attribute. */
export function f(
  name: string,
  type: FieldType,
  label: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, type, label, ...extra };
}

/** A lookup; `childName` is the relationship name the parent lists under childRelationships. */
export function lookup(
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  childName: string | null,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return f(name, "reference", label, { referenceTo, relationshipName, childName, ...extra });
}

/** A picklist with the given values. */
export function pick(
  name: string,
  label: string,
  values: readonly string[],
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  // A picklist filled in on create defaults to its first value, as Case.Status = "New".
  const defaulted = extra.defaultedOnCreate === true ? { defaultValue: values[0] ?? null } : {};
  return f(name, "picklist", label, { picklist: values, length: 40, ...defaulted, ...extra });
}

/** The record id field. */
export function idField(objectLabel: string): FieldSpec {
  return f("Id", "id", `${objectLabel} ID`);
}

/** The soft-delete flag every data object has. */
export const isDeleted = (): FieldSpec =>
  f("IsDeleted", "boolean", "Deleted", { system: true, createable: false, updateable: false });

/** The owner lookup (User, or Group+User for objects that queues can own). */
export function owner(queueable = false): FieldSpec {
  return lookup("OwnerId", "Owner ID", queueable ? ["Group", "User"] : ["User"], "Owner", null, {
    nillable: false,
    defaultedOnCreate: true,
    namePointing: queueable,
  });
}

/** CreatedDate .. SystemModstamp, read-only audit fields on every object. */
export function audit(): FieldSpec[] {
  const when = (name: string, label: string) =>
    f(name, "datetime", label, { system: true, nillable: false, defaultedOnCreate: true });
  const who = (name: string, label: string, rel: string) =>
    lookup(name, label, ["User"], rel, null, {
      system: true,
      nillable: false,
      defaultedOnCreate: true,
    });
  return [
    when("CreatedDate", "Created Date"),
    who("CreatedById", "Created By ID", "CreatedBy"),
    when("LastModifiedDate", "Last Modified Date"),
    who("LastModifiedById", "Last Modified By ID", "LastModifiedBy"),
    when("SystemModstamp", "System Modstamp"),
  ];
}

/** LastViewedDate / LastReferencedDate of MRU-enabled objects. */
export function recentlyViewed(): FieldSpec[] {
  return [
    f("LastViewedDate", "datetime", "Last Viewed Date", { system: true }),
    f("LastReferencedDate", "datetime", "Last Referenced Date", { system: true }),
  ];
}

/** LastActivityDate of objects with activities. */
export const lastActivity = (): FieldSpec =>
  f("LastActivityDate", "date", "Last Activity", { system: true });

/** The record name field. */
export function nameField(label: string, length = 80, extra: Partial<FieldSpec> = {}): FieldSpec {
  return f("Name", "string", label, {
    length,
    nameField: true,
    nillable: false,
    ...extra,
  });
}

const GEOCODE_ACCURACY = [
  "Address",
  "NearAddress",
  "Block",
  "Street",
  "ExtendedZip",
  "Zip",
  "Neighborhood",
  "City",
  "County",
  "State",
  "Unknown",
];

/** A compound address: its components, then the `address` field itself. */
export function address(prefix: string, labelPrefix: string): FieldSpec[] {
  const compound = `${prefix}Address`;
  const part = (name: string, type: FieldType, label: string, extra: Partial<FieldSpec> = {}) =>
    f(`${prefix}${name}`, type, `${labelPrefix}${label}`.trim(), {
      compoundFieldName: compound,
      ...extra,
    });
  return [
    part("Street", "textarea", " Street"),
    part("City", "string", " City", { length: 40 }),
    part("State", "string", " State/Province", { length: 80 }),
    part("PostalCode", "string", " Zip/Postal Code", { length: 20 }),
    part("Country", "string", " Country", { length: 80 }),
    part("Latitude", "double", " Latitude", { precision: 18, scale: 15 }),
    part("Longitude", "double", " Longitude", { precision: 18, scale: 15 }),
    part("GeocodeAccuracy", "picklist", " Geocode Accuracy", {
      picklist: GEOCODE_ACCURACY,
      length: 40,
      restrictedPicklist: true,
    }),
    f(compound, "address", `${labelPrefix} Address`.trim()),
  ];
}

/** Salutation / First / Last / compound Name of person records (Contact, Lead). */
export function personName(): FieldSpec[] {
  const part = { compoundFieldName: "Name", extraTypeInfo: "personname", permissionable: false };
  return [
    f("LastName", "string", "Last Name", { ...part, length: 80, nillable: false }),
    f("FirstName", "string", "First Name", { ...part, length: 40 }),
    pick("Salutation", "Salutation", ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."], part),
    f("Name", "string", "Full Name", {
      extraTypeInfo: "personname",
      length: 121,
      nameField: true,
      nillable: false,
      system: true,
      defaultedOnCreate: false,
    }),
  ];
}

/** Long description text area. */
export const description = (label = "Description"): FieldSpec =>
  f("Description", "textarea", label, { length: 32000 });
