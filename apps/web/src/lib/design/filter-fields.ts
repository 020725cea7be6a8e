import type { Field } from "../api/types.ts";
import { isRequired } from "../format/field.ts";

export type FieldFilter = "all" | "required" | "custom" | "reference" | "picklist";

/**
 * Fields matching `query` in name, label or type, narrowed by `filter`.
 *
 * @example filterFields(fields, "date", "all")
 */
export function filterFields(
  fields: readonly Field[],
  query: string,
  filter: FieldFilter,
): Field[] {
  const needle = query.trim().toLowerCase();
  return fields.filter((field) => {
    if (filter === "required" && !isRequired(field)) return false;
    if (filter === "custom" && field.custom !== true) return false;
    if (filter === "reference" && !(field.referenceTo && field.referenceTo.length > 0))
      return false;
    if (filter === "picklist" && !(field.picklistValues && field.picklistValues.length > 0)) {
      return false;
    }
    if (!needle) return true;
    return (
      field.name.toLowerCase().includes(needle) ||
      (field.label ?? "").toLowerCase().includes(needle) ||
      (field.type ?? "").toLowerCase().includes(needle)
    );
  });
}
