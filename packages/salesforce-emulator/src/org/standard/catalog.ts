/** A standard object we model generically: facts plus its lookups (`field:Target:childName`). */
export interface CatalogEntry {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string | null;
  /** Owned records (an OwnerId field and sharing). */
  owned: boolean;
  /** `Field:Target[|Target]:ChildRelationshipName` (child name may be empty). */
  lookups: string[];
}

const e = (
  name: string,
  label: string,
  keyPrefix: string | null,
  owned: boolean,
  lookups: string[] = [],
  labelPlural = `${label}s`,
): CatalogEntry => ({ name, label, labelPlural, keyPrefix, owned, lookups });

/** More standard objects every real org lists in describeGlobal, in the order they join the org. */
export const CATALOG: CatalogEntry[] = [
  e("CaseComment", "Case Comment", "00a", false, ["ParentId:Case:CaseComments"]),
  e("AccountContactRole", "Account Contact Role", "02Z", false, [
    "AccountId:Account:AccountContactRoles",
    "ContactId:Contact:AccountContactRoles",
  ]),
  e("AccountTeamMember", "Account Team Member", "01M", false, [
    "AccountId:Account:AccountTeamMembers",
    "UserId:User:",
  ]),
  e("CaseContactRole", "Contact Role", "03j", false, [
    "CasesId:Case:CaseContactRoles",
    "ContactId:Contact:CaseContactRoles",
  ]),
  e("ContentVersion", "Content Version", "068", true, [
    "ContentDocumentId:ContentDocument:ContentVersions",
  ]),
  e("ContentDocumentLink", "Content Document Link", "06A", false, [
    "ContentDocumentId:ContentDocument:ContentDocumentLinks",
    "LinkedEntityId:Account|Contact|Opportunity|Case|User:ContentDocumentLinks",
  ]),
  e("Quote", "Quote", "0Q0", true, [
    "OpportunityId:Opportunity:Quotes",
    "ContactId:Contact:",
    "Pricebook2Id:Pricebook2:Quotes",
  ]),
  e("QuoteLineItem", "Quote Line Item", "0QL", false, [
    "QuoteId:Quote:QuoteLineItems",
    "PricebookEntryId:PricebookEntry:QuoteLineItems",
    "Product2Id:Product2:",
  ]),
  e("Entitlement", "Entitlement", "550", true, [
    "AccountId:Account:Entitlements",
    "AssetId:Asset:Entitlements",
    "ServiceContractId:ServiceContract:Entitlements",
  ]),
  e("ServiceContract", "Service Contract", "810", true, [
    "AccountId:Account:ServiceContracts",
    "ContactId:Contact:ServiceContracts",
    "ParentServiceContractId:ServiceContract:ChildServiceContracts",
  ]),
  e("ContractLineItem", "Contract Line Item", "811", false, [
    "ServiceContractId:ServiceContract:ContractLineItems",
    "PricebookEntryId:PricebookEntry:ContractLineItems",
    "AssetId:Asset:ContractLineItems",
  ]),
  e("WorkOrder", "Work Order", "0WO", true, [
    "AccountId:Account:WorkOrders",
    "ContactId:Contact:WorkOrders",
    "CaseId:Case:WorkOrders",
    "AssetId:Asset:WorkOrders",
    "ParentWorkOrderId:WorkOrder:ChildWorkOrders",
  ]),
  e("WorkOrderLineItem", "Work Order Line Item", "1WL", false, [
    "WorkOrderId:WorkOrder:WorkOrderLineItems",
    "OrderId:Order:WorkOrderLineItems",
    "AssetId:Asset:WorkOrderLineItems",
  ]),
  e("ServiceAppointment", "Service Appointment", "08p", true, [
    "ParentRecordId:Account|Asset|WorkOrder|Opportunity:ServiceAppointments",
    "ContactId:Contact:ServiceAppointments",
  ]),
  e("Location", "Location", "131", true, ["ParentLocationId:Location:ChildLocations"]),
  e("OperatingHours", "Operating Hours", "0OH", false, [], "Operating Hours"),
  e("DandBCompany", "D&B Company", "06E", false, [], "D&B Companies"),
  e("BusinessHours", "Business Hours", "01m", false, [], "Business Hours"),
  e("BusinessProcess", "Business Process", "019", false, [], "Business Processes"),
  e("Organization", "Organization", "00D", false, []),
  e("UserLicense", "User License", "100", false, []),
  e("PermissionSet", "Permission Set", "0PS", false, [
    "ProfileId:Profile:",
    "LicenseId:UserLicense:",
  ]),
  e("PermissionSetAssignment", "Permission Set Assignment", "0Pa", false, [
    "PermissionSetId:PermissionSet:Assignments",
    "AssigneeId:User:PermissionSetAssignments",
  ]),
  e("GroupMember", "Group Member", "011", false, [
    "GroupId:Group:GroupMembers",
    "UserOrGroupId:User|Group:",
  ]),
  e("QueueSobject", "Queue Sobject", "03g", false, ["QueueId:Group:QueueSobjects"]),
  e("Document", "Document", "015", false, ["FolderId:Folder|User:", "AuthorId:User:"]),
  e("Folder", "Folder", "00l", false, ["ParentId:Folder:SubFolders"]),
  e("Report", "Report", "00O", true, []),
  e("Dashboard", "Dashboard", "01Z", false, ["FolderId:Folder:", "RunningUserId:User:"]),
  e("EmailTemplate", "Email Template", "00X", true, ["FolderId:Folder|User:"]),
  e("ListView", "List View", "00B", false, []),
  e("ApexClass", "Apex Class", "01p", false, [], "Apex Classes"),
  e("ApexTrigger", "Apex Trigger", "01q", false, []),
  e("ApexPage", "Visualforce Page", "066", false, []),
  e("ApexComponent", "Visualforce Component", "099", false, []),
  e("StaticResource", "Static Resource", "081", false, []),
  e("AsyncApexJob", "Apex Job", "707", false, ["ApexClassId:ApexClass:"]),
  e("CronTrigger", "Scheduled Jobs", "08e", true, [], "Scheduled Jobs"),
  e("AssignmentRule", "Assignment Rule", "01Q", false, []),
  e("DuplicateRule", "Duplicate Rule", "0Bm", false, []),
  e("CollaborationGroup", "Group", "0F9", true, [], "Groups"),
  e("Topic", "Topic", "0TO", false, []),
  e("Idea", "Idea", "087", false, ["ParentIdeaId:Idea:"]),
  e("Announcement", "Announcement", "0BT", false, [
    "FeedItemId:FeedItem:",
    "ParentId:CollaborationGroup:Announcements",
  ]),
  e("FeedItem", "Feed Item", "0D5", false, [
    "ParentId:Account|Case|Contact|Opportunity|User:FeedSubscriptionsForEntity",
  ]),
  e("FeedComment", "Feed Comment", "0D7", false, ["FeedItemId:FeedItem:FeedComments"]),
  e("Holiday", "Holiday", "0C0", false, []),
  e("Period", "Period", "026", false, []),
  e("Partner", "Partner", "00I", false, [
    "AccountFromId:Account:",
    "AccountToId:Account:",
    "OpportunityId:Opportunity:Partners",
  ]),
  e(
    "OrgWideEmailAddress",
    "Organization-Wide Email Address",
    "0D2",
    false,
    [],
    "Organization-Wide Email Addresses",
  ),
  e("Site", "Site", "0DM", false, []),
  e("Domain", "Domain", "0I4", false, []),
  e("Macro", "Macro", "0JZ", true, []),
  e("ContactRequest", "Contact Request", "0SV", true, [
    "WhatId:Account|Case|Opportunity:ContactRequests",
    "WhoId:Contact|Lead:ContactRequests",
  ]),
  e("ProcessInstance", "Process Instance", "04g", false, [
    "TargetObjectId:Account|Case|Contact|Opportunity|Lead:ProcessInstances",
  ]),
  e("ServiceResource", "Service Resource", "0Hn", true, [
    "RelatedRecordId:User:ServiceResources",
    "LocationId:Location:ServiceResources",
  ]),
  e("ServiceTerritory", "Service Territory", "0Hh", true, [
    "OperatingHoursId:OperatingHours:ServiceTerritories",
    "ParentTerritoryId:ServiceTerritory:ChildServiceTerritories",
  ]),
  e("Skill", "Skill", "0C5", false, []),
  e("LoginHistory", "Login History", "0Ya", false, ["UserId:User:"], "Login History"),
  e("SetupAuditTrail", "Audit Trail", "0Ym", false, [], "Audit Trail"),
  e(
    "OpportunityHistory",
    "Opportunity History",
    "008",
    false,
    ["OpportunityId:Opportunity:OpportunityHistories"],
    "Opportunity History",
  ),
  e(
    "Territory2",
    "Territory",
    "0MI",
    false,
    ["ParentTerritory2Id:Territory2:ChildTerritories"],
    "Territories",
  ),
  e("ProductItem", "Product Item", "0Co", true, [
    "LocationId:Location:ProductItems",
    "Product2Id:Product2:ProductItems",
  ]),
  e("Shipment", "Shipment", "0OA", true, [
    "SourceLocationId:Location:",
    "DestinationLocationId:Location:",
  ]),
];
