// Subscriptions over real stdio with every client generation: the 2026-07-28 client listens on a
// subscriptions/listen stream, older clients use resources/subscribe. A person changes data in
// the GoHighLevel app (the sandbox, from outside), the server's polling notices, and the client
// hears notifications/resources/updated or .../list_changed. The server polls every few hundred
// milliseconds here (a runtime option for tests; people choose 1 to 15 minutes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { CLIENT_KINDS, againstSandbox } from "../support/mcp-clients.js";
import {
  POLL_MS,
  connectForResources,
  eventually,
  pause,
  type ResourceClient,
} from "../resources/clients.js";

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
const countOf = (client: ResourceClient, uri: string) =>
  client.updates.filter((updated) => updated === uri).length;

/** 10:00 in Chicago (standard time, -06:00) some days from now, as the app would book it. */
const studioTime = (days: number, hour: number) => {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(
    Date.now() + days * 86_400_000,
  );
  const offset = new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Chicago",
    timeZoneName: "longOffset",
  })
    .formatToParts(Date.parse(`${day}T12:00:00Z`))
    .find((part) => part.type === "timeZoneName")!
    .value.replace("GMT", "");
  return `${day}T${String(hour).padStart(2, "0")}:00:00${offset}`;
};

describe.each(CLIENT_KINDS)("subscriptions with the %s client", (kind) => {
  let client: ResourceClient;
  beforeAll(async () => {
    sandbox.reset();
    client = await connectForResources(kind, againstSandbox(sandbox), { fastPolling: true });
  });
  afterAll(() => client.close());

  it("hears when a subscribed contact is changed in GoHighLevel", async () => {
    const jane = contactNamed("Jane", "Cooper");
    const uri = `${base()}/contacts/${jane.id}`;
    const unsubscribe = await client.subscribe(uri);

    await pause(POLL_MS * 3);
    expect(countOf(client, uri)).toBe(0);

    sandbox.outside.updateContact(jane.id, { city: "Evanston" });
    await eventually(() => countOf(client, uri) === 1, "resources/updated for the contact");
    expect((await client.read<{ contact: { city: string } }>(uri)).contact.city).toBe("Evanston");
    await unsubscribe();
  });

  it("hears when a task is completed, and when a task becomes due with nothing edited", async () => {
    const robert = contactNamed("Robert", "Chen");
    const uri = `${base()}/contacts/${robert.id}/tasks`;
    const soon = sandbox.outside.addTask(robert.id, {
      title: "Text him the new program",
      dueDate: new Date(Date.now() + 2_000).toISOString(),
    });
    const unsubscribe = await client.subscribe(uri);
    expect(countOf(client, uri)).toBe(0);

    // Only the clock moves: the task goes from "due soon" to "overdue".
    await eventually(() => countOf(client, uri) === 1, "the task becoming overdue");
    const read = await client.read<{ tasks: { id: string; status: string }[] }>(uri);
    expect(read.tasks.find((t) => t.id === soon.id)?.status).toBe("overdue");

    sandbox.outside.updateTask(soon.id, { completed: true });
    await eventually(() => countOf(client, uri) === 2, "the task being completed");
    await unsubscribe();
  });

  it("hears when tasks due across the location change", async () => {
    const uri = `${base()}/tasks/due`;
    const unsubscribe = await client.subscribe(uri);
    const overdue = [...sandbox.store.tasks.values()].find(
      (t) => !t.completed && Date.parse(t.dueDate) < Date.now(),
    )!;
    sandbox.outside.updateTask(overdue.id, { completed: true });
    await eventually(() => countOf(client, uri) === 1, "the overdue task leaving tasks/due");
    await unsubscribe();
  });

  it("hears when appointments are added, moved and cancelled", async () => {
    const calendar = calendarNamed("1:1 Personal Training");
    const maria = contactNamed("Maria", "Gonzalez");
    const week = `${base()}/calendars/${calendar.id}/events`;
    const hers = `${base()}/contacts/${maria.id}/appointments`;
    const stopWeek = await client.subscribe(week);
    const stopHers = await client.subscribe(hers);

    const booked = sandbox.outside.bookAppointment({
      calendarId: calendar.id,
      contactId: maria.id,
      startTime: studioTime(2, 10),
      endTime: studioTime(2, 11),
    });
    await eventually(() => countOf(client, week) === 1 && countOf(client, hers) === 1, "added");

    sandbox.outside.moveAppointment(booked.id, studioTime(3, 10), studioTime(3, 11));
    await eventually(() => countOf(client, week) === 2 && countOf(client, hers) === 2, "moved");

    sandbox.outside.cancelAppointment(booked.id);
    await eventually(() => countOf(client, week) === 3 && countOf(client, hers) === 3, "cancelled");
    const read = await client.read<{ events: { id: string; appointmentStatus: string }[] }>(week);
    expect(read.events.find((e) => e.id === booked.id)?.appointmentStatus).toBe("cancelled");
    await stopWeek();
    await stopHers();
  });

  it("hears that the resource list changed when a contact is added", async () => {
    const stop = await client.watchList();
    const before = client.listChanges;
    sandbox.outside.addContact({ firstName: "Maya", lastName: "Lindqvist" });
    await eventually(() => client.listChanges > before, "notifications/resources/list_changed");
    await stop();
  });

  it.runIf(kind !== "current (2026-07-28)")(
    "refuses resources/subscribe to a contact that does not exist",
    async () => {
      await expect(client.subscribe(`${base()}/contacts/nobody0000000000000`)).rejects.toThrow(
        /not found/i,
      );
    },
  );
});

describe.each(CLIENT_KINDS)("polling with the %s client", (kind) => {
  it("stops asking GoHighLevel once nobody listens", async () => {
    sandbox.reset();
    const client = await connectForResources(kind, againstSandbox(sandbox), {
      fastPolling: true,
    });
    try {
      const jane = contactNamed("Jane", "Cooper");
      const unsubscribe = await client.subscribe(`${base()}/contacts/${jane.id}`);
      const subscribed = sandbox.requests.length;
      await pause(POLL_MS * 4);
      expect(sandbox.requests.length).toBeGreaterThan(subscribed);

      await unsubscribe();
      await pause(POLL_MS * 2);
      const quiet = sandbox.requests.length;
      await pause(POLL_MS * 6);
      expect(sandbox.requests.length).toBe(quiet);
    } finally {
      await client.close();
    }
  });
});
