import type { Field } from "../api/types.ts";

const SIZED_TYPES = new Set([
  "string",
  "textarea",
  "url",
  "email",
  "phone",
  "picklist",
  "multipicklist",
  "combobox",
  "encryptedstring",
]);
const DECIMAL_TYPES = new Set(["double", "currency", "percent"]);

/**
 * A field's type with its size, as a schema reader expects it: `string(255)`, `currency(18, 2)`,
 * `int(9)`; the bare type when Salesforce sent no size.
 *
 * @example formatFieldType({ type: "currency", precision: 18, scale: 2 }) // "currency(18, 2)"
 */
export function formatFieldType(
  field: Pick<Field, "type" | "length" | "precision" | "scale" | "digits">,
): string {
  const type = field.type ?? "—";
  if (SIZED_TYPES.has(type) && field.length) return `${type}(${field.length})`;
  if (DECIMAL_TYPES.has(type) && field.precision)
    return `${type}(${field.precision}, ${field.scale ?? 0})`;
  if (type === "int" && field.digits) return `int(${field.digits})`;
  return type;
}

/**
 * Whether a record cannot be created without this field: createable and not nillable.
 *
 * @example isRequired({ createable: true, nillable: false }) // true
 */
export function isRequired(field: Pick<Field, "createable" | "nillable">): boolean {
  return field.createable === true && field.nillable === false;
}

/** Short flags worth a badge: "unique", "external id", "calculated", "custom". */
export function fieldFlags(
  field: Pick<Field, "unique" | "externalId" | "calculated" | "custom">,
): string[] {
  const flags: string[] = [];
  if (field.unique) flags.push("unique");
  if (field.externalId) flags.push("external id");
  if (field.calculated) flags.push("calculated");
  if (field.custom) flags.push("custom");
  return flags;
}
