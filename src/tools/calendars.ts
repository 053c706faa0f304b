// Calendars toolset: groups, calendars and their open hours, free slots, appointments and their
// notes, blocked slots, notifications, rooms and equipment (calendars.json, Version 2021-04-15).
// The shapes are exported for the calendar resources built on these tools (times: calendar-time.ts).
import { z } from "zod";
import {
  callGhl,
  cursorInput,
  defineTool,
  idInput,
  listTool,
  locationIdInput,
  openObject,
  requestTool,
  spreadMore,
  type HttpMapping,
  type ListSpec,
  type ToolDefinition,
} from "./framework.js";
import { offsetPager, wholeListPager, type Pager } from "./paging.js";
import {
  AppointmentOut,
  SuccessOut,
  arrayField,
  field,
  pageOut,
  pick,
  shapeAppointment,
  succeeded,
} from "./shape.js";
import {
  eventWindowQuery,
  freeSlotsQuery,
  openHoursInput,
  parseOpenHours,
  readOpenHours,
  readScheduleRules,
  scheduleRulesInput,
  scheduleZoneInput,
  slotDays,
  timeZoneInput,
  toScheduleRules,
} from "./calendar-time.js";
import { checkRange, dateTimeInput } from "./time.js";

export const CALENDARS_VERSION = "2021-04-15";
const VERSION = CALENDARS_VERSION;
const toolset = "calendars";
const SCOPES = {
  read: ["calendars.readonly"],
  write: ["calendars.write"],
  groupsRead: ["calendars/groups.readonly"],
  groupsWrite: ["calendars/groups.write"],
  eventsRead: ["calendars/events.readonly"],
  eventsWrite: ["calendars/events.write"],
  resourcesRead: ["calendars/resources.readonly"],
  resourcesWrite: ["calendars/resources.write"],
} as const;

const calendarId = idInput("Calendar");
const groupId = idInput("Group");
const appointmentId = idInput("Appointment");
const contactId = idInput("Contact");
const notificationId = idInput("Notification");
const userId = z.string().describe("User");
const text = z.string().refine((value) => value.trim() !== "", "must not be empty");
/** A bound checked by the framework, not advertised, to keep the schema short. */
const atLeast = (min: number) => z.number().refine((n) => n >= min, `must be at least ${min}`);

// ---------------------------------------------------------------------------------------------
// Shapes.

export function shapeGroup(group: unknown) {
  return pick(group, ["id", "name", "description", "slug", "isActive"]);
}

/** A calendar: what it books and when; `full` adds hours and booking settings. */
export function shapeCalendar(calendar: unknown, full = false) {
  const record = (calendar ?? {}) as Record<string, unknown>;
  const shaped = pick(record, [
    "id",
    "name",
    "description",
    "calendarType",
    "groupId",
    "slug",
    "isActive",
    "slotDuration",
    "slotDurationUnit",
    ...(full
      ? [
          "slotInterval",
          "slotIntervalUnit",
          "slotBuffer",
          "preBuffer",
          "appoinmentPerSlot",
          "appoinmentPerDay",
          "allowBookingAfter",
          "allowBookingAfterUnit",
          "allowBookingFor",
          "allowBookingForUnit",
          "eventTitle",
          "autoConfirm",
          "availabilities",
          "widgetSlug",
        ]
      : []),
  ]);
  const members = Array.isArray(record.teamMembers) ? record.teamMembers : [];
  const team = members.map((m: Record<string, unknown>) => m.userId).filter(Boolean);
  if (team.length > 0) shaped.teamMembers = team;
  const hours = readOpenHours(record.openHours);
  if (full && hours.length > 0) shaped.openHours = hours;
  return shaped;
}

export function shapeBlockedSlot(slot: unknown) {
  return pick(slot, ["id", "title", "calendarId", "assignedUserId", "startTime", "endTime"]);
}

function shapeNote(note: unknown) {
  return pick(note, ["id", "body", "userId", "contactId", "dateAdded"]);
}

/** Notifications carry their id as `_id`; the model gets `id` like everywhere else. */
export function shapeNotification(notification: unknown) {
  const record = (notification ?? {}) as Record<string, unknown>;
  return pick({ ...record, id: record._id ?? record.id }, [
    "id",
    "notificationType",
    "channel",
    "receiverType",
    "isActive",
    "deleted",
    "subject",
    "body",
    "templateId",
    "beforeTime",
    "afterTime",
    "additionalEmailIds",
    "additionalPhoneNumbers",
    "selectedUsers",
  ]);
}

export function shapeResource(resource: unknown) {
  const record = (resource ?? {}) as Record<string, unknown>;
  return pick({ ...record, id: record.id ?? record._id }, [
    "id",
    "resourceType",
    "name",
    "description",
    "quantity",
    "outOfService",
    "capacity",
    "calendarIds",
    "isActive",
  ]);
}

const withId = z.looseObject({ id: z.string() });
const GroupOut = withId.extend({ name: z.string().optional(), slug: z.string().optional() });
const CalendarOut = withId.extend({
  name: z.string().optional(),
  calendarType: z.string().optional(),
  teamMembers: z.array(z.string()).optional(),
});
const BlockedSlotOut = withId.extend({
  startTime: z.string().optional(),
  endTime: z.string().optional(),
});
const NoteOut = withId.extend({ body: z.string().optional() });
const NotificationOut = withId.extend({
  notificationType: z.string().optional(),
  channel: z.string().optional(),
});
const ResourceOut = withId.extend({ name: z.string().optional() });
const AppointmentResult = z.object({ appointment: AppointmentOut });

/** Lists GHL returns whole (or as a bare array) are paged for the model. */
function whole(key: string): Pick<ListSpec, "items" | "pager"> {
  return {
    items: (body) => (Array.isArray(body) ? body : arrayField(body, key)),
    pager: wholeListPager,
  };
}

// ---------------------------------------------------------------------------------------------
// Groups.

const listGroups = listTool({
  name: "calendars_list_groups",
  title: "List calendar groups",
  description: "List calendar groups.",
  toolset,
  kind: "read",
  scopes: SCOPES.groupsRead,
  scope: "location",
  operation: "calendars/get-groups",
  input: z.strictObject({ locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("groups", GroupOut),
  http: { method: "GET", path: "/calendars/groups", version: VERSION, query: ["locationId"] },
  list: { ...whole("groups"), defaultLimit: 50, maxLimit: 100 },
  shape: ({ items, nextCursor }) => ({ groups: items.map(shapeGroup), nextCursor }),
});

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const createGroup = requestTool({
  name: "calendars_create_group",
  title: "Create calendar group",
  description: "Create calendar group.",
  toolset,
  kind: "create",
  scopes: SCOPES.groupsWrite,
  scope: "location",
  operation: "calendars/create-calendar-group",
  input: z.strictObject({
    locationId: locationIdInput,
    name: text.describe("Name"),
    slug: z.string().optional().describe("Default from name"),
    more: openObject({
      description: z.string().optional(),
      isActive: z.boolean().optional(),
    }).optional(),
  }),
  output: z.object({ group: GroupOut }),
  http: { method: "POST", path: "/calendars/groups", version: VERSION, body: "rest" },
  prepare: ({ name, more, slug }) => ({
    ...spreadMore({ more }),
    description: more?.description ?? "",
    slug: slug ?? slugOf(name),
  }),
  shape: (body) => ({ group: shapeGroup(field(body, "group")) }),
});

const updateGroup = requestTool({
  name: "calendars_update_group",
  title: "Update calendar group",
  description: "Update calendar group.",
  toolset,
  kind: "update",
  scopes: SCOPES.groupsWrite,
  scope: "record",
  operation: "calendars/edit-group",
  input: z.strictObject({
    groupId,
    name: text.describe("Name"),
    description: z.string().describe("Description"),
    slug: text.describe("URL slug"),
  }),
  output: z.object({ group: GroupOut }),
  http: { method: "PUT", path: "/calendars/groups/{groupId}", version: VERSION, body: "rest" },
  shape: (body) => ({ group: shapeGroup(field(body, "group")) }),
});

const updateGroupStatus = requestTool({
  name: "calendars_update_group_status",
  title: "Enable or disable calendar group",
  description: "Enable/disable calendar group.",
  toolset,
  kind: "update",
  scopes: SCOPES.groupsWrite,
  scope: "record",
  operation: "calendars/disable-group",
  input: z.strictObject({ groupId, isActive: z.boolean().describe("Enabled") }),
  output: SuccessOut,
  http: {
    method: "PUT",
    path: "/calendars/groups/{groupId}/status",
    version: VERSION,
    body: ["isActive"],
  },
  shape: succeeded,
});

const deleteGroup = requestTool({
  name: "calendars_delete_group",
  title: "Delete calendar group",
  description: "Delete group; calendars stay.",
  toolset,
  kind: "remove",
  scopes: SCOPES.groupsWrite,
  scope: "record",
  operation: "calendars/delete-group",
  input: z.strictObject({ groupId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/calendars/groups/{groupId}", version: VERSION },
  shape: succeeded,
});

const validateGroupSlug = requestTool({
  name: "calendars_validate_group_slug",
  title: "Check group slug",
  description: "Check group slug is free.",
  toolset,
  kind: "read",
  scopes: SCOPES.groupsWrite,
  scope: "location",
  operation: "calendars/validate-groups-slug",
  input: z.strictObject({ locationId: locationIdInput, slug: text.describe("URL slug") }),
  output: z.object({ available: z.boolean() }),
  http: {
    method: "POST",
    path: "/calendars/groups/validate-slug",
    version: VERSION,
    body: ["locationId", "slug"],
  },
  shape: (body) => ({ available: field(body, "available") === true }),
});

// ---------------------------------------------------------------------------------------------
// Calendars.

const unit = z.enum(["mins", "hours"]);
const hours = z.strictObject({
  openHour: z.number().int().min(0).max(23),
  openMinute: z.number().int().min(0).max(59),
  closeHour: z.number().int().min(0).max(23),
  closeMinute: z.number().int().min(0).max(59),
});

/**
 * The long tail of CalendarCreateDTO / CalendarUpdateDTO, validated field by field.
 * `slotDuration` (minutes) and `slotInterval` (minutes between starts) get their units in
 * `calendarBody`.
 */
const calendarSettings = {
  slotDuration: atLeast(1).optional(),
  description: z.string().optional(),
  groupId: z.string().optional(),
  slotInterval: atLeast(1).optional(),
  eventTitle: z.string().optional(),
  isActive: z.boolean().optional(),
  slug: z.string().optional(),
  widgetSlug: z.string().optional(),
  widgetType: z.enum(["default", "classic"]).optional(),
  eventType: z
    .enum(["RoundRobin_OptimizeForAvailability", "RoundRobin_OptimizeForEqualDistribution"])
    .optional(),
  eventColor: z.string().optional(),
  locationConfigurations: z
    .array(
      z.strictObject({
        kind: z.enum([
          "custom",
          "zoom_conference",
          "google_conference",
          "inbound_call",
          "outbound_call",
          "physical",
          "booker",
          "ms_teams_conference",
        ]),
        location: z.string().optional(),
      }),
    )
    .optional(),
  slotBuffer: z.number().min(0).optional(),
  preBuffer: z.number().min(0).optional(),
  preBufferUnit: unit.optional(),
  appoinmentPerSlot: z.number().min(1).optional(),
  appoinmentPerDay: z.number().min(0).optional(),
  allowBookingAfter: z.number().min(0).optional(),
  allowBookingAfterUnit: z.enum(["hours", "days", "weeks", "months"]).optional(),
  allowBookingFor: z.number().min(0).optional(),
  allowBookingForUnit: z.enum(["days", "weeks", "months"]).optional(),
  availabilityType: z.union([z.literal(0), z.literal(1)]).optional(),
  availabilities: z
    .array(
      z.strictObject({
        date: z.string(),
        hours: z.array(hours),
        deleted: z.boolean().optional(),
      }),
    )
    .optional(),
  enableRecurring: z.boolean().optional(),
  recurring: z
    .strictObject({
      freq: z.enum(["DAILY", "WEEKLY", "MONTHLY"]).optional(),
      count: z.number().int().min(1).max(24).optional(),
      bookingOption: z.enum(["skip", "continue", "book_next"]).optional(),
      bookingOverlapDefaultStatus: z.enum(["confirmed", "new"]).optional(),
    })
    .optional(),
  formId: z.string().optional(),
  stickyContact: z.boolean().optional(),
  isLivePaymentMode: z.boolean().optional(),
  autoConfirm: z.boolean().optional(),
  shouldSendAlertEmailsToAssignedMember: z.boolean().optional(),
  alertEmail: z.string().optional(),
  googleInvitationEmails: z.boolean().optional(),
  allowReschedule: z.boolean().optional(),
  allowCancellation: z.boolean().optional(),
  shouldAssignContactToTeamMember: z.boolean().optional(),
  shouldSkipAssigningContactForExisting: z.boolean().optional(),
  notes: z.string().optional(),
  pixelId: z.string().optional(),
  formSubmitType: z.enum(["RedirectURL", "ThankYouMessage"]).optional(),
  formSubmitRedirectURL: z.string().optional(),
  formSubmitThanksMessage: z.string().optional(),
  guestType: z.enum(["count_only", "collect_detail"]).optional(),
  consentLabel: z.string().optional(),
  calendarCoverImage: z.string().optional(),
  lookBusyConfig: z
    .strictObject({ enabled: z.boolean(), LookBusyPercentage: z.number().min(0).max(100) })
    .optional(),
};

const SETTINGS_EXAMPLES = ["slotDuration", "groupId"] as const;

/** The fields a person sets on a calendar; create and update share them. */
const calendarFields = {
  name: text.optional().describe("Name"),
  teamMembers: z.array(z.string()).optional().describe("User ids, primary first"),
  openHours: openHoursInput.optional(),
};

const CALENDAR_TYPES = [
  "round_robin",
  "event",
  "class_booking",
  "collective",
  "service_booking",
  "personal",
] as const;

/** Friendly calendar inputs to CalendarCreateDTO / CalendarUpdateDTO fields. */
function calendarBody(args: {
  teamMembers?: string[];
  openHours?: string[];
  more?: { slotDuration?: number; slotInterval?: number };
}) {
  return {
    ...args.more,
    more: undefined,
    teamMembers: args.teamMembers?.map((id, index) => ({ userId: id, isPrimary: index === 0 })),
    ...(args.more?.slotDuration !== undefined && { slotDurationUnit: "mins" }),
    ...(args.more?.slotInterval !== undefined && { slotIntervalUnit: "mins" }),
    openHours: args.openHours?.map((line) => parseOpenHours(line)),
  };
}

const CalendarResult = z.object({ calendar: CalendarOut });
const calendarResult = (body: unknown) => ({
  calendar: shapeCalendar(field(body, "calendar"), true),
});

export const listCalendars = listTool({
  name: "calendars_list",
  title: "List calendars",
  description: "List calendars.",
  toolset,
  kind: "read",
  scopes: SCOPES.read,
  scope: "location",
  operation: "calendars/get-calendars",
  input: z.strictObject({
    locationId: locationIdInput,
    groupId: groupId.optional(),
    showDrafted: z.boolean().optional().describe("Default true"),
    cursor: cursorInput,
  }),
  output: pageOut("calendars", CalendarOut),
  http: {
    method: "GET",
    path: "/calendars/",
    version: VERSION,
    query: ["locationId", "groupId", "showDrafted"],
  },
  list: { ...whole("calendars"), defaultLimit: 50, maxLimit: 100 },
  shape: ({ items, nextCursor }) => ({
    calendars: items.map((c) => shapeCalendar(c)),
    nextCursor,
  }),
});

export const getCalendar = requestTool({
  name: "calendars_get",
  title: "Get calendar",
  description: "Get calendar with settings.",
  toolset,
  kind: "read",
  scopes: SCOPES.read,
  scope: "record",
  operation: "calendars/get-calendar",
  input: z.strictObject({ calendarId }),
  output: CalendarResult,
  http: { method: "GET", path: "/calendars/{calendarId}", version: VERSION },
  shape: calendarResult,
});

const createCalendar = requestTool({
  name: "calendars_create",
  title: "Create calendar",
  description: "Create calendar; books only within openHours.",
  toolset,
  kind: "create",
  scopes: SCOPES.write,
  scope: "location",
  operation: "calendars/create-calendar",
  input: z.strictObject({
    locationId: locationIdInput,
    ...calendarFields,
    name: text.describe("Name"),
    more: openObject(
      {
        calendarType: z.enum(CALENDAR_TYPES).optional(),
        ...calendarSettings,
        slotBufferUnit: unit.optional(),
      },
      ["calendarType", ...SETTINGS_EXAMPLES],
    ).optional(),
  }),
  output: CalendarResult,
  http: { method: "POST", path: "/calendars/", version: VERSION, body: "rest" },
  prepare: calendarBody,
  shape: calendarResult,
  summary: ({ calendar }) => `Created calendar ${calendar.name ?? ""} (${calendar.id}).`,
});

const updateCalendar = requestTool({
  name: "calendars_update",
  title: "Update calendar",
  description: "Update calendar.",
  toolset,
  kind: "update",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/update-calendar",
  input: z.strictObject({
    calendarId,
    ...calendarFields,
    more: openObject(calendarSettings, SETTINGS_EXAMPLES).optional(),
  }),
  output: CalendarResult,
  http: { method: "PUT", path: "/calendars/{calendarId}", version: VERSION, body: "rest" },
  prepare: calendarBody,
  shape: calendarResult,
});

const deleteCalendar = requestTool({
  name: "calendars_delete",
  title: "Delete calendar",
  description: "Delete calendar and its appointments.",
  toolset,
  kind: "remove",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/delete-calendar",
  input: z.strictObject({ calendarId }),
  output: SuccessOut,
  http: { method: "DELETE", path: "/calendars/{calendarId}", version: VERSION },
  shape: succeeded,
});

// ---------------------------------------------------------------------------------------------
// Free slots, events and blocked slots.

const FreeSlotsOut = z.object({
  days: z.array(z.object({ date: z.string(), slots: z.array(z.string()) })),
});

export const getFreeSlots = requestTool({
  name: "calendars_get_free_slots",
  title: "Get free slots",
  description: "Free slots, max 31 days.",
  toolset,
  kind: "read",
  scopes: SCOPES.read,
  scope: "record",
  operation: "calendars/get-slots",
  input: z.strictObject({
    calendarId,
    startDate: dateTimeInput(),
    endDate: dateTimeInput(),
    more: openObject({ timezone: timeZoneInput.optional(), userId: z.string().optional() })
      .describe("timezone, userId")
      .optional(),
  }),
  output: FreeSlotsOut,
  http: {
    method: "GET",
    path: "/calendars/{calendarId}/free-slots",
    version: VERSION,
    query: ["startDate", "endDate", "timezone", "userId"],
  },
  prepare: (args) => ({ ...spreadMore(args), ...freeSlotsQuery(args) }),
  shape: (body) => ({ days: slotDays(body) }),
  summary: ({ days }) => {
    const count = days.reduce((sum, day) => sum + day.slots.length, 0);
    const first = days[0]?.slots[0];
    return count === 0
      ? "No free slots in that window."
      : `${count} free slots on ${days.length} days; first ${first}.`;
  },
});

/** Events and blocked slots take the same window and owner. */
const windowInputs = {
  locationId: locationIdInput,
  calendarId: calendarId.optional(),
  userId: userId.optional(),
  groupId: groupId.optional(),
  startTime: dateTimeInput(),
  endTime: dateTimeInput(),
  cursor: cursorInput,
};
const windowQuery = ["locationId", "calendarId", "userId", "groupId", "startTime", "endTime"];

export const listEvents = listTool({
  name: "calendars_list_events",
  title: "List appointments",
  description: "List appointments.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "location",
  operation: "calendars/get-calendar-events",
  input: z.strictObject(windowInputs),
  output: pageOut("events", AppointmentOut),
  http: { method: "GET", path: "/calendars/events", version: VERSION, query: windowQuery },
  prepare: eventWindowQuery,
  list: { ...whole("events"), defaultLimit: 50, maxLimit: 100 },
  shape: ({ items, nextCursor }) => ({ events: items.map(shapeAppointment), nextCursor }),
});

export const listBlockedSlots = listTool({
  name: "calendars_list_blocked_slots",
  title: "List blocked slots",
  description: "List blocked slots.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "location",
  operation: "calendars/get-blocked-slots",
  input: z.strictObject(windowInputs),
  output: pageOut("blockedSlots", BlockedSlotOut),
  http: { method: "GET", path: "/calendars/blocked-slots", version: VERSION, query: windowQuery },
  prepare: eventWindowQuery,
  list: { ...whole("events"), defaultLimit: 50, maxLimit: 100 },
  shape: ({ items, nextCursor }) => ({ blockedSlots: items.map(shapeBlockedSlot), nextCursor }),
});

const blockFields = {
  title: z.string().optional().describe("Title"),
  startTime: dateTimeInput(),
  endTime: dateTimeInput(),
};

const createBlockSlot = requestTool({
  name: "calendars_create_block_slot",
  title: "Block time",
  description: "Block calendar time.",
  toolset,
  kind: "create",
  scopes: SCOPES.eventsWrite,
  scope: "location",
  operation: "calendars/create-block-slot",
  input: z.strictObject({ locationId: locationIdInput, calendarId, ...blockFields }),
  output: z.object({ blockedSlot: BlockedSlotOut }),
  http: { method: "POST", path: "/calendars/events/block-slots", version: VERSION, body: "rest" },
  prepare: ({ startTime, endTime }) => {
    checkRange({ name: "startTime", value: startTime }, { name: "endTime", value: endTime });
    return {};
  },
  shape: (body) => ({ blockedSlot: shapeBlockedSlot(body) }),
});

const updateBlockSlot = requestTool({
  name: "calendars_update_block_slot",
  title: "Update blocked time",
  description: "Update blocked slot.",
  toolset,
  kind: "update",
  scopes: SCOPES.eventsWrite,
  scope: "location",
  operation: "calendars/edit-block-slot",
  input: z.strictObject({
    blockedSlotId: idInput("Blocked slot"),
    locationId: locationIdInput,
    calendarId,
    title: blockFields.title,
    startTime: blockFields.startTime.optional(),
    endTime: blockFields.endTime.optional(),
  }),
  output: z.object({ blockedSlot: BlockedSlotOut }),
  http: {
    method: "PUT",
    path: "/calendars/events/block-slots/{eventId}",
    version: VERSION,
    body: "rest",
    rename: { blockedSlotId: "eventId" },
  },
  prepare: ({ startTime, endTime }) => {
    if (startTime && endTime) {
      checkRange({ name: "startTime", value: startTime }, { name: "endTime", value: endTime });
    }
    return {};
  },
  shape: (body) => ({ blockedSlot: shapeBlockedSlot(body) }),
});

// ---------------------------------------------------------------------------------------------
// Appointments.

const APPOINTMENT_STATUSES = [
  "new",
  "confirmed",
  "cancelled",
  "showed",
  "noshow",
  "invalid",
] as const;

/** Rarely set appointment fields; `address` is a place or a meeting link. */
const appointmentExtras = {
  address: z.string().optional(),
  ignoreFreeSlotValidation: z.boolean().optional(),
  description: z.string().optional(),
  meetingLocationType: z
    .enum(["custom", "zoom", "gmeet", "phone", "address", "ms_teams", "google"])
    .optional(),
  meetingLocationId: z.string().optional(),
  overrideLocationConfig: z.boolean().optional(),
  ignoreDateRange: z.boolean().optional(),
  toNotify: z.boolean().optional(),
  rrule: z.string().optional(),
};
const appointmentStatus = z.enum(APPOINTMENT_STATUSES);

function appointmentBody(args: { startTime?: string; endTime?: string; more?: object }) {
  if (args.startTime && args.endTime) {
    checkRange(
      { name: "startTime", value: args.startTime },
      { name: "endTime", value: args.endTime },
    );
  }
  return { ...args.more, more: undefined };
}

const appointmentResult = (body: unknown) => ({ appointment: shapeAppointment(body) });

export const getAppointment = requestTool({
  name: "calendars_get_appointment",
  title: "Get appointment",
  description: "Get appointment.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "record",
  operation: "calendars/get-appointment",
  input: z.strictObject({ appointmentId }),
  output: AppointmentResult,
  http: {
    method: "GET",
    path: "/calendars/events/appointments/{eventId}",
    version: VERSION,
    rename: { appointmentId: "eventId" },
  },
  shape: (body) => appointmentResult(field(body, "event")),
});

const createAppointment = requestTool({
  name: "calendars_create_appointment",
  title: "Book appointment",
  description: "Book contact into a free slot.",
  toolset,
  kind: "create",
  scopes: SCOPES.eventsWrite,
  scope: "location",
  operation: "calendars/create-appointment",
  input: z.strictObject({
    locationId: locationIdInput,
    calendarId,
    contactId,
    startTime: dateTimeInput(),
    endTime: dateTimeInput("ISO+offset; default one slot later").optional(),
    assignedUserId: userId.optional(),
    more: openObject(
      {
        title: z.string().optional(),
        appointmentStatus: appointmentStatus.optional(),
        ...appointmentExtras,
      },
      ["title", "appointmentStatus"],
    ).optional(),
  }),
  output: AppointmentResult,
  http: {
    method: "POST",
    path: "/calendars/events/appointments",
    version: VERSION,
    body: "rest",
  },
  prepare: appointmentBody,
  shape: appointmentResult,
  summary: ({ appointment }) =>
    `Booked "${appointment.title ?? ""}" at ${appointment.startTime ?? "?"} (${appointment.id}).`,
});

const updateAppointment = requestTool({
  name: "calendars_update_appointment",
  title: "Update appointment",
  description: "Reschedule, reassign or cancel appointment.",
  toolset,
  kind: "update",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/edit-appointment",
  input: z.strictObject({
    appointmentId,
    startTime: dateTimeInput().optional(),
    endTime: dateTimeInput().optional(),
    appointmentStatus: appointmentStatus.optional().describe("Status"),
    assignedUserId: userId.optional(),
    more: openObject(
      { calendarId: z.string().optional(), title: z.string().optional(), ...appointmentExtras },
      ["calendarId", "title"],
    ).optional(),
  }),
  output: AppointmentResult,
  http: {
    method: "PUT",
    path: "/calendars/events/appointments/{eventId}",
    version: VERSION,
    body: "rest",
    rename: { appointmentId: "eventId" },
  },
  prepare: appointmentBody,
  shape: appointmentResult,
});

const deleteEvent = requestTool({
  name: "calendars_delete_event",
  title: "Delete appointment or blocked slot",
  description: "Delete appointment or blocked slot.",
  toolset,
  kind: "remove",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/delete-event",
  input: z.strictObject({
    eventId: idInput("Appointment or blocked slot"),
  }),
  output: SuccessOut,
  http: {
    method: "DELETE",
    path: "/calendars/events/{eventId}",
    version: VERSION,
    emptyBody: true,
  },
  shape: succeeded,
});

// ---------------------------------------------------------------------------------------------
// Appointment notes.

/** Appointment notes page by offset and say themselves whether more follow (`hasMore`). */
const notesPager: Pager = {
  apply(request, state, limit) {
    request.query = { ...request.query, offset: Number(state?.offset ?? 0), limit };
  },
  next(body, items, state) {
    return field(body, "hasMore") === true
      ? { offset: Number(state?.offset ?? 0) + items.length }
      : undefined;
  },
};

const noteId = idInput("Note");
const noteText = z
  .string()
  .refine((value) => value.trim() !== "" && value.length <= 5000, "must be 1 to 5000 characters")
  .describe("Text");
const NoteResult = z.object({ note: NoteOut });
const noteResult = (body: unknown) => ({ note: shapeNote(field(body, "note")) });
const notePath = "/calendars/appointments/{appointmentId}/notes/{noteId}";

const listAppointmentNotes = listTool({
  name: "calendars_list_appointment_notes",
  title: "List appointment notes",
  description: "List appointment notes.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "record",
  operation: "calendars/get-appointment-notes",
  input: z.strictObject({ appointmentId, cursor: cursorInput }),
  output: pageOut("notes", NoteOut),
  http: { method: "GET", path: "/calendars/appointments/{appointmentId}/notes", version: VERSION },
  list: {
    items: (body) => arrayField(body, "notes"),
    pager: notesPager,
    defaultLimit: 20,
    maxLimit: 20,
  },
  shape: ({ items, nextCursor }) => ({ notes: items.map(shapeNote), nextCursor }),
});

const createAppointmentNote = requestTool({
  name: "calendars_create_appointment_note",
  title: "Add appointment note",
  description: "Add appointment note.",
  toolset,
  kind: "create",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/create-appointment-note",
  input: z.strictObject({
    appointmentId,
    body: noteText,
    userId: userId.optional().describe("Author"),
  }),
  output: NoteResult,
  http: {
    method: "POST",
    path: "/calendars/appointments/{appointmentId}/notes",
    version: VERSION,
    body: ["body", "userId"],
  },
  shape: noteResult,
});

const updateAppointmentNote = requestTool({
  name: "calendars_update_appointment_note",
  title: "Update appointment note",
  description: "Edit appointment note.",
  toolset,
  kind: "update",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/update-appointment-note",
  input: z.strictObject({
    appointmentId,
    noteId,
    body: noteText,
    userId: userId.optional().describe("Author"),
  }),
  output: NoteResult,
  http: { method: "PUT", path: notePath, version: VERSION, body: ["body", "userId"] },
  shape: noteResult,
});

const deleteAppointmentNote = requestTool({
  name: "calendars_delete_appointment_note",
  title: "Delete appointment note",
  description: "Delete appointment note.",
  toolset,
  kind: "remove",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/delete-appointment-note",
  input: z.strictObject({ appointmentId, noteId }),
  output: SuccessOut,
  http: { method: "DELETE", path: notePath, version: VERSION },
  shape: succeeded,
});

// ---------------------------------------------------------------------------------------------
// Notifications.

const NOTIFICATION_TYPES = [
  "booked",
  "confirmation",
  "cancellation",
  "reminder",
  "followup",
  "reschedule",
] as const;
const RECEIVERS = [
  "contact",
  "guest",
  "assignedUser",
  "emails",
  "phoneNumbers",
  "business",
] as const;
const CHANNELS = ["email", "inApp", "sms", "whatsapp"] as const;

const offsets = z.array(z.strictObject({ timeOffset: z.number(), unit: z.string() }));

/** Rarely set notification fields, shared by create and update. */
const notificationExtras = {
  templateId: z.string().optional(),
  additionalEmailIds: z.array(z.email()).optional(),
  additionalPhoneNumbers: z.array(z.string()).optional(),
  selectedUsers: z.array(z.string()).optional(),
  fromAddress: z.string().optional(),
  fromName: z.string().optional(),
  fromNumber: z.string().optional(),
};

const notificationFields = {
  notificationType: z.enum(NOTIFICATION_TYPES).describe("Trigger"),
  channel: z.enum(CHANNELS).describe("Channel"),
  receiverType: z.enum(RECEIVERS).describe("Recipient"),
  body: z.string().optional().describe("Message"),
  timeOffset: atLeast(0).optional().describe("For reminder/followup"),
  more: openObject(
    {
      unit: z.string().optional(),
      subject: z.string().optional(),
      isActive: z.boolean().optional(),
      ...notificationExtras,
    },
    ["unit", "subject"],
  ).optional(),
};

type NotificationInput = {
  notificationType?: string;
  timeOffset?: number;
  more?: { unit?: string };
};

/**
 * A reminder's offset (in `more.unit`, hours by default) goes to `beforeTime`, any other's to
 * `afterTime`; the rarely used fields join the body at the top level.
 */
function notificationBody({ timeOffset, more, ...fields }: NotificationInput) {
  const { unit: offsetUnit = "hours", ...rest } = more ?? {};
  const timing = timeOffset === undefined ? undefined : [{ timeOffset, unit: offsetUnit }];
  const reminder = fields.notificationType === "reminder";
  return {
    ...rest,
    ...fields,
    more: undefined,
    timeOffset: undefined,
    beforeTime: reminder ? timing : undefined,
    afterTime: reminder ? undefined : timing,
  };
}

const notificationPath = "/calendars/{calendarId}/notifications/{notificationId}";
const NotificationResult = z.object({ notification: NotificationOut });
const notificationMessage = (body: unknown) => ({ message: String(field(body, "message") ?? "") });

const listNotifications = listTool({
  name: "calendars_list_notifications",
  title: "List calendar notifications",
  description: "List calendar notifications.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "record",
  operation: "calendars/get-event-notification",
  input: z.strictObject({
    calendarId,
    isActive: z.boolean().optional().describe("Active"),
    deleted: z.boolean().optional().describe("Only deleted"),
    cursor: cursorInput,
  }),
  output: pageOut("notifications", NotificationOut),
  http: {
    method: "GET",
    path: "/calendars/{calendarId}/notifications",
    version: VERSION,
    query: ["isActive", "deleted"],
  },
  list: {
    items: (body) => (Array.isArray(body) ? body : []),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit" }),
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({
    notifications: items.map(shapeNotification),
    nextCursor,
  }),
});

const getNotification = requestTool({
  name: "calendars_get_notification",
  title: "Get calendar notification",
  description: "Get calendar notification.",
  toolset,
  kind: "read",
  scopes: SCOPES.eventsRead,
  scope: "record",
  operation: "calendars/find-event-notification",
  input: z.strictObject({ calendarId, notificationId }),
  output: NotificationResult,
  http: { method: "GET", path: notificationPath, version: VERSION },
  shape: (body) => ({ notification: shapeNotification(body) }),
});

const createNotificationHttp: HttpMapping = {
  method: "POST",
  path: "/calendars/{calendarId}/notifications",
  version: VERSION,
};

/** GHL takes a JSON array of notifications as the body; this tool sends one. */
const createNotification = defineTool({
  name: "calendars_create_notification",
  title: "Create calendar notification",
  description: "Add notification or reminder.",
  toolset,
  kind: "create",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/create-event-notification",
  http: createNotificationHttp,
  input: z.strictObject({ calendarId, ...notificationFields }),
  output: NotificationResult,
  async run({ calendarId: id, ...notification }, ctx) {
    const { locationId: _location, companyId: _company, ...fields } = notification;
    const body = await callGhl(
      createNotification,
      createNotificationHttp,
      { calendarId: id },
      ctx,
      (request) => {
        request.body = [notificationBody(fields)];
      },
    );
    return { notification: shapeNotification(Array.isArray(body) ? body[0] : undefined) };
  },
  summary: ({ notification }) => `Created notification ${notification.id ?? ""}.`,
});

const updateNotification = requestTool({
  name: "calendars_update_notification",
  title: "Update calendar notification",
  description: "Update calendar notification.",
  toolset,
  kind: "update",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/update-event-notification",
  input: z.strictObject({
    calendarId,
    notificationId,
    more: openObject({
      isActive: z.boolean().optional(),
      subject: z.string().optional(),
      body: z.string().optional(),
      notificationType: z.enum(NOTIFICATION_TYPES).optional(),
      channel: z.enum(CHANNELS).optional(),
      receiverType: z.enum(RECEIVERS).optional(),
      beforeTime: offsets.optional(),
      afterTime: offsets.optional(),
      deleted: z.boolean().optional(),
      ...notificationExtras,
    })
      .describe("subject, body, isActive, …")
      .optional(),
  }),
  output: z.object({ message: z.string() }),
  http: { method: "PUT", path: notificationPath, version: VERSION, body: "rest" },
  prepare: spreadMore,
  shape: notificationMessage,
});

const deleteNotification = requestTool({
  name: "calendars_delete_notification",
  title: "Delete calendar notification",
  description: "Delete calendar notification.",
  toolset,
  kind: "remove",
  scopes: SCOPES.eventsWrite,
  scope: "record",
  operation: "calendars/delete-event-notification",
  input: z.strictObject({ calendarId, notificationId }),
  output: z.object({ message: z.string() }),
  http: { method: "DELETE", path: notificationPath, version: VERSION },
  shape: notificationMessage,
});

// ---------------------------------------------------------------------------------------------
// Rooms and equipment.

const resourceType = z.enum(["rooms", "equipments"]).describe("Kind");
const resourceId = idInput("Resource");
const resourcePath = "/calendars/resources/{resourceType}/{id}";
const ResourceResult = z.object({ resource: ResourceOut });
const resourceResult = (body: unknown) => ({ resource: shapeResource(body) });

/**
 * `quantity`: how many of the equipment; `capacity`: people a room holds; `outOfService`: how
 * many of the quantity are broken; `calendarIds`: its service calendars.
 */
const resourceExtras = {
  quantity: atLeast(0).optional(),
  capacity: atLeast(0).optional(),
  description: z.string().optional(),
  outOfService: atLeast(0).optional(),
  calendarIds: z.array(z.string()).optional(),
};

const listResources = listTool({
  name: "calendars_list_resources",
  title: "List rooms or equipment",
  description: "List rooms or equipment.",
  toolset,
  kind: "read",
  scopes: SCOPES.resourcesRead,
  scope: "location",
  operation: "calendars/fetch-calendar-resources",
  input: z.strictObject({ resourceType, locationId: locationIdInput, cursor: cursorInput }),
  output: pageOut("resources", ResourceOut),
  http: {
    method: "GET",
    path: "/calendars/resources/{resourceType}",
    version: VERSION,
    query: ["locationId"],
  },
  list: {
    items: (body) => (Array.isArray(body) ? body : []),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit" }),
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ resources: items.map(shapeResource), nextCursor }),
});

const getResource = requestTool({
  name: "calendars_get_resource",
  title: "Get room or equipment",
  description: "Get room or equipment.",
  toolset,
  kind: "read",
  scopes: SCOPES.resourcesRead,
  scope: "record",
  operation: "calendars/get-calendar-resource",
  input: z.strictObject({ resourceType, resourceId }),
  output: ResourceResult,
  http: { method: "GET", path: resourcePath, version: VERSION, rename: { resourceId: "id" } },
  shape: resourceResult,
});

const createResource = requestTool({
  name: "calendars_create_resource",
  title: "Create room or equipment",
  description: "Create room or equipment.",
  toolset,
  kind: "create",
  scopes: SCOPES.resourcesWrite,
  scope: "location",
  operation: "calendars/create-calendar-resource",
  input: z.strictObject({
    resourceType,
    locationId: locationIdInput,
    name: text.describe("Name"),
    more: openObject(resourceExtras, ["quantity", "capacity"]).optional(),
  }),
  output: ResourceResult,
  http: {
    method: "POST",
    path: "/calendars/resources/{resourceType}",
    version: VERSION,
    body: "rest",
  },
  prepare: ({ more }) => ({
    ...more,
    more: undefined,
    description: more?.description ?? "",
    quantity: more?.quantity ?? 1,
    outOfService: more?.outOfService ?? 0,
    capacity: more?.capacity ?? 1,
    calendarIds: more?.calendarIds ?? [],
  }),
  shape: resourceResult,
});

const updateResource = requestTool({
  name: "calendars_update_resource",
  title: "Update room or equipment",
  description: "Update room or equipment.",
  toolset,
  kind: "update",
  scopes: SCOPES.resourcesWrite,
  scope: "record",
  operation: "calendars/update-calendar-resource",
  input: z.strictObject({
    resourceType,
    resourceId,
    name: text.optional().describe("Name"),
    more: openObject({ ...resourceExtras, isActive: z.boolean().optional() }, [
      "quantity",
      "capacity",
    ]).optional(),
  }),
  output: ResourceResult,
  http: {
    method: "PUT",
    path: resourcePath,
    version: VERSION,
    body: "rest",
    rename: { resourceId: "id" },
  },
  prepare: spreadMore,
  shape: resourceResult,
});

const deleteResource = requestTool({
  name: "calendars_delete_resource",
  title: "Delete room or equipment",
  description: "Delete room or equipment.",
  toolset,
  kind: "remove",
  scopes: SCOPES.resourcesWrite,
  scope: "record",
  operation: "calendars/delete-calendar-resource",
  input: z.strictObject({ resourceType, resourceId }),
  output: SuccessOut,
  http: { method: "DELETE", path: resourcePath, version: VERSION, rename: { resourceId: "id" } },
  shape: succeeded,
});

// ---------------------------------------------------------------------------------------------
// Users' availability schedules.

const scheduleId = idInput("Schedule");
export function shapeSchedule(schedule: unknown) {
  const shaped = pick(schedule, ["id", "name", "userId", "timezone", "calendarIds"]);
  const rules = readScheduleRules(field(schedule, "rules"));
  return rules.length > 0 ? { ...shaped, rules } : shaped;
}

const ScheduleOut = withId.extend({
  name: z.string().optional(),
  rules: z.array(z.string()).optional(),
});
const ScheduleResult = z.object({ schedule: ScheduleOut });
const scheduleResult = (body: unknown) => ({ schedule: shapeSchedule(field(body, "schedule")) });
const schedulePath = "/calendars/schedules/{id}";
const associationPath = "/calendars/schedules/{id}/associations/{calendarId}";
const rulesBody = ({ rules }: { rules?: string[] }) => ({ rules: rules && toScheduleRules(rules) });

const listSchedules = listTool({
  name: "calendars_list_schedules",
  title: "List availability schedules",
  description: "List user availability schedules.",
  toolset,
  kind: "read",
  scopes: SCOPES.read,
  scope: "location",
  operation: "calendars/getAllSchedules",
  input: z.strictObject({
    locationId: locationIdInput,
    userId,
    calendarId: calendarId.optional(),
    cursor: cursorInput,
  }),
  output: pageOut("schedules", ScheduleOut),
  http: {
    method: "GET",
    path: "/calendars/schedules/search",
    version: VERSION,
    query: ["locationId", "userId", "calendarId"],
  },
  list: {
    items: (body) => arrayField(body, "schedules"),
    pager: offsetPager({ place: "query", offset: "skip", limit: "limit" }),
    defaultLimit: 50,
    maxLimit: 100,
  },
  shape: ({ items, nextCursor }) => ({ schedules: items.map(shapeSchedule), nextCursor }),
});

const getSchedule = requestTool({
  name: "calendars_get_schedule",
  title: "Get availability schedule",
  description: "Get availability schedule.",
  toolset,
  kind: "read",
  scopes: SCOPES.read,
  scope: "record",
  operation: "calendars/getScheduleById",
  input: z.strictObject({ scheduleId }),
  output: ScheduleResult,
  http: { method: "GET", path: schedulePath, version: VERSION, rename: { scheduleId: "id" } },
  shape: scheduleResult,
});

const createSchedule = requestTool({
  name: "calendars_create_schedule",
  title: "Create availability schedule",
  description: "Create user availability schedule.",
  toolset,
  kind: "create",
  scopes: SCOPES.write,
  scope: "location",
  operation: "calendars/createSchedule",
  input: z.strictObject({
    locationId: locationIdInput,
    userId,
    name: text.describe("Name"),
    timezone: scheduleZoneInput,
    rules: scheduleRulesInput,
    calendarIds: z.array(z.string()).optional().describe("Calendar ids"),
  }),
  output: ScheduleResult,
  http: { method: "POST", path: "/calendars/schedules", version: VERSION, body: "rest" },
  prepare: rulesBody,
  shape: scheduleResult,
});

const updateSchedule = requestTool({
  name: "calendars_update_schedule",
  title: "Update availability schedule",
  description: "Update schedule; rules replace all.",
  toolset,
  kind: "update",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/updateSchedule",
  input: z.strictObject({
    scheduleId,
    name: text.optional().describe("Name"),
    timezone: scheduleZoneInput.optional(),
    rules: scheduleRulesInput.optional(),
  }),
  output: ScheduleResult,
  http: {
    method: "PUT",
    path: schedulePath,
    version: VERSION,
    body: "rest",
    rename: { scheduleId: "id" },
  },
  prepare: rulesBody,
  shape: scheduleResult,
});

const deleteSchedule = requestTool({
  name: "calendars_delete_schedule",
  title: "Delete availability schedule",
  description: "Delete availability schedule.",
  toolset,
  kind: "remove",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/deleteSchedule",
  input: z.strictObject({ scheduleId }),
  output: SuccessOut,
  http: { method: "DELETE", path: schedulePath, version: VERSION, rename: { scheduleId: "id" } },
  shape: succeeded,
});

const applySchedule = requestTool({
  name: "calendars_apply_schedule",
  title: "Apply schedule to calendar",
  description: "Make calendar follow schedule.",
  toolset,
  kind: "add",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/add-calendar-to-schedule",
  input: z.strictObject({ scheduleId, calendarId }),
  output: SuccessOut,
  http: { method: "PUT", path: associationPath, version: VERSION, rename: { scheduleId: "id" } },
  shape: succeeded,
});

const removeScheduleFromCalendar = requestTool({
  name: "calendars_remove_schedule_from_calendar",
  title: "Remove schedule from calendar",
  description: "Stop calendar following schedule.",
  toolset,
  kind: "remove",
  scopes: SCOPES.write,
  scope: "record",
  operation: "calendars/remove-calendar-from-schedule",
  input: z.strictObject({ scheduleId, calendarId }),
  output: SuccessOut,
  http: { method: "DELETE", path: associationPath, version: VERSION, rename: { scheduleId: "id" } },
  shape: succeeded,
});

export const calendarTools: ToolDefinition[] = [
  listCalendars,
  getCalendar,
  createCalendar,
  updateCalendar,
  deleteCalendar,
  getFreeSlots,
  listEvents,
  getAppointment,
  createAppointment,
  updateAppointment,
  deleteEvent,
  listBlockedSlots,
  createBlockSlot,
  updateBlockSlot,
  listAppointmentNotes,
  createAppointmentNote,
  updateAppointmentNote,
  deleteAppointmentNote,
  listGroups,
  createGroup,
  updateGroup,
  updateGroupStatus,
  deleteGroup,
  validateGroupSlug,
  listNotifications,
  getNotification,
  createNotification,
  updateNotification,
  deleteNotification,
  listResources,
  getResource,
  createResource,
  updateResource,
  deleteResource,
  listSchedules,
  getSchedule,
  createSchedule,
  updateSchedule,
  deleteSchedule,
  applySchedule,
  removeScheduleFromCalendar,
] as ToolDefinition[];
