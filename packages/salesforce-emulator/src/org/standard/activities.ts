import type { StandardObjectDef } from "./kit.ts";
import { audit, description, f, idField, isDeleted, lookup, owner, pick } from "./kit.ts";
import { PRIORITY } from "./shared.ts";

const what = (childName: string | null) =>
  lookup(
    "WhatId",
    "Related To ID",
    ["Account", "Opportunity", "Campaign", "Case", "Contract", "Order"],
    "What",
    childName,
    {
      namePointing: true,
    },
  );

const who = (childName: string | null) =>
  lookup("WhoId", "Name ID", ["Contact", "Lead"], "Who", childName, { namePointing: true });

const activityCommon = () => [
  lookup("AccountId", "Account ID", ["Account"], "Account", null, { system: true }),
  f("IsArchived", "boolean", "Archived", { system: true }),
  f("IsRecurrence", "boolean", "Create Recurring Series"),
  f("RecurrenceStartDateOnly", "date", "Recurrence Start"),
  f("RecurrenceEndDateOnly", "date", "Recurrence End"),
  pick("RecurrenceType", "Recurrence Pattern", [
    "RecursDaily",
    "RecursEveryWeekday",
    "RecursMonthly",
    "RecursMonthlyNth",
    "RecursWeekly",
    "RecursYearly",
    "RecursYearlyNth",
  ]),
  f("RecurrenceInterval", "int", "Recurrence Interval"),
  f("RecurrenceDayOfWeekMask", "int", "Recurrence Day of Week Mask"),
  f("RecurrenceDayOfMonth", "int", "Recurrence Day of Month"),
];

/** Activities: tasks and events. */
export const ACTIVITY_OBJECTS: StandardObjectDef[] = [
  {
    name: "Task",
    label: "Task",
    labelPlural: "Tasks",
    keyPrefix: "00T",
    flags: { layoutable: true, mergeable: false, mruEnabled: false },
    fields: () => [
      idField("Activity"),
      who("Tasks"),
      what("Tasks"),
      f("Subject", "combobox", "Subject", {
        nameField: true,
        picklist: ["Call", "Send Letter", "Send Quote", "Other"],
      }),
      f("ActivityDate", "date", "Due Date Only"),
      pick(
        "Status",
        "Status",
        ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"],
        {
          nillable: false,
          defaultedOnCreate: true,
        },
      ),
      pick("Priority", "Priority", PRIORITY, { nillable: false, defaultedOnCreate: true }),
      f("IsHighPriority", "boolean", "High Priority", { system: true }),
      owner(true),
      description("Description"),
      isDeleted(),
      f("IsClosed", "boolean", "Closed", { system: true }),
      ...audit(),
      ...activityCommon(),
      pick("CallType", "Call Type", ["Internal", "Inbound", "Outbound"]),
      f("CallDurationInSeconds", "int", "Call Duration"),
      f("CallObject", "string", "Call Object Identifier", { length: 255 }),
      f("ReminderDateTime", "datetime", "Reminder Date/Time"),
      f("IsReminderSet", "boolean", "Reminder Set"),
      f("CompletedDateTime", "datetime", "Completed Date/Time", { system: true }),
      pick("TaskSubtype", "Task Subtype", [
        "Task",
        "Email",
        "ListEmail",
        "Cadence",
        "Call",
        "LinkedIn",
      ]),
    ],
  },
  {
    name: "Event",
    label: "Event",
    labelPlural: "Events",
    keyPrefix: "00U",
    flags: { mergeable: false, feedEnabled: false },
    fields: () => [
      idField("Activity"),
      who("Events"),
      what("Events"),
      f("Subject", "combobox", "Subject", {
        nameField: true,
        picklist: ["Call", "Email", "Meeting", "Send Letter/Quote", "Other"],
      }),
      f("Location", "string", "Location", { length: 255 }),
      f("IsAllDayEvent", "boolean", "All-Day Event"),
      f("ActivityDateTime", "datetime", "Due Date Time"),
      f("ActivityDate", "date", "Due Date Only"),
      f("DurationInMinutes", "int", "Duration", { digits: 8 }),
      f("StartDateTime", "datetime", "Start Date Time"),
      f("EndDateTime", "datetime", "End Date Time"),
      f("EndDate", "date", "End", { system: true }),
      description(),
      owner(),
      f("IsPrivate", "boolean", "Private"),
      pick("ShowAs", "Show Time As", ["Busy", "OutOfOffice", "Free"], {
        restrictedPicklist: true,
        defaultedOnCreate: true,
      }),
      isDeleted(),
      f("IsChild", "boolean", "Is Child", { system: true }),
      f("IsGroupEvent", "boolean", "Is Group Event", { system: true }),
      pick("GroupEventType", "Group Event Type", ["0", "1", "2", "3"], { system: true }),
      ...audit(),
      ...activityCommon(),
      f("ReminderDateTime", "datetime", "Reminder Date/Time"),
      f("IsReminderSet", "boolean", "Reminder Set"),
      pick("EventSubtype", "Event Subtype", ["Event"], {
        restrictedPicklist: true,
        updateable: false,
      }),
    ],
  },
];
