// Every operation of spec/apps/calendars.json against the store: groups, calendars and their open
// hours, free slots, appointments (flat on create, `{event}` on get), blocked slots, appointment
// notes, notifications (soft-deleted), rooms and equipment, and users' availability schedules.
// Each status is the spec's declared one.
import { SandboxError, badRequest, contactNotFound, iamError, unprocessable } from "../errors.js";
import { calendarTimeZone, durationMs, freeSlots, freeUsers } from "../free-slots.js";
import type {
  AppointmentNoteRecord,
  AppointmentRecord,
  AppointmentStatus,
  BlockedSlotRecord,
  CalendarGroupRecord,
  CalendarNotificationRecord,
  CalendarRecord,
  CalendarResourceRecord,
  ContactRecord,
  SandboxStore,
  ScheduleRecord,
} from "../store.js";
import { isoUtc, isoWithOffset } from "../time.js";
import type { AuthContext, HandlerContext, HandlerResult, HandlerSet } from "./registry.js";

type Body = Record<string, unknown>;

const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });

/** The documented limit on a free-slots window. */
const MAX_SLOT_RANGE_MS = 31 * 24 * 60 * 60 * 1000;

/** Inferred wording for an unknown record, by analogy with the observed unknown-contact refusal. */
function notFound(thing: string, id: unknown): SandboxError {
  return badRequest(`${thing} with id ${String(id)} not found`);
}

export const calendarHandlers: HandlerSet = {
  "calendars/get-groups": ({ query, store }) =>
    ok({ groups: groupsOf(store, String(query.locationId)).map(groupView) }),

  "calendars/create-calendar-group": ({ body, store }) => {
    const locationId = String(body.locationId);
    refuseTakenGroupSlug(store, locationId, String(body.slug));
    const group = store.insert(store.calendarGroups, {
      locationId,
      name: String(body.name),
      description: String(body.description),
      slug: String(body.slug),
      isActive: body.isActive !== false,
    });
    return ok({ group: groupView(group) }, 201);
  },

  "calendars/validate-groups-slug": ({ body, store }) => {
    const taken = groupsOf(store, String(body.locationId)).some((g) => g.slug === body.slug);
    return ok({ available: !taken });
  },

  "calendars/edit-group": ({ params, body, store }) => {
    const group = groupOf(store, params.groupId);
    refuseTakenGroupSlug(store, group.locationId, String(body.slug), group.id);
    Object.assign(group, {
      name: String(body.name),
      description: String(body.description),
      slug: String(body.slug),
    });
    return ok({ group: groupView(group) });
  },

  "calendars/disable-group": ({ params, body, store }) => {
    groupOf(store, params.groupId).isActive = body.isActive === true;
    return ok({ success: true });
  },

  /** Inferred: the group's calendars stay, ungrouped, rather than vanishing with it. */
  "calendars/delete-group": ({ params, store }) => {
    const group = groupOf(store, params.groupId);
    store.calendarGroups.delete(group.id);
    for (const calendar of store.calendars.values()) {
      if (calendar.groupId === group.id) delete calendar.groupId;
    }
    return ok({ success: true });
  },

  "calendars/get-calendars": ({ query, store }) => {
    const calendars = [...store.calendars.values()].filter(
      (c) =>
        c.locationId === query.locationId &&
        (query.groupId === undefined || c.groupId === query.groupId) &&
        (query.showDrafted !== false || c.isActive),
    );
    return ok({ calendars: calendars.map(calendarView) });
  },

  "calendars/get-calendar": ({ params, store }) =>
    ok({ calendar: calendarView(calendarOf(store, params.calendarId)) }),

  "calendars/create-calendar": ({ body, store }) => {
    const locationId = String(body.locationId);
    const draft = {
      locationId,
      name: String(body.name),
      description: "",
      slug: uniqueSlug(store, locationId, String(body.name)),
      calendarType: "event",
      teamMembers: [],
      slotDuration: 30,
      slotDurationUnit: "mins",
      slotInterval: 30,
      slotIntervalUnit: "mins",
      appoinmentPerSlot: 1,
      openHours: [],
      availabilities: [],
      eventTitle: "{{contact.name}}",
      eventColor: "#039be5",
      isActive: true,
      settings: {
        eventType: "RoundRobin_OptimizeForAvailability",
        widgetType: "classic",
        autoConfirm: true,
        allowReschedule: true,
        allowCancellation: true,
      },
    } as Omit<CalendarRecord, "id"> as CalendarRecord;
    applyCalendarFields(store, draft, body);
    return ok({ calendar: calendarView(store.insert(store.calendars, draft)) });
  },

  /** Checked on a copy, so a refused update leaves the calendar as it was. */
  "calendars/update-calendar": ({ params, body, store }) => {
    const draft = structuredClone(calendarOf(store, params.calendarId));
    applyCalendarFields(store, draft, body);
    store.calendars.set(draft.id, draft);
    return ok({ calendar: calendarView(draft) });
  },

  "calendars/delete-calendar": ({ params, store }) => {
    const calendar = calendarOf(store, params.calendarId);
    store.calendars.delete(calendar.id);
    for (const appointment of store.appointments.values()) {
      if (appointment.calendarId === calendar.id) deleteAppointment(store, appointment.id);
    }
    for (const [id, block] of store.blockedSlots) {
      if (block.calendarId === calendar.id) store.blockedSlots.delete(id);
    }
    for (const [id, notification] of store.calendarNotifications) {
      if (notification.calendarId === calendar.id) store.calendarNotifications.delete(id);
    }
    for (const holder of [...store.calendarResources.values(), ...store.schedules.values()]) {
      holder.calendarIds = holder.calendarIds.filter((id) => id !== calendar.id);
    }
    return ok({ success: true });
  },

  "calendars/get-slots": (context) => getFreeSlots(context),

  "calendars/get-calendar-events": ({ query, store }) => {
    const window = eventWindow(query);
    const calendarIds = calendarsInGroup(store, query.groupId);
    const events = [...store.appointments.values()]
      .filter((a) => a.locationId === query.locationId && within(a, window))
      .filter(
        (a) =>
          (query.calendarId === undefined || a.calendarId === query.calendarId) &&
          (query.groupId === undefined || calendarIds.has(a.calendarId)) &&
          (query.userId === undefined ||
            a.assignedUserId === query.userId ||
            a.users.includes(String(query.userId))),
      )
      .sort(byStart);
    return ok({ events: events.map(eventView) });
  },

  "calendars/get-blocked-slots": ({ query, store }) => {
    const window = eventWindow(query);
    const calendarIds = calendarsInGroup(store, query.groupId);
    const slots = [...store.blockedSlots.values()]
      .filter((b) => b.locationId === query.locationId && within(b, window))
      .filter(
        (b) =>
          (query.calendarId === undefined || b.calendarId === query.calendarId) &&
          (query.groupId === undefined || calendarIds.has(b.calendarId ?? "")) &&
          (query.userId === undefined || b.assignedUserId === query.userId),
      )
      .sort(byStart);
    return ok({ events: slots.map(blockedSlotView) });
  },

  "calendars/get-appointment": ({ params, store }) =>
    ok({ event: eventView(appointmentOf(store, params.eventId)) }),

  "calendars/create-appointment": ({ body, store, now }) => {
    const calendar = calendarIn(store, String(body.calendarId), String(body.locationId));
    const contact = contactIn(store, String(body.contactId), calendar.locationId);
    const zone = calendarTimeZone(store, calendar);
    const { start, end } = appointmentTimes(body, calendar);
    const assignedUserId = assignee(store, calendar, start, body, now());

    const stamp = isoUtc(now());
    const appointment = store.insert(store.appointments, {
      locationId: calendar.locationId,
      calendarId: calendar.id,
      contactId: contact.id,
      groupId: calendar.groupId,
      title: typeof body.title === "string" ? body.title : eventTitle(calendar, contact),
      appointmentStatus:
        (body.appointmentStatus as AppointmentStatus | undefined) ??
        (calendar.settings.autoConfirm === false ? "new" : "confirmed"),
      assignedUserId,
      users: assignedUserId ? [assignedUserId] : [],
      startTime: isoWithOffset(start, zone),
      endTime: isoWithOffset(end, zone),
      dateAdded: stamp,
      dateUpdated: stamp,
    });
    applyAppointmentDetails(appointment, body);
    return ok(appointmentView(appointment));
  },

  "calendars/edit-appointment": ({ params, body, store, now }) => {
    const appointment = appointmentOf(store, params.eventId);
    const calendar =
      body.calendarId === undefined
        ? calendarOf(store, appointment.calendarId)
        : calendarIn(store, String(body.calendarId), appointment.locationId);
    const zone = calendarTimeZone(store, calendar);
    const [oldStart, oldEnd] = [appointment.startTime, appointment.endTime].map(Date.parse);
    const start = body.startTime === undefined ? oldStart! : parseTime(body.startTime, "startTime");
    const end =
      body.endTime === undefined ? start + oldEnd! - oldStart! : parseTime(body.endTime, "endTime");
    if (end <= start) throw unprocessable(["endTime must be after startTime"]);

    let assignedUserId = appointment.assignedUserId;
    const moved = start !== oldStart || calendar.id !== appointment.calendarId;
    if (moved || body.assignedUserId !== undefined) {
      const wanted = { ...body, assignedUserId: body.assignedUserId ?? assignedUserId };
      assignedUserId = assignee(store, calendar, start, wanted, now(), appointment.id);
    }

    Object.assign(appointment, {
      calendarId: calendar.id,
      groupId: calendar.groupId,
      assignedUserId,
      users: assignedUserId ? [assignedUserId] : appointment.users,
      startTime: isoWithOffset(start, zone),
      endTime: isoWithOffset(end, zone),
      dateUpdated: isoUtc(now()),
    });
    if (typeof body.title === "string") appointment.title = body.title;
    if (body.appointmentStatus !== undefined) {
      appointment.appointmentStatus = body.appointmentStatus as AppointmentStatus;
    }
    applyAppointmentDetails(appointment, body);
    return ok(appointmentView(appointment));
  },

  "calendars/delete-event": ({ params, store }) => {
    const id = params.eventId as string;
    if (store.appointments.has(id)) deleteAppointment(store, id);
    else if (!store.blockedSlots.delete(id)) throw notFound("Event", id);
    return ok({ succeeded: true }, 201);
  },

  "calendars/create-block-slot": ({ body, store, now }) => {
    refuseCalendarAndUser(body);
    const calendar = calendarIn(store, String(body.calendarId), String(body.locationId));
    const zone = calendarTimeZone(store, calendar);
    const { start, end } = blockTimes(body);
    const stamp = isoUtc(now());
    const block = store.insert(store.blockedSlots, {
      locationId: calendar.locationId,
      calendarId: calendar.id,
      title: typeof body.title === "string" ? body.title : "",
      startTime: isoWithOffset(start, zone),
      endTime: isoWithOffset(end, zone),
      dateAdded: stamp,
      dateUpdated: stamp,
    });
    return ok(blockedSlotView(block), 201);
  },

  "calendars/edit-block-slot": ({ params, body, store, now }) => {
    refuseCalendarAndUser(body);
    const block = store.blockedSlots.get(params.eventId as string);
    if (!block) throw notFound("Event", params.eventId);
    const calendar = calendarIn(store, String(body.calendarId), String(body.locationId));
    const zone = calendarTimeZone(store, calendar);
    const { start, end } = blockTimes({
      startTime: body.startTime ?? block.startTime,
      endTime: body.endTime ?? block.endTime,
    });
    Object.assign(block, {
      calendarId: calendar.id,
      title: typeof body.title === "string" ? body.title : block.title,
      startTime: isoWithOffset(start, zone),
      endTime: isoWithOffset(end, zone),
      dateUpdated: isoUtc(now()),
    });
    return ok(blockedSlotView(block), 201);
  },

  "calendars/get-appointment-notes": ({ params, query, store }) => {
    const appointment = appointmentOf(store, params.appointmentId);
    const offset = Number(query.offset);
    const limit = Number(query.limit);
    // Newest first; insertion order breaks ties between notes added in the same millisecond.
    const notes = [...store.appointmentNotes.values()]
      .filter((note) => note.appointmentId === appointment.id)
      .reverse()
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    return ok({
      notes: notes.slice(offset, offset + limit).map(noteView),
      hasMore: offset + limit < notes.length,
    });
  },

  "calendars/create-appointment-note": ({ params, body, store, now }) => {
    const appointment = appointmentOf(store, params.appointmentId);
    const note = store.insert(store.appointmentNotes, {
      locationId: appointment.locationId,
      appointmentId: appointment.id,
      contactId: appointment.contactId,
      body: String(body.body),
      userId: body.userId as string | undefined,
      dateAdded: isoUtc(now()),
    });
    return ok({ note: noteView(note) }, 201);
  },

  "calendars/update-appointment-note": ({ params, body, store }) => {
    const note = noteOf(store, params);
    note.body = String(body.body);
    if (typeof body.userId === "string") note.userId = body.userId;
    return ok({ note: noteView(note) });
  },

  "calendars/delete-appointment-note": ({ params, store }) => {
    store.appointmentNotes.delete(noteOf(store, params).id);
    return ok({ success: true });
  },

  "calendars/get-event-notification": ({ params, query, store }) => {
    const calendar = calendarOf(store, params.calendarId);
    const deleted = query.deleted === true;
    const skip = Number(query.skip);
    const notifications = [...store.calendarNotifications.values()].filter(
      (n) =>
        n.calendarId === calendar.id &&
        n.deleted === deleted &&
        (query.isActive === undefined || n.isActive === query.isActive),
    );
    return ok(notifications.slice(skip, skip + Number(query.limit)).map(notificationView));
  },

  "calendars/find-event-notification": ({ params, store }) =>
    ok(notificationView(notificationOf(store, params))),

  "calendars/create-event-notification": ({ params, body, store }) => {
    const calendar = calendarOf(store, params.calendarId);
    const items = (Array.isArray(body) ? body : []) as Body[];
    const created = items.map((item) =>
      store.insert(store.calendarNotifications, {
        ...(item as unknown as Partial<CalendarNotificationRecord>),
        locationId: calendar.locationId,
        calendarId: calendar.id,
        isActive: item.isActive !== false,
        deleted: false,
      } as Omit<CalendarNotificationRecord, "id">),
    );
    return ok(created.map(notificationView));
  },

  "calendars/update-event-notification": ({ params, body, store }) => {
    const notification = notificationOf(store, params);
    Object.assign(notification, body);
    // Inferred wording; the DTO says only that `message` reports the result.
    return ok({ message: "Notification updated successfully" });
  },

  "calendars/delete-event-notification": ({ params, store }) => {
    notificationOf(store, params).deleted = true;
    return ok({ message: "Notification deleted successfully" });
  },

  "calendars/fetch-calendar-resources": ({ params, query, store }) => {
    const type = resourceType(params);
    const skip = Number(query.skip);
    const resources = [...store.calendarResources.values()].filter(
      (r) => r.locationId === query.locationId && r.resourceType === type,
    );
    return ok(resources.slice(skip, skip + Number(query.limit)).map(resourceView));
  },

  "calendars/get-calendar-resource": ({ params, store, auth }) =>
    ok(resourceView(resourceOf(store, params, auth))),

  "calendars/create-calendar-resource": ({ params, body, store }) => {
    const type = resourceType(params);
    const locationId = String(body.locationId);
    const calendarIds = resourceCalendars(store, locationId, type, body.calendarIds);
    const resource = store.insert(store.calendarResources, {
      locationId,
      resourceType: type,
      name: String(body.name),
      description: String(body.description),
      quantity: Number(body.quantity),
      outOfService: Number(body.outOfService),
      capacity: Number(body.capacity),
      calendarIds,
      isActive: true,
    });
    return ok(resourceView(resource), 201);
  },

  "calendars/update-calendar-resource": ({ params, body, store, auth }) => {
    const resource = resourceOf(store, params, auth);
    if (body.locationId !== undefined && body.locationId !== resource.locationId) {
      throw iamError(403, "The token does not have access to this location.");
    }
    const calendarIds =
      body.calendarIds === undefined
        ? resource.calendarIds
        : resourceCalendars(store, resource.locationId, resource.resourceType, body.calendarIds);
    const { locationId: _locationId, ...fields } = body;
    Object.assign(resource, fields, { calendarIds });
    const { calendarIds: _ids, ...view } = resourceView(resource);
    return ok(view);
  },

  "calendars/delete-calendar-resource": ({ params, store, auth }) => {
    store.calendarResources.delete(resourceOf(store, params, auth).id);
    return ok({ success: true });
  },

  "calendars/getAllSchedules": ({ query, store }) => {
    const skip = Number(query.skip);
    const schedules = [...store.schedules.values()].filter(
      (s) =>
        s.locationId === query.locationId &&
        s.userId === query.userId &&
        (query.calendarId === undefined || s.calendarIds.includes(String(query.calendarId))),
    );
    return ok({ schedules: schedules.slice(skip, skip + Number(query.limit)).map(scheduleView) });
  },

  "calendars/getScheduleById": ({ params, store, auth }) =>
    ok({ schedule: scheduleView(scheduleOf(store, params, auth)) }),

  "calendars/createSchedule": ({ body, store, now }) => {
    const locationId = String(body.locationId);
    const userId = String(body.userId);
    const user = store.users.get(userId);
    if (!user || user.deleted || !user.locationIds.includes(locationId)) {
      throw notFound("User", userId);
    }
    const rules = scheduleRules(body.rules ?? []);
    const calendarIds = (body.calendarIds as string[] | undefined) ?? [];
    for (const calendarId of calendarIds) scheduleCalendar(store, locationId, calendarId);
    const stamp = isoUtc(now());
    const schedule = store.insert(store.schedules, {
      locationId,
      userId,
      name: String(body.name),
      timezone: scheduleZone(body.timezone),
      rules,
      calendarIds: [],
      dateAdded: stamp,
      dateUpdated: stamp,
    });
    for (const calendarId of calendarIds) applySchedule(store, schedule, calendarId);
    return ok({ schedule: scheduleView(schedule) }, 201);
  },

  "calendars/updateSchedule": ({ params, body, store, auth, now }) => {
    const schedule = scheduleOf(store, params, auth);
    const rules = body.rules === undefined ? schedule.rules : scheduleRules(body.rules);
    const timezone = body.timezone === undefined ? schedule.timezone : scheduleZone(body.timezone);
    Object.assign(schedule, {
      rules,
      timezone,
      name: typeof body.name === "string" ? body.name : schedule.name,
      dateUpdated: isoUtc(now()),
    });
    return ok({ schedule: scheduleView(schedule) });
  },

  "calendars/deleteSchedule": ({ params, store, auth }) => {
    store.schedules.delete(scheduleOf(store, params, auth).id);
    return ok({ success: true });
  },

  "calendars/add-calendar-to-schedule": ({ params, store, auth }) => {
    applySchedule(store, scheduleOf(store, params, auth), String(params.calendarId));
    return ok({ success: true });
  },

  "calendars/remove-calendar-from-schedule": ({ params, store, auth }) => {
    const schedule = scheduleOf(store, params, auth);
    scheduleCalendar(store, schedule.locationId, String(params.calendarId));
    schedule.calendarIds = schedule.calendarIds.filter((id) => id !== params.calendarId);
    return ok({ success: true });
  },
};

function groupsOf(store: SandboxStore, locationId: string): CalendarGroupRecord[] {
  return [...store.calendarGroups.values()].filter((group) => group.locationId === locationId);
}

function groupOf(store: SandboxStore, id: string | undefined): CalendarGroupRecord {
  const group = store.calendarGroups.get(id ?? "");
  if (!group) throw notFound("Group", id);
  return group;
}

/** Inferred: a group's slug is its booking URL, so a second group cannot take it. */
function refuseTakenGroupSlug(
  store: SandboxStore,
  locationId: string,
  slug: string,
  exceptId?: string,
): void {
  if (groupsOf(store, locationId).some((g) => g.slug === slug && g.id !== exceptId)) {
    throw badRequest(`Slug ${slug} is already taken`);
  }
}

function groupView(group: CalendarGroupRecord): Body {
  const { id, locationId, name, description, slug, isActive } = group;
  return { id, locationId, name, description, slug, isActive };
}

function calendarOf(store: SandboxStore, id: string | undefined): CalendarRecord {
  const calendar = store.calendars.get(id ?? "");
  if (!calendar) throw notFound("Calendar", id);
  return calendar;
}

/** A calendar named in a body, which must belong to the location the body names. */
function calendarIn(store: SandboxStore, id: string, locationId: string): CalendarRecord {
  const calendar = store.calendars.get(id);
  if (!calendar || calendar.locationId !== locationId) throw notFound("Calendar", id);
  return calendar;
}

function contactIn(store: SandboxStore, id: string, locationId: string): ContactRecord {
  const contact = store.contacts.get(id);
  if (!contact || contact.locationId !== locationId) throw contactNotFound(id);
  return contact;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** A new calendar's slug from its name, numbered when the name's is taken. */
function uniqueSlug(store: SandboxStore, locationId: string, name: string): string {
  const calendars = [...store.calendars.values()].filter((c) => c.locationId === locationId);
  const taken = new Set(calendars.map((c) => c.slug));
  const base = slugify(name) || "calendar";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The CalendarDTO fields the store keeps apart; everything else lands in `settings`. */
const TYPED_CALENDAR_FIELDS = new Set([
  "name",
  "description",
  "slug",
  "groupId",
  "calendarType",
  "teamMembers",
  "slotDuration",
  "slotDurationUnit",
  "slotInterval",
  "slotIntervalUnit",
  "slotBuffer",
  "slotBufferUnit",
  "preBuffer",
  "preBufferUnit",
  "appoinmentPerSlot",
  "openHours",
  "availabilities",
  "eventTitle",
  "eventColor",
  "isActive",
]);

/**
 * Writes a CalendarCreateDTO / CalendarUpdateDTO onto the record, then checks the documented
 * rules: team members for every type but event, exactly one for a personal calendar, exactly one
 * primary for a collective one; the group and users must belong to the location (inferred).
 */
function applyCalendarFields(store: SandboxStore, calendar: CalendarRecord, body: Body): void {
  for (const [key, value] of Object.entries(body)) {
    if (key === "locationId" || value === undefined) continue;
    if (TYPED_CALENDAR_FIELDS.has(key)) Object.assign(calendar, { [key]: value });
    else calendar.settings[key] = value;
  }
  if (typeof body.slug === "string") {
    const clash = [...store.calendars.values()].some(
      (c) => c.locationId === calendar.locationId && c.slug === body.slug && c.id !== calendar.id,
    );
    if (clash) throw badRequest(`Slug ${body.slug} is already taken`);
  }
  if (calendar.groupId !== undefined) {
    const group = store.calendarGroups.get(calendar.groupId);
    if (!group || group.locationId !== calendar.locationId) {
      throw notFound("Group", calendar.groupId);
    }
  }
  for (const member of calendar.teamMembers) {
    member.priority ??= 0.5;
    const user = store.users.get(member.userId);
    if (!user || user.deleted || !user.locationIds.includes(calendar.locationId)) {
      throw notFound("User", member.userId);
    }
  }

  const count = calendar.teamMembers.length;
  if (calendar.calendarType === "personal" && count !== 1) {
    throw unprocessable(["Personal calendar must have exactly one team member"]);
  }
  if (calendar.calendarType !== "event" && calendar.calendarType !== "personal" && count === 0) {
    throw unprocessable([`teamMembers are required for a ${calendar.calendarType} calendar`]);
  }
  if (
    calendar.calendarType === "collective" &&
    calendar.teamMembers.filter((m) => m.isPrimary).length !== 1
  ) {
    throw unprocessable(["A collective calendar needs exactly one primary team member"]);
  }
}

function calendarView(calendar: CalendarRecord): Body {
  const { settings, ...fields } = calendar;
  return { ...settings, ...fields };
}

function appointmentOf(store: SandboxStore, id: string | undefined): AppointmentRecord {
  const appointment = store.appointments.get(id ?? "");
  if (!appointment) throw notFound("Appointment", id);
  return appointment;
}

function deleteAppointment(store: SandboxStore, id: string): void {
  store.appointments.delete(id);
  for (const [noteId, note] of store.appointmentNotes) {
    if (note.appointmentId === id) store.appointmentNotes.delete(noteId);
  }
}

/** Date-times the platform accepts: ISO 8601 with an offset; the instant is what is kept. */
function parseTime(value: unknown, name: string): number {
  const text = String(value);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw unprocessable([`${name} must be a valid ISO 8601 date string`]);
  // Inferred: without an offset the instant is ambiguous; the stricter reading refuses it.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    throw unprocessable([`${name} must be a valid ISO 8601 date string with an offset`]);
  }
  return ms;
}

/** The start, and the end (by default one slot later), which must come after the start. */
function appointmentTimes(body: Body, calendar: CalendarRecord): { start: number; end: number } {
  const start = parseTime(body.startTime, "startTime");
  const end =
    body.endTime === undefined
      ? start + durationMs(calendar.slotDuration, calendar.slotDurationUnit)
      : parseTime(body.endTime, "endTime");
  if (end <= start) throw unprocessable(["endTime must be after startTime"]);
  return { start, end };
}

/**
 * Who takes the appointment. Unless `ignoreFreeSlotValidation` is set, the start must be one of
 * the calendar's free slots (for the requested user, when that user is on the team); the chosen
 * user is the one asked for, or the free team member with the best priority.
 */
function assignee(
  store: SandboxStore,
  calendar: CalendarRecord,
  start: number,
  body: Body,
  now: number,
  ignoreEventId?: string,
): string | undefined {
  const requested = typeof body.assignedUserId === "string" ? body.assignedUserId : undefined;
  if (requested !== undefined) {
    const user = store.users.get(requested);
    if (!user || user.deleted || !user.locationIds.includes(calendar.locationId)) {
      throw notFound("User", requested);
    }
  }
  const onTeam = calendar.teamMembers.some((m) => m.userId === requested);
  const userIds = requested && onTeam ? [requested] : undefined;

  if (body.ignoreFreeSlotValidation === true) {
    return requested ?? calendar.teamMembers[0]?.userId;
  }
  const open = freeSlots(store, calendar, start, start, { now, userIds, ignoreEventId });
  // Inferred wording of the platform's refusal of a taken or closed slot.
  if (open.length === 0) throw badRequest("The slot you have selected is no longer available.");
  return requested ?? freeUsers(store, calendar, start, { userIds, ignoreEventId })?.[0];
}

function eventTitle(calendar: CalendarRecord, contact: ContactRecord): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return calendar.eventTitle
    .replaceAll("{{contact.name}}", name)
    .replaceAll("{{contact.first_name}}", contact.firstName ?? "")
    .replaceAll("{{contact.last_name}}", contact.lastName ?? "")
    .replaceAll("{{calendar.name}}", calendar.name);
}

/**
 * The optional fields of AppointmentCreateSchema / AppointmentEditSchema. Limitation: an `rrule`
 * is kept and reported, but its later instances are not expanded into events.
 */
function applyAppointmentDetails(appointment: AppointmentRecord, body: Body): void {
  for (const key of ["address", "description", "meetingLocationType", "meetingLocationId"]) {
    if (typeof body[key] === "string") Object.assign(appointment, { [key]: body[key] });
  }
  if (typeof body.address === "string" && body.meetingLocationType === undefined) {
    appointment.meetingLocationType = "custom";
  }
  if (typeof body.rrule === "string" && body.ignoreFreeSlotValidation === true) {
    appointment.rrule = body.rrule;
  }
}

/** AppointmentSchemaResponse: what create and update return, flat. */
function appointmentView(appointment: AppointmentRecord): Body {
  const { rrule } = appointment;
  return {
    id: appointment.id,
    calendarId: appointment.calendarId,
    locationId: appointment.locationId,
    contactId: appointment.contactId,
    startTime: appointment.startTime,
    endTime: appointment.endTime,
    title: appointment.title,
    meetingLocationType: appointment.meetingLocationType ?? "default",
    appointmentStatus: appointment.appointmentStatus,
    assignedUserId: appointment.assignedUserId,
    address: appointment.address,
    isRecurring: rrule !== undefined,
    rrule,
  };
}

/** CalendarEventDTO: what get and the events list return. */
function eventView(appointment: AppointmentRecord): Body {
  const { rrule } = appointment;
  return {
    id: appointment.id,
    title: appointment.title,
    calendarId: appointment.calendarId,
    locationId: appointment.locationId,
    contactId: appointment.contactId,
    groupId: appointment.groupId,
    appointmentStatus: appointment.appointmentStatus,
    assignedUserId: appointment.assignedUserId,
    users: appointment.users,
    notes: appointment.notes,
    description: appointment.description,
    address: appointment.address,
    isRecurring: rrule !== undefined,
    rrule,
    startTime: appointment.startTime,
    endTime: appointment.endTime,
    dateAdded: appointment.dateAdded,
    dateUpdated: appointment.dateUpdated,
    assignedResources: [],
  };
}

function blockedSlotView(block: BlockedSlotRecord): Body {
  const { id, locationId, title, startTime, endTime, calendarId, assignedUserId } = block;
  return { id, locationId, title, startTime, endTime, calendarId, assignedUserId };
}

/**
 * The documented rule of the events and blocked-slots lists: one of calendarId, userId or
 * groupId, and a window in epoch milliseconds (sent as strings). Inferred wording.
 */
function eventWindow(query: Record<string, unknown>): { from: number; to: number } {
  if (query.calendarId === undefined && query.userId === undefined && query.groupId === undefined) {
    throw badRequest("Either of calendarId, userId or groupId is required");
  }
  const messages: string[] = [];
  for (const name of ["startTime", "endTime"]) {
    if (!/^\d+$/.test(String(query[name]))) messages.push(`${name} must be a number string`);
  }
  if (messages.length > 0) throw unprocessable(messages);
  return { from: Number(query.startTime), to: Number(query.endTime) };
}

function calendarsInGroup(store: SandboxStore, groupId: unknown): Set<string> {
  const calendars = [...store.calendars.values()].filter((c) => c.groupId === groupId);
  return new Set(calendars.map((c) => c.id));
}

function within(
  event: { startTime: string; endTime: string },
  window: { from: number; to: number },
) {
  return Date.parse(event.startTime) <= window.to && Date.parse(event.endTime) >= window.from;
}

function byStart(a: { startTime: string }, b: { startTime: string }): number {
  return Date.parse(a.startTime) - Date.parse(b.startTime);
}

/** The DTO says a blocked slot belongs to a calendar or a user, not both. */
function refuseCalendarAndUser(body: Body): void {
  if (body.calendarId !== undefined && body.assignedUserId !== undefined) {
    throw badRequest("Either calendarId or assignedUserId can be set, not both.");
  }
}

/** Inferred: the DTO marks the times optional, but a block without them means nothing. */
function blockTimes(body: Body): { start: number; end: number } {
  const missing = ["startTime", "endTime"].filter((name) => body[name] === undefined);
  if (missing.length > 0) {
    throw unprocessable(missing.map((name) => `${name} must be a valid ISO 8601 date string`));
  }
  const start = parseTime(body.startTime, "startTime");
  const end = parseTime(body.endTime, "endTime");
  if (end <= start) throw unprocessable(["endTime must be after startTime"]);
  return { start, end };
}

/**
 * `{"2026-03-10":{"slots":["2026-03-10T06:00:00-05:00",...]},...,"traceId":"..."}`: the days with
 * a slot, in the requested zone (the location's by default). The trailing `traceId` beside the
 * dates is what community captures show (inferred); clients must skip keys that are not dates.
 */
function getFreeSlots({ params, query, store, now, traceId }: HandlerContext): HandlerResult {
  const calendar = calendarOf(store, params.calendarId);
  const from = Number(query.startDate);
  const to = Number(query.endDate);
  if (to < from) throw badRequest("endDate must be after startDate");
  if (to - from > MAX_SLOT_RANGE_MS) throw badRequest("Date range cannot be more than 31 days");
  const zone =
    typeof query.timezone === "string" ? query.timezone : calendarTimeZone(store, calendar);
  if (!isTimeZone(zone)) throw badRequest(`Invalid timezone ${zone}`);

  const userIds = [
    ...(typeof query.userId === "string" ? [query.userId] : []),
    ...(Array.isArray(query.userIds) ? (query.userIds as string[]) : []),
  ];
  const days: Record<string, { slots: string[] }> = {};
  const slots = freeSlots(store, calendar, from, to, {
    now: now(),
    userIds: userIds.length > 0 ? userIds : undefined,
  });
  for (const start of slots) {
    const iso = isoWithOffset(start, zone);
    (days[iso.slice(0, 10)] ??= { slots: [] }).slots.push(iso);
  }
  return ok({ ...days, traceId });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function noteOf(store: SandboxStore, params: Record<string, string>): AppointmentNoteRecord {
  const appointment = appointmentOf(store, params.appointmentId);
  const note = store.appointmentNotes.get(params.noteId ?? "");
  if (!note || note.appointmentId !== appointment.id) throw notFound("Note", params.noteId);
  return note;
}

function noteView(note: AppointmentNoteRecord): Body {
  const { id, body, userId, dateAdded, contactId } = note;
  return { id, body, userId, dateAdded, contactId };
}

function notificationOf(
  store: SandboxStore,
  params: Record<string, string>,
): CalendarNotificationRecord {
  const notification = store.calendarNotifications.get(params.notificationId ?? "");
  if (!notification || notification.calendarId !== params.calendarId) {
    throw notFound("Notification", params.notificationId);
  }
  return notification;
}

/** CalendarNotificationResponseDTO names the id `_id`. */
function notificationView(notification: CalendarNotificationRecord): Body {
  const { id, locationId: _locationId, calendarId: _calendarId, ...fields } = notification;
  return { _id: id, ...fields };
}

function resourceType(params: Record<string, string>): CalendarResourceRecord["resourceType"] {
  const type = params.resourceType;
  if (type !== "equipments" && type !== "rooms") {
    throw unprocessable(["resourceType must be one of the following values: equipments, rooms"]);
  }
  return type;
}

/** Resource ids are not among the pipeline's owned path parameters, so the owner is checked here. */
function resourceOf(
  store: SandboxStore,
  params: Record<string, string>,
  auth: AuthContext,
): CalendarResourceRecord {
  const type = resourceType(params);
  const resource = store.calendarResources.get(params.id ?? "");
  if (!resource || resource.resourceType !== type) throw notFound("Resource", params.id);
  if (resource.locationId !== auth.locationId) {
    throw iamError(403, "The token does not have access to this location.");
  }
  return resource;
}

/**
 * The documented mapping rules: only service calendars of the location, and one equipment to at
 * most one service calendar (a room may serve several).
 */
function resourceCalendars(
  store: SandboxStore,
  locationId: string,
  type: CalendarResourceRecord["resourceType"],
  value: unknown,
): string[] {
  const ids = [...new Set(Array.isArray(value) ? (value as string[]) : [])];
  for (const id of ids) {
    const calendar = store.calendars.get(id);
    if (!calendar || calendar.locationId !== locationId) throw notFound("Calendar", id);
    if (calendar.calendarType !== "service_booking") {
      throw badRequest(`Calendar ${id} is not a service calendar`);
    }
  }
  if (type === "equipments" && ids.length > 1) {
    throw badRequest("One equipment can only be mapped with one service calendar.");
  }
  return ids;
}

function resourceView(resource: CalendarResourceRecord): Body {
  return { ...resource };
}

/** The schedule endpoints document a 404 for an unknown schedule, unlike the older routes. */
function scheduleOf(
  store: SandboxStore,
  params: Record<string, string>,
  auth: AuthContext,
): ScheduleRecord {
  const schedule = store.schedules.get(params.id ?? "");
  if (!schedule) throw new SandboxError(404, "Schedule not found");
  if (schedule.locationId !== auth.locationId) {
    throw iamError(403, "The token does not have access to this location.");
  }
  return schedule;
}

/** The calendar an association names: 404 when unknown, 400 when of another location (documented). */
function scheduleCalendar(
  store: SandboxStore,
  locationId: string,
  calendarId: string,
): CalendarRecord {
  const calendar = store.calendars.get(calendarId);
  if (!calendar) throw new SandboxError(404, "Calendar not found");
  if (calendar.locationId !== locationId) {
    throw badRequest("Schedule and calendar must belong to the same location");
  }
  return calendar;
}

/** Inferred: one schedule per user and calendar, so applying one takes the calendar off another. */
function applySchedule(store: SandboxStore, schedule: ScheduleRecord, calendarId: string): void {
  const calendar = scheduleCalendar(store, schedule.locationId, calendarId);
  for (const other of store.schedules.values()) {
    if (other.userId === schedule.userId && other.id !== schedule.id) {
      other.calendarIds = other.calendarIds.filter((id) => id !== calendar.id);
    }
  }
  if (!schedule.calendarIds.includes(calendar.id)) schedule.calendarIds.push(calendar.id);
}

/** The spec's pattern admits only `Area/City` zones; the zone must also exist (inferred). */
function scheduleZone(value: unknown): string {
  const zone = String(value);
  if (!isTimeZone(zone)) throw unprocessable([`timezone ${zone} is not a valid IANA time zone`]);
  return zone;
}

/**
 * ScheduleRuleDTO checks beyond the schema: a weekday rule names its day, a date rule its date,
 * and every interval ends after it starts (the documented 422 "validation errors in rules").
 */
function scheduleRules(value: unknown): ScheduleRecord["rules"] {
  const rules = (Array.isArray(value) ? value : []) as ScheduleRecord["rules"];
  const messages: string[] = [];
  rules.forEach((rule, index) => {
    if (rule.type === "wday" && !rule.day) messages.push(`rules.${index}.day is required`);
    if (rule.type === "date" && !rule.date) messages.push(`rules.${index}.date is required`);
    rule.intervals.forEach((interval, at) => {
      const minutes = (clock: string) => {
        const [hour, minute] = clock.split(":").map(Number);
        return (hour ?? 0) * 60 + (minute ?? 0);
      };
      if (minutes(interval.to) <= minutes(interval.from)) {
        messages.push(`rules.${index}.intervals.${at}.to must be after from`);
      }
    });
  });
  if (messages.length > 0) throw unprocessable(messages);
  return rules.map((rule) => ({ ...rule, intervals: rule.intervals.map((i) => ({ ...i })) }));
}

function scheduleView(schedule: ScheduleRecord): Body {
  return { ...schedule, deleted: false };
}
