/** Words for generated custom objects and fields, so names read like a real org's. */

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Nouns of generated custom object names. */
export const OBJECT_NOUNS = words(`
  Invoice Project Milestone Shipment Warehouse Vendor Contract_Term Subscription License Device
  Sensor Reading Inspection Permit Vehicle Route Delivery Claim Policy Premium Donation Grant
  Program Volunteer Event_Session Registration Ticket Venue Course Enrollment Certification Exam
  Candidate Interview Job_Posting Timesheet Expense Budget Forecast Territory_Plan Commission Quota
  Rebate Discount Price_Rule Bundle Component Part Supplier Purchase_Order Receipt Payment Refund
  Ledger_Entry Account_Plan Survey Survey_Response Feedback Incident Problem Change_Request Release
  Sprint Story Defect Test_Run Environment Deployment Integration_Log Sync_Job Data_Import Mapping
  Region Branch Store Visit Appointment Treatment Patient_Note Prescription Lab_Result Property
  Unit Lease Tenant Maintenance_Request Asset_Tag Calibration Warranty Return_Authorization
  Knowledge_Link Playbook Play Campaign_Touch Partner_Tier Referral
`);

/** Empty string = no qualifier (listed thrice so plain nouns come up more often). */
export const OBJECT_QUALIFIERS = [
  "",
  "",
  "",
  ...words(`
  Customer Partner Internal Regional Legacy Global Service Sales Field Product Account Member
  Supplier Project Quality Finance Marketing Support Channel Contract Asset Order
`),
];

/** Managed-package namespaces of some custom objects. */
export const NAMESPACES = words("npsp acme fin sbqq dlrs");

/** `Stem:type` of generated custom fields (`richtext` = a rich text area). */
export const FIELD_STEMS: readonly (readonly [string, string])[] = words(`
  Status:picklist Stage:picklist Category:picklist Region:picklist Tier:picklist Priority:picklist
  Source:picklist Segment:picklist Channel:picklist Currency_Code:picklist Risk_Level:picklist
  Products_Of_Interest:multipicklist Tags:multipicklist Languages:multipicklist
  Reference_Number:string External_Key:string Code:string Short_Name:string Legacy_Id:string
  Tracking_Number:string Batch_Label:string Owner_Team:string Cost_Center:string Project_Code:string
  SKU:string Serial:string Notes:textarea Summary:textarea Comments:textarea Instructions:textarea
  Details:richtext Rich_Description:richtext Amount:currency Total_Value:currency
  Discount_Amount:currency Unit_Cost:currency Budget:currency Balance:currency Fee:currency
  Quantity:double Score:double Weight_Kg:double Distance_Km:double Duration_Hours:double
  Rating_Value:double Count:int Attempts:int Sequence:int Rate:percent Completion:percent
  Margin:percent Probability_Override:percent Start_Date:date End_Date:date Due_Date:date
  Renewal_Date:date Signed_Date:date Review_Date:date Expiration_Date:date Last_Sync:datetime
  Submitted_At:datetime Approved_At:datetime Closed_At:datetime Preferred_Time:time
  Is_Active:boolean Is_Primary:boolean Approved:boolean Opt_Out:boolean Needs_Review:boolean
  Is_Billable:boolean Do_Not_Contact:boolean Contact_Email:email Billing_Email:email
  Support_Phone:phone Alt_Phone:phone Website_Link:url Portal_Link:url Site_Location:location
  Tax_Number:encryptedstring
`).map((pair) => {
  const [stem = "", type = ""] = pair.split(":");
  return [stem, type] as const;
});

/** Prefixes that multiply the stems; "" first so the plain stem is used before any variant. */
export const FIELD_QUALIFIERS = [
  "",
  ...words("Primary_ Secondary_ Internal_ Customer_ Legacy_ Partner_ Billing_ Shipping_ Planned_"),
  ...words("Actual_ Original_ Target_ Previous_ Next_ Regional_ Global_ Approved_ Forecast_"),
];

/** Values of generated picklists. */
export const PICKLIST_WORDS = words(`
  New Open In_Progress On_Hold Pending_Review Approved Rejected Closed Bronze Silver Gold Platinum
  North South East West Central Low Medium High Critical Web Email Phone Partner Event Other
`).map((w) => w.replace(/_/g, " "));

/** "Job_Posting" -> "Job Posting". */
export const labelOf = (stem: string): string => stem.replace(/_/g, " ");

/** English plural of a label ("Property" -> "Properties"). */
export function plural(label: string): string {
  if (/[^aeiou]y$/i.test(label)) return `${label.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/i.test(label)) return `${label}es`;
  return `${label}s`;
}
