// Every Calendars tool over real stdio against the sandbox playing GoHighLevel: each call works,
// changes what it should in the sandbox, and invalid input is refused before GHL sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { allTools } from "../../src/tools/index.js";
import { againstSandbox, connectStdio, textOf, type TestClient } from "../support/mcp-clients.js";

let sandbox: Sandbox;
let client: TestClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connectStdio("current (2026-07-28)", againstSandbox(sandbox));
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}) {
  return client.callOk<T>(name, args);
}

/** The refusal of a call the server must stop before it reaches GHL. */
async function refused(name: string, args: Record<string, unknown>): Promise<string> {
  const before = sandbox.requests.length;
  const result = await client.callTool(name, args);
  expect(result.isError, `${name} should fail`).toBe(true);
  expect(sandbox.requests.length).toBe(before);
  return textOf(result);
}

function calendarNamed(name: string) {
  return [...sandbox.store.calendars.values()].find((c) => c.name === name)!;
}

function staff(firstName: string) {
  return [...sandbox.store.users.values()].find((u) => u.firstName === firstName)!;
}

function contactNamed(firstName: string, lastName: string) {
  return [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  )!;
}

/** An ISO date-time with an offset, `days` from now. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

type Days = { days: { date: string; slots: string[] }[] };

describe("the Calendars toolset over stdio", () => {
  it("lists every calendars tool with its annotations", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "calendars").map((t) => t.name);
    expect(expected.length).toBe(41);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
    const slots = tools.find((t) => t.name === "calendars_get_free_slots") as unknown as {
      annotations: object;
    };
    expect(slots.annotations).toMatchObject({ readOnlyHint: true });
  });

  it("finds a free slot, books it, moves it, notes it and deletes it", async () => {
    const intro = calendarNamed("Free Intro Session");
    const jane = contactNamed("Jane", "Cooper");
    const free = await call<Days>("calendars_get_free_slots", {
      calendarId: intro.id,
      startDate: inDays(1),
      endDate: inDays(8),
      more: { timezone: "America/Chicago" },
    });
    const first = free.days[0]!.slots[0]!;
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[56]:00$/);

    const { appointment } = await call<{ appointment: { id: string; startTime: string } }>(
      "calendars_create_appointment",
      { calendarId: intro.id, contactId: jane.id, startTime: first },
    );
    expect(Date.parse(sandbox.store.appointments.get(appointment.id)!.startTime)).toBe(
      Date.parse(first),
    );

    const taken = await client.callTool("calendars_create_appointment", {
      calendarId: intro.id,
      contactId: contactNamed("Robert", "Chen").id,
      startTime: first,
      assignedUserId: sandbox.store.appointments.get(appointment.id)!.assignedUserId,
    });
    expect(taken.isError).toBe(true);
    expect(textOf(taken)).toContain("no longer available");

    const trainerSlots = await call<Days>("calendars_get_free_slots", {
      calendarId: intro.id,
      startDate: inDays(1),
      endDate: inDays(8),
      more: { userId: sandbox.store.appointments.get(appointment.id)!.assignedUserId },
    });
    const second = trainerSlots.days.flatMap((day) => day.slots).find((slot) => slot !== first)!;

    await call("calendars_update_appointment", {
      appointmentId: appointment.id,
      startTime: second,
      appointmentStatus: "confirmed",
    });
    expect(Date.parse(sandbox.store.appointments.get(appointment.id)!.startTime)).toBe(
      Date.parse(second),
    );
    const read = await call<{ appointment: { appointmentStatus: string } }>(
      "calendars_get_appointment",
      { appointmentId: appointment.id },
    );
    expect(read.appointment.appointmentStatus).toBe("confirmed");

    const events = await call<{ events: { id: string }[] }>("calendars_list_events", {
      calendarId: intro.id,
      startTime: inDays(0),
      endTime: inDays(9),
    });
    expect(events.events.map((e) => e.id)).toContain(appointment.id);

    const { note } = await call<{ note: { id: string } }>("calendars_create_appointment_note", {
      appointmentId: appointment.id,
      body: "Wants to train for a 10k.",
    });
    await call("calendars_update_appointment_note", {
      appointmentId: appointment.id,
      noteId: note.id,
      body: "Wants to train for a half marathon.",
    });
    const notes = await call<{ notes: { body: string }[] }>("calendars_list_appointment_notes", {
      appointmentId: appointment.id,
    });
    expect(notes.notes.map((n) => n.body)).toEqual(["Wants to train for a half marathon."]);
    await call("calendars_delete_appointment_note", {
      appointmentId: appointment.id,
      noteId: note.id,
    });
    expect(sandbox.store.appointmentNotes.has(note.id)).toBe(false);

    await call("calendars_delete_event", { eventId: appointment.id });
    expect(sandbox.store.appointments.has(appointment.id)).toBe(false);
  });

  it("blocks time, lists it, moves it and removes it", async () => {
    const intro = calendarNamed("Free Intro Session");
    const { blockedSlot } = await call<{ blockedSlot: { id: string } }>(
      "calendars_create_block_slot",
      { calendarId: intro.id, title: "Deep clean", startTime: inDays(2), endTime: inDays(2.1) },
    );
    expect(sandbox.store.blockedSlots.get(blockedSlot.id)?.title).toBe("Deep clean");

    const listed = await call<{ blockedSlots: { id: string }[] }>("calendars_list_blocked_slots", {
      calendarId: intro.id,
      startTime: inDays(1),
      endTime: inDays(3),
    });
    expect(listed.blockedSlots.map((b) => b.id)).toContain(blockedSlot.id);

    await call("calendars_update_block_slot", {
      blockedSlotId: blockedSlot.id,
      calendarId: intro.id,
      title: "Floor repair",
    });
    expect(sandbox.store.blockedSlots.get(blockedSlot.id)?.title).toBe("Floor repair");
    await call("calendars_delete_event", { eventId: blockedSlot.id });
    expect(sandbox.store.blockedSlots.has(blockedSlot.id)).toBe(false);
  });

  it("creates a calendar from friendly open hours, reads, updates and deletes it", async () => {
    const created = await call<{ calendar: { id: string; openHours: string[] } }>(
      "calendars_create",
      {
        name: "Nutrition Check-in",
        teamMembers: [staff("Hannah").id],
        openHours: ["Mon-Fri 09:00-12:00", "Sat 10:00-11:00"],
        more: { calendarType: "personal", slotDuration: 20, slotInterval: 30, autoConfirm: false },
      },
    );
    const id = created.calendar.id;
    expect(created.calendar.openHours).toEqual(["Mon-Fri 09:00-12:00", "Sat 10:00-11:00"]);
    expect(sandbox.store.calendars.get(id)?.openHours[0]).toEqual({
      daysOfTheWeek: [1, 2, 3, 4, 5],
      hours: [{ openHour: 9, openMinute: 0, closeHour: 12, closeMinute: 0 }],
    });
    expect(sandbox.store.calendars.get(id)?.settings.autoConfirm).toBe(false);

    await call("calendars_update", {
      calendarId: id,
      name: "Nutrition Review",
      more: { slotDuration: 30 },
    });
    const read = await call<{ calendar: { name: string; slotDuration: number } }>("calendars_get", {
      calendarId: id,
    });
    expect(read.calendar).toMatchObject({ name: "Nutrition Review", slotDuration: 30 });
    const list = await call<{ calendars: { id: string }[] }>("calendars_list", {});
    expect(list.calendars.map((c) => c.id)).toContain(id);

    await call("calendars_delete", { calendarId: id });
    expect(sandbox.store.calendars.has(id)).toBe(false);
  });

  it("manages calendar groups", async () => {
    const { group } = await call<{ group: { id: string; slug: string } }>(
      "calendars_create_group",
      { name: "Recovery Suite" },
    );
    expect(group.slug).toBe("recovery-suite");
    const check = await call<{ available: boolean }>("calendars_validate_group_slug", {
      slug: "recovery-suite",
    });
    expect(check.available).toBe(false);

    await call("calendars_update_group", {
      groupId: group.id,
      name: "Recovery",
      description: "Massage and mobility",
      slug: "recovery",
    });
    expect(sandbox.store.calendarGroups.get(group.id)?.slug).toBe("recovery");
    await call("calendars_update_group_status", { groupId: group.id, isActive: false });
    expect(sandbox.store.calendarGroups.get(group.id)?.isActive).toBe(false);
    const groups = await call<{ groups: { id: string }[] }>("calendars_list_groups", {});
    expect(groups.groups.map((g) => g.id)).toContain(group.id);
    await call("calendars_delete_group", { groupId: group.id });
    expect(sandbox.store.calendarGroups.has(group.id)).toBe(false);
  });

  it("manages a calendar's notifications, sending a reminder's offset as beforeTime", async () => {
    const calendarId = calendarNamed("Free Intro Session").id;
    const { notification } = await call<{ notification: { id: string } }>(
      "calendars_create_notification",
      {
        calendarId,
        notificationType: "reminder",
        channel: "sms",
        receiverType: "contact",
        body: "See you soon!",
        timeOffset: 2,
        more: { unit: "hours" },
      },
    );
    expect(sandbox.store.calendarNotifications.get(notification.id)?.beforeTime).toEqual([
      { timeOffset: 2, unit: "hours" },
    ]);
    const read = await call<{ notification: { channel: string } }>("calendars_get_notification", {
      calendarId,
      notificationId: notification.id,
    });
    expect(read.notification.channel).toBe("sms");

    await call("calendars_update_notification", {
      calendarId,
      notificationId: notification.id,
      more: { isActive: false, afterTime: [{ timeOffset: 1, unit: "days" }] },
    });
    expect(sandbox.store.calendarNotifications.get(notification.id)).toMatchObject({
      isActive: false,
      afterTime: [{ timeOffset: 1, unit: "days" }],
    });
    const listed = await call<{ notifications: { id: string }[] }>("calendars_list_notifications", {
      calendarId,
    });
    expect(listed.notifications.map((n) => n.id)).toContain(notification.id);

    await call("calendars_delete_notification", { calendarId, notificationId: notification.id });
    expect(sandbox.store.calendarNotifications.get(notification.id)?.deleted).toBe(true);
  });

  it("manages rooms and equipment", async () => {
    const rooms = await call<{ resources: { name: string }[] }>("calendars_list_resources", {
      resourceType: "rooms",
    });
    expect(rooms.resources.map((r) => r.name)).toContain("Recovery Room");

    const { resource } = await call<{ resource: { id: string } }>("calendars_create_resource", {
      resourceType: "equipments",
      name: "Percussion gun",
      more: { quantity: 3, calendarIds: [calendarNamed("Sports Massage").id] },
    });
    expect(sandbox.store.calendarResources.get(resource.id)?.quantity).toBe(3);
    await call("calendars_update_resource", {
      resourceType: "equipments",
      resourceId: resource.id,
      more: { outOfService: 1 },
    });
    const read = await call<{ resource: { outOfService: number } }>("calendars_get_resource", {
      resourceType: "equipments",
      resourceId: resource.id,
    });
    expect(read.resource.outOfService).toBe(1);
    await call("calendars_delete_resource", {
      resourceType: "equipments",
      resourceId: resource.id,
    });
    expect(sandbox.store.calendarResources.has(resource.id)).toBe(false);
  });

  it("manages a user's availability schedule and applies it to a calendar", async () => {
    const diego = staff("Diego");
    const personal = calendarNamed("1:1 Personal Training");
    const { schedule } = await call<{ schedule: { id: string; rules: string[] } }>(
      "calendars_create_schedule",
      {
        userId: diego.id,
        name: "Evenings",
        timezone: "America/Chicago",
        rules: ["Mon-Fri 16:00-20:00", "Sat 08:00-10:00", "2026-12-24 09:00-12:00"],
      },
    );
    expect(schedule.rules).toEqual([
      "Mon-Fri 16:00-20:00",
      "Sat 08:00-10:00",
      "2026-12-24 09:00-12:00",
    ]);
    expect(sandbox.store.schedules.get(schedule.id)?.rules[0]).toEqual({
      type: "wday",
      day: "monday",
      intervals: [{ from: "16:00", to: "20:00" }],
    });

    await call("calendars_apply_schedule", { scheduleId: schedule.id, calendarId: personal.id });
    expect(sandbox.store.schedules.get(schedule.id)?.calendarIds).toEqual([personal.id]);
    const listed = await call<{ schedules: { id: string }[] }>("calendars_list_schedules", {
      userId: diego.id,
      calendarId: personal.id,
    });
    expect(listed.schedules.map((s) => s.id)).toEqual([schedule.id]);

    await call("calendars_update_schedule", {
      scheduleId: schedule.id,
      rules: ["Sun 10:00-11:00"],
    });
    const read = await call<{ schedule: { rules: string[] } }>("calendars_get_schedule", {
      scheduleId: schedule.id,
    });
    expect(read.schedule.rules).toEqual(["Sun 10:00-11:00"]);

    await call("calendars_remove_schedule_from_calendar", {
      scheduleId: schedule.id,
      calendarId: personal.id,
    });
    expect(sandbox.store.schedules.get(schedule.id)?.calendarIds).toEqual([]);
    await call("calendars_delete_schedule", { scheduleId: schedule.id });
    expect(sandbox.store.schedules.has(schedule.id)).toBe(false);
  });

  it("refuses a free-slot window over 31 days before calling GHL", async () => {
    const text = await refused("calendars_get_free_slots", {
      calendarId: calendarNamed("Free Intro Session").id,
      startDate: inDays(0),
      endDate: inDays(40),
    });
    expect(text).toContain("endDate");
    expect(text).toContain("31 days");
  });

  it("refuses to list events for nobody before calling GHL", async () => {
    const text = await refused("calendars_list_events", {
      startTime: inDays(0),
      endTime: inDays(1),
    });
    expect(text).toContain("calendarId");
  });

  it("refuses a start time without an offset before calling GHL", async () => {
    const text = await refused("calendars_create_appointment", {
      calendarId: calendarNamed("Free Intro Session").id,
      contactId: contactNamed("Jane", "Cooper").id,
      startTime: "2026-12-04T10:00:00",
    });
    expect(text).toContain("startTime");
  });

  it("refuses open hours it cannot read before calling GHL", async () => {
    const text = await refused("calendars_create", {
      name: "Broken",
      openHours: ["weekdays nine to five"],
    });
    expect(text).toContain("openHours.0");
  });

  it.each(allTools.filter((t) => t.toolset === "calendars").map((t) => t.name))(
    "refuses unknown arguments to %s with an isError naming them, sending nothing",
    async (name) => {
      const text = await refused(name, { notAnArgument: 1 });
      expect(text).toMatch(/notAnArgument/);
    },
  );
});
