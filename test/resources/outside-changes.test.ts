// The sandbox's changes "from outside", as a person in the GoHighLevel app makes them: each is
// visible through the API at once and moves the record's dateUpdated, which is what polling sees.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call } from "../sandbox/http.js";

let sandbox: Sandbox;
let clock = Date.parse("2026-12-01T15:00:00Z");
beforeAll(async () => {
  sandbox = await startSandbox({ now: () => clock });
});
afterAll(() => sandbox.close());

const someone = () => [...sandbox.store.contacts.values()][0]!;

describe("changes made from outside", () => {
  it("updates a contact and stamps dateUpdated with the sandbox clock", async () => {
    clock += 60_000;
    const contact = sandbox.outside.updateContact(someone().id, { city: "Evanston" });
    expect(contact.dateUpdated).toBe(new Date(clock).toISOString());
    const read = await call(sandbox, "GET", `/contacts/${contact.id}`);
    expect(read.body.contact).toMatchObject({ city: "Evanston", dateUpdated: contact.dateUpdated });
  });

  it("adds a contact that contact search finds", async () => {
    const added = sandbox.outside.addContact({ firstName: "Maya", lastName: "Lindqvist" });
    const found = await call(sandbox, "POST", "/contacts/search", {
      body: { locationId: sandbox.locationId, query: "Lindqvist", pageLimit: 10 },
    });
    expect(found.body.contacts.map((c: { id: string }) => c.id)).toEqual([added.id]);
  });

  it("adds and completes a task", async () => {
    const task = sandbox.outside.addTask(someone().id, {
      title: "Call back",
      dueDate: "2026-12-02T15:00:00.000Z",
    });
    clock += 60_000;
    sandbox.outside.updateTask(task.id, { completed: true });
    const read = await call(sandbox, "GET", `/contacts/${someone().id}/tasks/${task.id}`);
    expect(read.body.task).toMatchObject({ title: "Call back", completed: true });
    expect(sandbox.store.tasks.get(task.id)?.dateUpdated).toBe(new Date(clock).toISOString());
  });

  it("books, moves and cancels an appointment", async () => {
    const calendar = [...sandbox.store.calendars.values()][0]!;
    const booked = sandbox.outside.bookAppointment({
      calendarId: calendar.id,
      contactId: someone().id,
      startTime: "2026-12-03T10:00:00-06:00",
      endTime: "2026-12-03T11:00:00-06:00",
    });
    sandbox.outside.moveAppointment(
      booked.id,
      "2026-12-04T10:00:00-06:00",
      "2026-12-04T11:00:00-06:00",
    );
    sandbox.outside.cancelAppointment(booked.id);
    const read = await call(sandbox, "GET", `/contacts/${someone().id}/appointments`);
    expect(read.body.events.find((e: { id: string }) => e.id === booked.id)).toMatchObject({
      startTime: "2026-12-04T10:00:00-06:00",
      appointmentStatus: "cancelled",
    });
  });

  it("refuses to change a record that does not exist", () => {
    expect(() => sandbox.outside.updateTask("nope", { completed: true })).toThrow(/No task nope/);
  });
});
