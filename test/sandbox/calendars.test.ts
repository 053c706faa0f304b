import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact, type CallOptions } from "./http.js";

// Monday 2026-03-09, 10:00 in Chicago (CDT, -05:00): the seed's "today".
const NOW = Date.parse("2026-03-09T15:00:00Z");
const DAY = 86_400_000;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => NOW });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function api(method: string, path: string, options: CallOptions = {}) {
  return call(sandbox, method, path, { version: "2021-04-15", ...options });
}

function calendarNamed(name: string) {
  const calendar = [...sandbox.store.calendars.values()].find((c) => c.name === name);
  if (!calendar) throw new Error(`The seed has no calendar ${name}`);
  return calendar;
}

function staff(firstName: string) {
  const user = [...sandbox.store.users.values()].find((u) => u.firstName === firstName);
  if (!user) throw new Error(`The seed has no user ${firstName}`);
  return user;
}

/** Free slots of a calendar for the local days from `first` to `last` (YYYY-MM-DD, Chicago). */
async function freeSlots(calendarId: string, first: string, last = first, extra = "") {
  const start = Date.parse(`${first}T00:00:00-05:00`);
  const end = Date.parse(`${last}T23:59:59-05:00`);
  return api(
    "GET",
    `/calendars/${calendarId}/free-slots?startDate=${start}&endDate=${end}${extra}`,
  );
}

async function book(body: Record<string, unknown>) {
  const jane = seededContact(sandbox, "Jane", "Cooper");
  return api("POST", "/calendars/events/appointments", {
    body: { locationId: sandbox.locationId, contactId: jane.id, ...body },
  });
}

describe("free slots", () => {
  it("offers the open hours by slot, minus a blocked hour, keyed by local date", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const response = await freeSlots(personal.id, "2026-03-12");
    expect(response.status).toBe(200);
    const slots = response.body["2026-03-12"].slots as string[];
    expect(slots[0]).toBe("2026-03-12T06:00:00-05:00");
    expect(slots.at(-1)).toBe("2026-03-12T19:00:00-05:00");
    expect(slots).not.toContain("2026-03-12T12:00:00-05:00");
    expect(slots).toHaveLength(13);
  });

  it("carries a traceId beside the dates, as the platform's map does", async () => {
    const response = await freeSlots(calendarNamed("1:1 Personal Training").id, "2026-03-12");
    expect(typeof response.body.traceId).toBe("string");
  });

  it("never offers a slot that has already started", async () => {
    const response = await freeSlots(calendarNamed("1:1 Personal Training").id, "2026-03-09");
    expect(response.body["2026-03-09"].slots[0]).toBe("2026-03-09T10:00:00-05:00");
  });

  it("leaves out days the calendar is closed", async () => {
    const response = await freeSlots(
      calendarNamed("1:1 Personal Training").id,
      "2026-03-14",
      "2026-03-15",
    );
    expect(Object.keys(response.body).filter((key) => key !== "traceId")).toEqual(["2026-03-14"]);
  });

  it("keeps a team member's slots free of that member's appointments on any calendar", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const everyone = (await freeSlots(personal.id, "2026-03-10")).body["2026-03-10"].slots;
    const diego = (
      await freeSlots(personal.id, "2026-03-10", "2026-03-10", `&userId=${staff("Diego").id}`)
    ).body["2026-03-10"].slots;
    expect(everyone).toContain("2026-03-10T06:00:00-05:00");
    expect(diego).not.toContain("2026-03-10T06:00:00-05:00");
    expect(diego).not.toContain("2026-03-10T17:00:00-05:00");
    expect(diego).toContain("2026-03-10T16:00:00-05:00");
  });

  it("writes slots in the requested time zone", async () => {
    const response = await freeSlots(
      calendarNamed("1:1 Personal Training").id,
      "2026-03-12",
      "2026-03-12",
      "&timezone=America/Los_Angeles",
    );
    expect(response.body["2026-03-12"].slots[0]).toBe("2026-03-12T04:00:00-07:00");
  });

  it("refuses a window longer than 31 days", async () => {
    const response = await api(
      "GET",
      `/calendars/${calendarNamed("Free Intro Session").id}/free-slots?startDate=${NOW}&endDate=${NOW + 32 * DAY}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Date range cannot be more than 31 days");
  });

  it("refuses a time zone that does not exist", async () => {
    const response = await freeSlots(
      calendarNamed("Free Intro Session").id,
      "2026-03-10",
      "2026-03-10",
      "&timezone=Mars/Olympus",
    );
    expect(response.status).toBe(400);
  });

  it("keeps a class slot open until its seats are taken", async () => {
    const hiit = calendarNamed("Saturday Small-Group HIIT");
    const before = await freeSlots(hiit.id, "2026-03-14");
    expect(before.body["2026-03-14"].slots).toEqual(["2026-03-14T09:00:00-05:00"]);

    for (const [first, last] of [
      ["Jane", "Cooper"],
      ["Robert", "Chen"],
      ["Maria", "Gonzalez"],
      ["Jane", "Doe"],
    ] as const) {
      const contact = seededContact(sandbox, first, last);
      const booked = await book({
        calendarId: hiit.id,
        contactId: contact.id,
        startTime: "2026-03-14T09:00:00-05:00",
      });
      expect(booked.status).toBe(200);
    }
    const after = await freeSlots(hiit.id, "2026-03-14");
    expect(after.body["2026-03-14"]).toBeUndefined();
  });
});

describe("appointments", () => {
  it("books a free slot, assigning the free team member with the best priority", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const response = await book({
      calendarId: personal.id,
      startTime: "2026-03-12T15:00:00Z",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      calendarId: personal.id,
      startTime: "2026-03-12T10:00:00-05:00",
      endTime: "2026-03-12T11:00:00-05:00",
      appointmentStatus: "confirmed",
      assignedUserId: staff("Priya").id,
      title: "1:1 Personal Training: Jane Cooper",
    });
    expect(response.body.event).toBeUndefined();
  });

  it("returns an appointment wrapped in event when read back", async () => {
    const { body } = await book({
      calendarId: calendarNamed("Free Intro Session").id,
      startTime: "2026-03-10T13:00:00-05:00",
      title: "Intro with Jane",
    });
    const read = await api("GET", `/calendars/events/appointments/${body.id}`);
    expect(read.body.event).toMatchObject({ id: body.id, title: "Intro with Jane" });
  });

  it("shows a new appointment among the contact's appointments", async () => {
    const { body } = await book({
      calendarId: calendarNamed("Free Intro Session").id,
      startTime: "2026-03-10T13:00:00-05:00",
    });
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const listed = await call(sandbox, "GET", `/contacts/${jane.id}/appointments`);
    expect(listed.body.events.map((e: { id: string }) => e.id)).toContain(body.id);
  });

  it("refuses a blocked slot unless free-slot validation is skipped", async () => {
    const calendarId = calendarNamed("1:1 Personal Training").id;
    const refused = await book({ calendarId, startTime: "2026-03-12T12:00:00-05:00" });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe("The slot you have selected is no longer available.");

    const forced = await book({
      calendarId,
      startTime: "2026-03-12T12:00:00-05:00",
      ignoreFreeSlotValidation: true,
    });
    expect(forced.status).toBe(200);
  });

  it("refuses a time outside the open hours", async () => {
    const response = await book({
      calendarId: calendarNamed("Free Intro Session").id,
      startTime: "2026-03-15T13:00:00-05:00",
    });
    expect(response.status).toBe(400);
  });

  it("refuses a time between two slot starts", async () => {
    const response = await book({
      calendarId: calendarNamed("1:1 Personal Training").id,
      startTime: "2026-03-12T10:30:00-05:00",
    });
    expect(response.status).toBe(400);
  });

  it("refuses a slot the asked-for trainer is already booked in", async () => {
    const response = await book({
      calendarId: calendarNamed("1:1 Personal Training").id,
      startTime: "2026-03-10T06:00:00-05:00",
      assignedUserId: staff("Diego").id,
    });
    expect(response.status).toBe(400);
  });

  it("refuses an unknown calendar", async () => {
    const response = await book({ calendarId: "nope", startTime: "2026-03-12T10:00:00-05:00" });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Calendar with id nope not found");
  });

  it("reschedules into a free slot, and refuses a taken one", async () => {
    const calendarId = calendarNamed("1:1 Personal Training").id;
    const { body } = await book({ calendarId, startTime: "2026-03-12T10:00:00-05:00" });

    const moved = await api("PUT", `/calendars/events/appointments/${body.id}`, {
      body: { startTime: "2026-03-12T14:00:00-05:00" },
    });
    expect(moved.body).toMatchObject({
      startTime: "2026-03-12T14:00:00-05:00",
      endTime: "2026-03-12T15:00:00-05:00",
    });

    const taken = await api("PUT", `/calendars/events/appointments/${body.id}`, {
      body: { startTime: "2026-03-12T12:00:00-05:00" },
    });
    expect(taken.status).toBe(400);
  });

  it("gives a cancelled appointment's slot back", async () => {
    const personal = calendarNamed("1:1 Personal Training").id;
    const robert = seededContact(sandbox, "Robert", "Chen");
    const session = [...sandbox.store.appointments.values()].find(
      (a) => a.contactId === robert.id,
    )!;
    const diego = `&userId=${staff("Diego").id}`;
    const before = await freeSlots(personal, "2026-03-10", "2026-03-10", diego);
    expect(before.body["2026-03-10"].slots).not.toContain("2026-03-10T06:00:00-05:00");

    const cancelled = await api("PUT", `/calendars/events/appointments/${session.id}`, {
      body: { appointmentStatus: "cancelled" },
    });
    expect(cancelled.body.appointmentStatus).toBe("cancelled");
    const after = await freeSlots(personal, "2026-03-10", "2026-03-10", diego);
    expect(after.body["2026-03-10"].slots).toContain("2026-03-10T06:00:00-05:00");
  });

  it("deletes an appointment with its notes through the events route, answering 201", async () => {
    const { body } = await book({
      calendarId: calendarNamed("Free Intro Session").id,
      startTime: "2026-03-10T13:00:00-05:00",
    });
    await api("POST", `/calendars/appointments/${body.id}/notes`, {
      body: { body: "Bring shoes" },
    });

    const deleted = await api("DELETE", `/calendars/events/${body.id}`, { body: {} });
    expect(deleted.status).toBe(201);
    expect(deleted.body).toEqual({ succeeded: true });
    expect(sandbox.store.appointments.has(body.id)).toBe(false);
    expect([...sandbox.store.appointmentNotes.values()]).toHaveLength(0);
  });

  it("lists events in a window for a calendar, a user or a group, oldest first", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const window = `startTime=${NOW}&endTime=${NOW + 7 * DAY}&locationId=${sandbox.locationId}`;
    const byCalendar = await api("GET", `/calendars/events?${window}&calendarId=${personal.id}`);
    const starts = byCalendar.body.events.map((e: { startTime: string }) => e.startTime);
    expect(starts).toEqual([
      "2026-03-10T06:00:00-05:00",
      "2026-03-11T07:00:00-05:00",
      "2026-03-13T18:00:00-05:00",
    ]);

    const byUser = await api("GET", `/calendars/events?${window}&userId=${staff("Diego").id}`);
    expect(byUser.body.events).toHaveLength(3);
    const byGroup = await api("GET", `/calendars/events?${window}&groupId=${personal.groupId}`);
    expect(byGroup.body.events.length).toBeGreaterThan(starts.length);
  });

  it("refuses to list events without a calendar, user or group", async () => {
    const response = await api(
      "GET",
      `/calendars/events?startTime=${NOW}&endTime=${NOW + DAY}&locationId=${sandbox.locationId}`,
    );
    expect(response.status).toBe(400);
  });
});

describe("blocked slots", () => {
  it("blocks, lists, moves and deletes time on a calendar", async () => {
    const intro = calendarNamed("Free Intro Session");
    const created = await api("POST", "/calendars/events/block-slots", {
      body: {
        locationId: sandbox.locationId,
        calendarId: intro.id,
        title: "Deep clean",
        startTime: "2026-03-10T12:00:00-05:00",
        endTime: "2026-03-10T14:00:00-05:00",
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const slots = (await freeSlots(intro.id, "2026-03-10")).body["2026-03-10"].slots;
    expect(slots[0]).toBe("2026-03-10T14:00:00-05:00");

    const listed = await api(
      "GET",
      `/calendars/blocked-slots?locationId=${sandbox.locationId}&calendarId=${intro.id}&startTime=${NOW}&endTime=${NOW + 2 * DAY}`,
    );
    expect(listed.body.events.map((e: { id: string }) => e.id)).toEqual([id]);

    const moved = await api("PUT", `/calendars/events/block-slots/${id}`, {
      body: {
        locationId: sandbox.locationId,
        calendarId: intro.id,
        startTime: "2026-03-11T12:00:00-05:00",
        endTime: "2026-03-11T13:00:00-05:00",
      },
    });
    expect(moved.body).toMatchObject({
      title: "Deep clean",
      startTime: "2026-03-11T12:00:00-05:00",
    });

    const deleted = await api("DELETE", `/calendars/events/${id}`, { body: {} });
    expect(deleted.status).toBe(201);
    expect(sandbox.store.blockedSlots.has(id)).toBe(false);
  });

  it("refuses a block that names both a calendar and a user", async () => {
    const response = await api("POST", "/calendars/events/block-slots", {
      body: {
        locationId: sandbox.locationId,
        calendarId: calendarNamed("Free Intro Session").id,
        assignedUserId: staff("Diego").id,
        startTime: "2026-03-10T12:00:00-05:00",
        endTime: "2026-03-10T14:00:00-05:00",
      },
    });
    expect(response.status).toBe(400);
  });
});

describe("appointment notes", () => {
  it("adds, pages, edits and deletes an appointment's notes", async () => {
    const appointment = [...sandbox.store.appointments.values()][0]!;
    const path = `/calendars/appointments/${appointment.id}/notes`;
    for (const text of ["one", "two", "three"]) {
      const created = await api("POST", path, { body: { body: text } });
      expect(created.status).toBe(201);
      expect(created.body.note).toMatchObject({ body: text, contactId: appointment.contactId });
    }

    const first = await api("GET", `${path}?limit=2&offset=0`);
    expect(first.body).toMatchObject({ hasMore: true });
    expect(first.body.notes).toHaveLength(2);
    const rest = await api("GET", `${path}?limit=2&offset=2`);
    expect(rest.body).toMatchObject({ hasMore: false });

    const id = rest.body.notes[0].id as string;
    const edited = await api("PUT", `${path}/${id}`, { body: { body: "edited" } });
    expect(edited.body.note.body).toBe("edited");
    expect((await api("DELETE", `${path}/${id}`)).body).toEqual({ success: true });
    expect(sandbox.store.appointmentNotes.has(id)).toBe(false);
  });

  it("refuses more than 20 notes a page", async () => {
    const appointment = [...sandbox.store.appointments.values()][0]!;
    const response = await api(
      "GET",
      `/calendars/appointments/${appointment.id}/notes?limit=21&offset=0`,
    );
    expect(response.status).toBe(422);
  });
});

describe("calendar notifications", () => {
  it("creates from an array, reads, updates and soft-deletes notifications", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const path = `/calendars/${personal.id}/notifications`;
    expect((await api("GET", path)).body).toHaveLength(2);

    const created = await api("POST", path, {
      body: [
        {
          receiverType: "assignedUser",
          channel: "email",
          notificationType: "booked",
          subject: "New booking",
        },
      ],
    });
    expect(created.status).toBe(200);
    const id = created.body[0]._id as string;
    expect((await api("GET", `${path}/${id}`)).body).toMatchObject({ _id: id, isActive: true });

    const updated = await api("PUT", `${path}/${id}`, { body: { isActive: false } });
    expect(typeof updated.body.message).toBe("string");
    expect(sandbox.store.calendarNotifications.get(id)?.isActive).toBe(false);

    await api("DELETE", `${path}/${id}`);
    expect(sandbox.store.calendarNotifications.get(id)?.deleted).toBe(true);
    expect((await api("GET", path)).body).toHaveLength(2);
    expect((await api("GET", `${path}?deleted=true`)).body).toHaveLength(1);
  });

  it("refuses a notification array whose item lacks a channel", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const response = await api("POST", `/calendars/${personal.id}/notifications`, {
      body: [{ receiverType: "contact", notificationType: "booked" }],
    });
    expect(response.status).toBe(422);
  });
});

describe("rooms and equipment", () => {
  it("lists the seeded room and equipment by type", async () => {
    const query = `locationId=${sandbox.locationId}&limit=10&skip=0`;
    const rooms = await api("GET", `/calendars/resources/rooms?${query}`);
    expect(rooms.body.map((r: { name: string }) => r.name)).toEqual(["Recovery Room"]);
    const equipment = await api("GET", `/calendars/resources/equipments?${query}`);
    expect(equipment.body.map((r: { name: string }) => r.name)).toEqual(["Massage Table"]);
  });

  it("creates, reads, updates and deletes a room", async () => {
    const massage = calendarNamed("Sports Massage");
    const created = await api("POST", "/calendars/resources/rooms", {
      body: {
        locationId: sandbox.locationId,
        name: "Stretch Studio",
        description: "Mats and foam rollers",
        quantity: 1,
        outOfService: 0,
        capacity: 6,
        calendarIds: [massage.id],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await api("GET", `/calendars/resources/rooms/${id}`)).body.capacity).toBe(6);

    const updated = await api("PUT", `/calendars/resources/rooms/${id}`, { body: { capacity: 8 } });
    expect(updated.body).toMatchObject({ capacity: 8, resourceType: "rooms" });
    expect((await api("DELETE", `/calendars/resources/rooms/${id}`)).body).toEqual({
      success: true,
    });
    expect(sandbox.store.calendarResources.has(id)).toBe(false);
  });

  it("maps equipment to one service calendar at most, and rooms only to service calendars", async () => {
    const massage = calendarNamed("Sports Massage");
    const intro = calendarNamed("Free Intro Session");
    const base = {
      locationId: sandbox.locationId,
      description: "",
      quantity: 1,
      outOfService: 0,
      capacity: 1,
    };
    const twice = await api("POST", "/calendars/resources/equipments", {
      body: { ...base, name: "Foam roller", calendarIds: [massage.id, intro.id] },
    });
    expect(twice.status).toBe(400);
    const notService = await api("POST", "/calendars/resources/rooms", {
      body: { ...base, name: "Lobby", calendarIds: [intro.id] },
    });
    expect(notService.status).toBe(400);
  });

  it("reads a resource only under its own type", async () => {
    const room = [...sandbox.store.calendarResources.values()].find(
      (r) => r.resourceType === "rooms",
    )!;
    expect((await api("GET", `/calendars/resources/equipments/${room.id}`)).status).toBe(400);
  });
});

describe("groups", () => {
  it("creates a group, refuses its slug twice, edits, disables and deletes it", async () => {
    const body = {
      locationId: sandbox.locationId,
      name: "Recovery",
      description: "",
      slug: "recovery",
    };
    const created = await api("POST", "/calendars/groups", { body });
    expect(created.status).toBe(201);
    const id = created.body.group.id as string;
    expect((await api("POST", "/calendars/groups", { body })).status).toBe(400);
    const check = await api("POST", "/calendars/groups/validate-slug", {
      body: { locationId: sandbox.locationId, slug: "recovery" },
    });
    expect(check.body).toEqual({ available: false });

    const edited = await api("PUT", `/calendars/groups/${id}`, {
      body: { name: "Recovery & Massage", description: "Soft tissue work", slug: "recovery" },
    });
    expect(edited.body.group.name).toBe("Recovery & Massage");
    await api("PUT", `/calendars/groups/${id}/status`, { body: { isActive: false } });
    expect(sandbox.store.calendarGroups.get(id)?.isActive).toBe(false);
    expect((await api("DELETE", `/calendars/groups/${id}`)).body).toEqual({ success: true });
  });

  it("leaves a deleted group's calendars in place, ungrouped", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    await api("DELETE", `/calendars/groups/${personal.groupId}`);
    expect(sandbox.store.calendars.get(personal.id)?.groupId).toBeUndefined();
  });
});

describe("calendars", () => {
  it("lists the studio's calendars and reads one with its open hours", async () => {
    const list = await api("GET", `/calendars/?locationId=${sandbox.locationId}`);
    expect(list.body.calendars).toHaveLength(4);
    const personal = calendarNamed("1:1 Personal Training");
    const read = await api("GET", `/calendars/${personal.id}`);
    expect(read.body.calendar).toMatchObject({
      id: personal.id,
      slotDuration: 60,
      openHours: [
        {
          daysOfTheWeek: [1, 2, 3, 4, 5],
          hours: [{ openHour: 6, openMinute: 0, closeHour: 20, closeMinute: 0 }],
        },
        {
          daysOfTheWeek: [6],
          hours: [{ openHour: 8, openMinute: 0, closeHour: 14, closeMinute: 0 }],
        },
      ],
    });
  });

  it("creates a calendar whose open hours and interval make its slots", async () => {
    const created = await api("POST", "/calendars/", {
      body: {
        locationId: sandbox.locationId,
        name: "Nutrition Check-in",
        calendarType: "personal",
        teamMembers: [{ userId: staff("Hannah").id }],
        slotDuration: 20,
        slotInterval: 30,
        openHours: [
          {
            daysOfTheWeek: [2],
            hours: [{ openHour: 9, openMinute: 0, closeHour: 10, closeMinute: 0 }],
          },
        ],
        autoConfirm: false,
      },
    });
    expect(created.status).toBe(200);
    const calendar = created.body.calendar;
    expect(calendar).toMatchObject({ slug: "nutrition-check-in", autoConfirm: false });
    const slots = await freeSlots(calendar.id, "2026-03-10");
    expect(slots.body["2026-03-10"].slots).toEqual([
      "2026-03-10T09:00:00-05:00",
      "2026-03-10T09:30:00-05:00",
    ]);
    const booked = await book({ calendarId: calendar.id, startTime: "2026-03-10T09:30:00-05:00" });
    expect(booked.body).toMatchObject({
      appointmentStatus: "new",
      endTime: "2026-03-10T09:50:00-05:00",
    });
  });

  it("refuses a personal calendar with two team members, and a round robin with none", async () => {
    const body = { locationId: sandbox.locationId, name: "Duo" };
    const members = [{ userId: staff("Hannah").id }, { userId: staff("Diego").id }];
    const personal = await api("POST", "/calendars/", {
      body: { ...body, calendarType: "personal", teamMembers: members },
    });
    expect(personal.status).toBe(422);
    const roundRobin = await api("POST", "/calendars/", {
      body: { ...body, calendarType: "round_robin" },
    });
    expect(roundRobin.status).toBe(422);
    expect(sandbox.store.calendars.size).toBe(4);
  });

  it("leaves a calendar untouched when an update is refused", async () => {
    const intro = calendarNamed("Free Intro Session");
    const response = await api("PUT", `/calendars/${intro.id}`, {
      body: { name: "Renamed", groupId: "missing" },
    });
    expect(response.status).toBe(400);
    expect(sandbox.store.calendars.get(intro.id)?.name).toBe("Free Intro Session");
  });

  it("updates settings it does not model, and returns them", async () => {
    const intro = calendarNamed("Free Intro Session");
    const response = await api("PUT", `/calendars/${intro.id}`, {
      body: { allowReschedule: false, slotDuration: 45 },
    });
    expect(response.body.calendar).toMatchObject({ allowReschedule: false, slotDuration: 45 });
  });

  it("deletes a calendar with its appointments, blocked slots and notifications", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const jane = seededContact(sandbox, "Jane", "Cooper");
    expect((await api("DELETE", `/calendars/${personal.id}`)).body).toEqual({ success: true });

    const { store } = sandbox;
    expect([...store.appointments.values()].some((a) => a.calendarId === personal.id)).toBe(false);
    expect([...store.blockedSlots.values()].some((b) => b.calendarId === personal.id)).toBe(false);
    expect(
      [...store.calendarNotifications.values()].some((n) => n.calendarId === personal.id),
    ).toBe(false);
    const contactAppointments = await call(sandbox, "GET", `/contacts/${jane.id}/appointments`);
    expect(contactAppointments.body.events).toHaveLength(0);
  });

  it("takes a deleted service calendar off its rooms and equipment", async () => {
    const massage = calendarNamed("Sports Massage");
    await api("DELETE", `/calendars/${massage.id}`);
    for (const resource of sandbox.store.calendarResources.values()) {
      expect(resource.calendarIds).not.toContain(massage.id);
    }
  });
});

describe("availability schedules", () => {
  it("lets a team member's schedule replace the calendar's hours for that member", async () => {
    const massage = calendarNamed("Sports Massage");
    const response = await freeSlots(massage.id, "2026-03-10");
    expect(response.body["2026-03-10"].slots).toEqual(
      [12, 13, 14, 15, 16, 17].map((hour) => `2026-03-10T${hour}:00:00-05:00`),
    );
  });

  it("creates a schedule, applies it to a calendar and takes it off again", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const diego = staff("Diego");
    const created = await api("POST", "/calendars/schedules", {
      body: {
        locationId: sandbox.locationId,
        userId: diego.id,
        name: "Evenings",
        timezone: "America/Chicago",
        rules: [{ type: "wday", day: "wednesday", intervals: [{ from: "16:00", to: "18:00" }] }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.schedule.id as string;
    const diegoOnly = `&userId=${diego.id}`;

    await api("PUT", `/calendars/schedules/${id}/associations/${personal.id}`);
    const applied = await freeSlots(personal.id, "2026-03-11", "2026-03-11", diegoOnly);
    expect(applied.body["2026-03-11"].slots).toEqual([
      "2026-03-11T16:00:00-05:00",
      "2026-03-11T17:00:00-05:00",
    ]);
    const everyone = await freeSlots(personal.id, "2026-03-11");
    expect(everyone.body["2026-03-11"].slots).toContain("2026-03-11T09:00:00-05:00");

    await api("DELETE", `/calendars/schedules/${id}/associations/${personal.id}`);
    const removed = await freeSlots(personal.id, "2026-03-11", "2026-03-11", diegoOnly);
    expect(removed.body["2026-03-11"].slots).toContain("2026-03-11T09:00:00-05:00");
  });

  it("finds a user's schedules, optionally by calendar", async () => {
    const hannah = staff("Hannah");
    const massage = calendarNamed("Sports Massage");
    const base = `/calendars/schedules/search?locationId=${sandbox.locationId}&userId=${hannah.id}`;
    expect((await api("GET", base)).body.schedules).toHaveLength(1);
    const byCalendar = await api(
      "GET",
      `${base}&calendarId=${calendarNamed("Free Intro Session").id}`,
    );
    expect(byCalendar.body.schedules).toHaveLength(0);
    const schedule = (await api("GET", `${base}&calendarId=${massage.id}`)).body.schedules[0];
    expect(schedule).toMatchObject({ name: "Massage afternoons", calendarIds: [massage.id] });
  });

  it("updates a schedule's rules and deletes it for good", async () => {
    const schedule = [...sandbox.store.schedules.values()][0]!;
    const updated = await api("PUT", `/calendars/schedules/${schedule.id}`, {
      body: {
        rules: [{ type: "date", date: "2026-03-12", intervals: [{ from: "10:00", to: "11:00" }] }],
      },
    });
    expect(updated.body.schedule.rules).toHaveLength(1);
    const slots = await freeSlots(calendarNamed("Sports Massage").id, "2026-03-10", "2026-03-12");
    expect(Object.keys(slots.body).filter((key) => key !== "traceId")).toEqual(["2026-03-12"]);

    expect((await api("DELETE", `/calendars/schedules/${schedule.id}`)).body).toEqual({
      success: true,
    });
    expect((await api("GET", `/calendars/schedules/${schedule.id}`)).status).toBe(404);
  });

  it("refuses an interval that ends before it starts", async () => {
    const response = await api("POST", "/calendars/schedules", {
      body: {
        locationId: sandbox.locationId,
        userId: staff("Diego").id,
        name: "Backwards",
        timezone: "America/Chicago",
        rules: [{ type: "wday", day: "monday", intervals: [{ from: "17:00", to: "09:00" }] }],
      },
    });
    expect(response.status).toBe(422);
  });

  it("drops a deleted calendar from the schedules applied to it", async () => {
    const massage = calendarNamed("Sports Massage");
    await api("DELETE", `/calendars/${massage.id}`);
    for (const schedule of sandbox.store.schedules.values()) {
      expect(schedule.calendarIds).not.toContain(massage.id);
    }
  });
});
