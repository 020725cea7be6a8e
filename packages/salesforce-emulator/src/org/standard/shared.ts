import { f, lookup, pick } from "./kit.ts";

/** Account and Lead industries. */
export const INDUSTRIES = [
  "Agriculture",
  "Apparel",
  "Banking",
  "Biotechnology",
  "Chemicals",
  "Communications",
  "Construction",
  "Consulting",
  "Education",
  "Electronics",
  "Energy",
  "Engineering",
  "Entertainment",
  "Environmental",
  "Finance",
  "Food & Beverage",
  "Government",
  "Healthcare",
  "Hospitality",
  "Insurance",
  "Machinery",
  "Manufacturing",
  "Media",
  "Not For Profit",
  "Recreation",
  "Retail",
  "Shipping",
  "Technology",
  "Telecommunications",
  "Transportation",
  "Utilities",
  "Other",
];

/** Lead sources. */
export const SOURCES = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];

/** Data.com clean statuses. */
export const CLEAN_STATUS = [
  "In Sync",
  "Different",
  "Reviewed",
  "Not Found",
  "Inactive",
  "Not Compared",
  "Select Match",
  "Skipped",
];

/** Opportunity stages. */
export const STAGES = [
  "Prospecting",
  "Qualification",
  "Needs Analysis",
  "Value Proposition",
  "Id. Decision Makers",
  "Perception Analysis",
  "Proposal/Price Quote",
  "Negotiation/Review",
  "Closed Won",
  "Closed Lost",
];

/** Case and task priorities. */
export const PRIORITY = ["High", "Medium", "Low"];

/** A phone field. */
export const phone = (name: string, label: string) => f(name, "phone", label);

/** The merge survivor lookup of mergeable objects. */
export const masterRecord = (target: string) =>
  lookup("MasterRecordId", "Master Record ID", [target], "MasterRecord", null, { system: true });

/** The record type lookup. */
export const recordType = () =>
  lookup("RecordTypeId", "Record Type ID", ["RecordType"], "RecordType", null, {
    permissionable: false,
  });

/** The Data.com key. */
export const jigsaw = () => f("Jigsaw", "string", "Data.com Key", { length: 20 });

/** The Data.com clean status picklist. */
export const cleanStatus = () =>
  pick("CleanStatus", "Clean Status", CLEAN_STATUS, { restrictedPicklist: true });
