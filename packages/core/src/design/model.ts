/**
 * The read design: Salesforce objects and fields under Salesforce's own attribute names.
 * The null rule: an attribute the org did not send is `null`, never invented (reduced describes
 * are real). Whatever a describe has beyond the normalized attributes stays in `attributes`.
 */

/** A JSON value as Salesforce sends it. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One picklist entry (`PicklistEntry`). */
export interface PicklistValue {
  value: string;
  label: string | null;
  active: boolean | null;
  defaultValue: boolean | null;
  validFor: string | null;
}

/** One field of an object (`DescribeSObjectResult.fields[]`). */
export interface FieldDesign {
  name: string;
  type: string;
  label: string | null;
  soapType: string | null;
  length: number | null;
  byteLength: number | null;
  precision: number | null;
  scale: number | null;
  digits: number | null;
  nillable: boolean | null;
  unique: boolean | null;
  externalId: boolean | null;
  idLookup: boolean | null;
  nameField: boolean | null;
  autoNumber: boolean | null;
  calculated: boolean | null;
  calculatedFormula: string | null;
  custom: boolean | null;
  createable: boolean | null;
  updateable: boolean | null;
  defaultedOnCreate: boolean | null;
  defaultValue: string | number | boolean | null;
  defaultValueFormula: string | null;
  filterable: boolean | null;
  sortable: boolean | null;
  groupable: boolean | null;
  aggregatable: boolean | null;
  referenceTo: string[] | null;
  relationshipName: string | null;
  relationshipOrder: number | null;
  cascadeDelete: boolean | null;
  restrictedDelete: boolean | null;
  polymorphicForeignKey: boolean | null;
  picklistValues: PicklistValue[] | null;
  restrictedPicklist: boolean | null;
  dependentPicklist: boolean | null;
  controllerName: string | null;
  htmlFormatted: boolean | null;
  inlineHelpText: string | null;
  extraTypeInfo: string | null;
  compoundFieldName: string | null;
  deprecatedAndHidden: boolean | null;
  encrypted: boolean | null;
  caseSensitive: boolean | null;
  /** Every other attribute of the raw field, as sent (and any normalized one of an unexpected type). */
  attributes: Record<string, JsonValue>;
}

/** One child relationship (`ChildRelationship`). */
export interface ChildRelationshipDesign {
  childSObject: string;
  field: string | null;
  relationshipName: string | null;
  cascadeDelete: boolean | null;
  restrictedDelete: boolean | null;
  deprecatedAndHidden: boolean | null;
  junctionIdListNames: string[] | null;
  junctionReferenceTo: string[] | null;
  attributes: Record<string, JsonValue>;
}

/** One object (`DescribeSObjectResult`). */
export interface ObjectDesign {
  name: string;
  label: string | null;
  labelPlural: string | null;
  keyPrefix: string | null;
  custom: boolean | null;
  customSetting: boolean | null;
  queryable: boolean | null;
  retrieveable: boolean | null;
  searchable: boolean | null;
  createable: boolean | null;
  updateable: boolean | null;
  deletable: boolean | null;
  undeletable: boolean | null;
  mergeable: boolean | null;
  replicateable: boolean | null;
  triggerable: boolean | null;
  layoutable: boolean | null;
  feedEnabled: boolean | null;
  activateable: boolean | null;
  deprecatedAndHidden: boolean | null;
  fields: FieldDesign[];
  childRelationships: ChildRelationshipDesign[] | null;
  /** Every other top-level attribute of the describe (recordTypeInfos, urls, ...), as sent. */
  attributes: Record<string, JsonValue>;
}

/** A design read at one time, for diffs. */
export interface DesignSnapshot {
  /** When the read started (ISO 8601), or any label the caller uses for `from`/`to`. */
  readAt: string;
  objects: readonly ObjectDesign[];
}

/** What changed in one field. */
export interface FieldChange {
  name: string;
  attributes: string[];
}

/** What changed in one object. */
export interface ObjectChange {
  name: string;
  attributesChanged: string[];
  fields: { added: string[]; removed: string[]; changed: FieldChange[] };
}

/** The edge API's `Changes` shape. */
export interface DesignChanges {
  from: string | null;
  to: string;
  objects: { added: string[]; removed: string[]; changed: ObjectChange[] };
}
