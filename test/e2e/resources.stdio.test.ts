// Contacts and calendars as resources over real stdio, with every client generation: what
// resources/list shows and how it pages, what each resource reads as, the templates, and what
// completion offers for contact ids, calendar ids and days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLIENT_KINDS, againstSandbox } from "../support/mcp-clients.js";
import { connectForResources, type Listed, type ResourceClient } from "../resources/clients.js";

type Json = Record<string, unknown>;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const base = () => `ghl://locations/${sandbox.locationId}`;
const contactNamed = (first: string, last: string) =>
  [...sandbox.store.contacts.values()].find((c) => c.firstName === first && c.lastName === last)!;
const calendarNamed = (name: string) =>
  [...sandbox.store.calendars.values()].find((c) => c.name === name)!;
const studioDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(
    Date.now() + offsetDays * 86_400_000,
  );

/** What a task's status should read now: the seed's due dates are relative to the clock. */
const expectedStatus = (task: { completed: boolean; dueDate: string }) => {
  const due = Date.parse(task.dueDate);
  if (task.completed) return "completed";
  if (due < Date.now()) return "overdue";
  return due - Date.now() <= 86_400_000 ? "due soon" : "open";
};
const tasksOf = (contactId: string) =>
  [...sandbox.store.tasks.values()].filter((t) => t.contactId === contactId);

const CONTACT_TEMPLATE = "ghl://locations/{locationId}/contacts/{contactId}";
const SLOTS_TEMPLATE = "ghl://locations/{locationId}/calendars/{calendarId}/free-slots/{date}";
const EVENTS_TEMPLATE = "ghl://locations/{locationId}/calendars/{calendarId}/events{?from,to}";

describe.each(CLIENT_KINDS)("resources with the %s client", (kind) => {
  let client: ResourceClient;
  beforeAll(async () => {
    sandbox.reset();
    client = await connectForResources(kind, againstSandbox(sandbox));
  });
  afterAll(() => client.close());

  it("lists the calendars and the tasks due, then contacts most recently updated first", async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    const personal = calendarNamed("1:1 Personal Training");
    expect(uris).toContain(`${base()}/calendars`);
    expect(uris).toContain(`${base()}/calendars/${personal.id}`);
    expect(uris).toContain(`${base()}/calendars/${personal.id}/events`);
    expect(uris).toContain(`${base()}/tasks/due`);

    const contacts = resources.filter((r) => r.uri.startsWith(`${base()}/contacts/`));
    const updated = contacts.map((r) => sandbox.store.contacts.get(r.uri.split("/").pop()!)!);
    const newestFirst = [...updated].sort((a, b) => b.dateUpdated.localeCompare(a.dateUpdated));
    expect(updated.map((c) => c.id)).toEqual(newestFirst.map((c) => c.id));
    const jane = resources.find(
      (r) => r.uri === `${base()}/contacts/${contactNamed("Jane", "Cooper").id}`,
    );
    expect(jane).toMatchObject({ name: "Jane Cooper", mimeType: "application/json" });
  });

  it("pages the contacts behind the list cursor, each exactly once", async () => {
    for (let n = 0; n < 30; n += 1)
      sandbox.outside.addContact({ firstName: "Walk-in", lastName: `${n}` });
    const before = sandbox.requests.length;
    const seen: Listed[] = [];
    let cursor: string | undefined;
    do {
      // The current SDK walks the pages itself when asked without a cursor; 1.x returns one.
      const page = await client.listResources(cursor);
      seen.push(...page.resources.filter((r) => r.uri.startsWith(`${base()}/contacts/`)));
      cursor = page.nextCursor;
    } while (cursor);
    const searches = sandbox.requests
      .slice(before)
      .filter((r) => r.method === "POST" && r.path === "/contacts/search");
    expect(searches.length).toBeGreaterThan(1);
    expect(seen).toHaveLength(sandbox.store.contacts.size);
    expect(new Set(seen.map((r) => r.uri)).size).toBe(seen.length);
  });

  it("offers a template for every resource, all JSON", async () => {
    const templates = await client.listTemplates();
    expect(templates.map((t) => t.uriTemplate)).toEqual(
      expect.arrayContaining([
        CONTACT_TEMPLATE,
        `${CONTACT_TEMPLATE}/tasks`,
        `${CONTACT_TEMPLATE}/notes`,
        `${CONTACT_TEMPLATE}/appointments`,
        "ghl://locations/{locationId}/calendars",
        "ghl://locations/{locationId}/calendars/{calendarId}",
        EVENTS_TEMPLATE,
        SLOTS_TEMPLATE,
        "ghl://locations/{locationId}/tasks/due",
      ]),
    );
    for (const template of templates) expect(template.mimeType).toBe("application/json");
  });

  it("reads a contact with its open tasks, newest notes and upcoming appointments", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const uri = `${base()}/contacts/${jane.id}`;
    const raw = await client.readRaw(uri);
    expect(raw.contents[0]).toMatchObject({ uri, mimeType: "application/json" });

    const read = await client.read<{
      contact: Json;
      openTasks: Json[];
      recentNotes: Json[];
      upcomingAppointments: Json[];
    }>(uri);
    expect(read.contact).toMatchObject({ id: jane.id, name: "Jane Cooper" });
    const renewal = tasksOf(jane.id).find((t) => !t.completed)!;
    expect(read.openTasks).toEqual([
      expect.objectContaining({ id: renewal.id, status: expectedStatus(renewal) }),
    ]);
    expect(read.recentNotes[0]?.body).toMatch(/package ends next week/);
    expect(read.upcomingAppointments.length).toBeGreaterThan(0);
    for (const appointment of read.upcomingAppointments) {
      expect(Date.parse(String(appointment.startTime))).toBeGreaterThan(Date.now());
    }
  });

  it.runIf(kind === "current (2026-07-28)")(
    "gives 2026-07-28 clients cache hints, private to the credential",
    async () => {
      const jane = contactNamed("Jane", "Cooper");
      const contact = await client.readRaw(`${base()}/contacts/${jane.id}`);
      expect(contact).toMatchObject({ ttlMs: 30_000, cacheScope: "private" });
      const calendars = await client.readRaw(`${base()}/calendars`);
      expect(calendars).toMatchObject({ ttlMs: 300_000, cacheScope: "private" });
      expect(await client.listResources()).toMatchObject({ ttlMs: 60_000, cacheScope: "private" });
    },
  );

  it("reads a contact's tasks, notes and appointments on their own", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const tasks = await client.read<{ tasks: Json[] }>(`${base()}/contacts/${jane.id}/tasks`);
    expect(tasks.tasks.map((t) => t.status).sort()).toEqual(
      tasksOf(jane.id).map(expectedStatus).sort(),
    );
    const notes = await client.read<{ notes: Json[] }>(`${base()}/contacts/${jane.id}/notes`);
    expect(notes.notes).toHaveLength(2);
    const appointments = await client.read<{ appointments: Json[] }>(
      `${base()}/contacts/${jane.id}/appointments`,
    );
    expect(appointments.appointments).toHaveLength(3);
  });

  it("refuses a contact URI that names another location", async () => {
    const jane = contactNamed("Jane", "Cooper");
    await expect(client.read(`ghl://locations/elsewhere/contacts/${jane.id}`)).rejects.toThrow(
      /not in location elsewhere|No contact/,
    );
  });

  it("reads the calendars, one calendar, its coming week and a window of days", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const all = await client.read<{ calendars: Json[] }>(`${base()}/calendars`);
    expect(all.calendars.map((c) => c.name)).toContain("1:1 Personal Training");

    const one = await client.read<{ calendar: Json }>(`${base()}/calendars/${personal.id}`);
    expect(one.calendar).toMatchObject({ id: personal.id, slotDuration: 60 });

    const week = await client.read<{ from: string; to: string; events: Json[] }>(
      `${base()}/calendars/${personal.id}/events`,
    );
    expect(week.from).toBe(studioDay());
    expect(week.events.map((e) => e.title)).toContain("1:1 Personal Training: Robert Chen");

    const tomorrow = studioDay(1);
    const window = await client.read<{ events: Json[] }>(
      `${base()}/calendars/${personal.id}/events?from=${tomorrow}&to=${tomorrow}`,
    );
    const robert = contactNamed("Robert", "Chen");
    expect(window.events).toEqual([
      expect.objectContaining({ contactId: robert.id, contact: `${base()}/contacts/${robert.id}` }),
    ]);
  });

  it("refuses an appointment window that runs backwards", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    await expect(
      client.read(
        `${base()}/calendars/${personal.id}/events?from=${studioDay(3)}&to=${studioDay(1)}`,
      ),
    ).rejects.toThrow(/to: must not be before from/);
  });

  it("reads a calendar's free slots on a day", async () => {
    const personal = calendarNamed("1:1 Personal Training");
    const day = studioDay(1);
    const free = await client.read<{ date: string; timeZone: string; slots: string[] }>(
      `${base()}/calendars/${personal.id}/free-slots/${day}`,
    );
    expect(free).toMatchObject({ date: day, timeZone: "America/Chicago" });
    expect(free.slots.length).toBeGreaterThan(0);
    for (const slot of free.slots) expect(slot.startsWith(day)).toBe(true);
  });

  it("reads the tasks overdue or due within a day across the location, earliest first", async () => {
    const due = await client.read<{ tasks: Json[] }>(`${base()}/tasks/due`);
    const expected = [...sandbox.store.tasks.values()].filter((t) =>
      ["overdue", "due soon"].includes(expectedStatus(t)),
    );
    expect(due.tasks.map((t) => t.id).sort()).toEqual(expected.map((t) => t.id).sort());
    expect(due.tasks.map((t) => t.title)).toContain("Win-back call: 3 free sessions offer");
    expect(due.tasks[0]).toMatchObject({ status: "overdue" });
    const dueDates = due.tasks.map((t) => String(t.dueDate));
    expect(dueDates).toEqual([...dueDates].sort());
  });

  it('completes a contact id from a name: "Ja" offers both Janes', async () => {
    const ref = { type: "ref/resource" as const, uri: CONTACT_TEMPLATE };
    const values = await client.complete(ref, "contactId", "Ja");
    expect(values).toEqual(
      expect.arrayContaining([contactNamed("Jane", "Cooper").id, contactNamed("Jane", "Doe").id]),
    );
    expect(values).not.toContain(contactNamed("Robert", "Chen").id);
  });

  it("completes a calendar id from calendar names", async () => {
    const ref = { type: "ref/resource" as const, uri: SLOTS_TEMPLATE };
    expect(await client.complete(ref, "calendarId", "pers")).toEqual([
      calendarNamed("1:1 Personal Training").id,
    ]);
    expect(await client.complete(ref, "calendarId", "intro")).toEqual([
      calendarNamed("Free Intro Session").id,
    ]);
  });

  it("completes days from the studio's today, by date, weekday or word", async () => {
    const ref = { type: "ref/resource" as const, uri: SLOTS_TEMPLATE };
    const days = await client.complete(ref, "date", "");
    expect(days[0]).toBe(studioDay());
    expect(days).toHaveLength(14);
    expect(await client.complete(ref, "date", "tomorrow")).toEqual([studioDay(1)]);
    expect(await client.complete(ref, "date", studioDay(2))).toEqual([studioDay(2)]);

    const events = { type: "ref/resource" as const, uri: EVENTS_TEMPLATE };
    const to = await client.complete(events, "to", "", { from: studioDay(3) });
    expect(to[0]).toBe(studioDay(3));
  });
});
