import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

async function createContact(body: Record<string, unknown>) {
  return call(sandbox, "POST", "/contacts/", { body: { locationId: sandbox.locationId, ...body } });
}

describe("contacts", () => {
  it("creates, reads, updates and deletes a contact", async () => {
    const created = await createContact({
      firstName: "Ava",
      lastName: "Lindqvist",
      email: "ava@example.com",
    });
    expect(created.status).toBe(201);
    const id = created.body.contact.id as string;
    expect(id).toMatch(/^[A-Za-z0-9]{20}$/);

    const read = await call(sandbox, "GET", `/contacts/${id}`);
    expect(read.body.contact).toMatchObject({ firstName: "Ava", email: "ava@example.com" });

    const updated = await call(sandbox, "PUT", `/contacts/${id}`, { body: { lastName: "Berg" } });
    expect(updated.body).toMatchObject({ succeded: true, contact: { lastName: "Berg" } });

    const deleted = await call(sandbox, "DELETE", `/contacts/${id}`);
    expect(deleted.body).toEqual({ succeded: true });
    expect((await call(sandbox, "GET", `/contacts/${id}`)).status).toBe(400);
  });

  it("stamps a new contact with ISO-8601 UTC timestamps from the clock", async () => {
    const created = await createContact({ firstName: "Ava" });
    expect(created.body.contact.dateAdded).toBe("2026-03-09T15:00:00.000Z");
  });

  it("refuses a contact whose email already exists, naming the match", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await createContact({
      firstName: "J",
      email: "JANE.COOPER@acmelogistics.com",
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("This location does not allow duplicated contacts.");
    expect(response.body.meta).toMatchObject({ contactId: jane.id, matchingField: "email" });
  });

  it("refuses a contact whose phone already exists, whatever its format", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await createContact({ firstName: "J", phone: "312.555.0142" });
    expect(response.status).toBe(400);
    expect(response.body.meta).toMatchObject({ contactId: jane.id, matchingField: "phone" });
  });

  it("allows a duplicate once the location allows duplicate contacts", async () => {
    sandbox.store.locations.get(sandbox.locationId)!.allowDuplicateContact = true;
    const response = await createContact({ email: "jane.cooper@acmelogistics.com" });
    expect(response.status).toBe(201);
  });

  it.each(["(555) 010-2233", "555.010.2233", "+1 555 010 2233", "5550102233"])(
    "stores the phone %s as E.164",
    async (phone) => {
      const created = await createContact({ firstName: "Phone", phone });
      expect(created.body.contact.phone).toBe("+15550102233");
    },
  );

  it("refuses a phone that is not a phone number", async () => {
    const created = await createContact({ firstName: "Phone", phone: "call me maybe" });
    expect(created.status).toBe(422);
    expect(created.body.message).toEqual(["phone must be a valid phone number"]);
  });

  it("replaces every tag when an update sends tags", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const updated = await call(sandbox, "PUT", `/contacts/${id}`, {
      body: { tags: ["renewal-due"] },
    });
    expect(updated.body.contact.tags).toEqual(["renewal-due"]);
  });

  it("adds tags to those a contact already has", async () => {
    const { id } = seededContact(sandbox, "Jane", "Doe");
    const added = await call(sandbox, "POST", `/contacts/${id}/tags`, {
      body: { tags: ["hot", "lead"] },
    });
    expect(added.status).toBe(201);
    expect(added.body.tags).toEqual(["lead", "hot"]);
  });

  it("removes tags with a DELETE that carries a JSON body", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const removed = await call(sandbox, "DELETE", `/contacts/${id}/tags`, {
      body: { tags: ["vip"] },
    });
    expect(removed.body.tags).toEqual(["client", "pt-package"]);
  });

  it("adds a tag to several contacts at once with the bulk route", async () => {
    const ids = [
      seededContact(sandbox, "Jane", "Doe").id,
      seededContact(sandbox, "Chris", "Johnson").id,
    ];
    const response = await call(sandbox, "POST", "/contacts/bulk/tags/update/add", {
      body: { locationId: sandbox.locationId, contacts: ids, tags: ["spring-promo"] },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ succeded: true, errorCount: 0 });
    for (const id of ids) expect(sandbox.store.contacts.get(id)?.tags).toContain("spring-promo");
  });

  it("removes every tag with the bulk route's removeAllTags", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    await call(sandbox, "POST", "/contacts/bulk/tags/update/remove", {
      body: { locationId: sandbox.locationId, contacts: [id], tags: [], removeAllTags: true },
    });
    expect(sandbox.store.contacts.get(id)?.tags).toEqual([]);
  });

  it("refuses removeAllTags on the bulk add route", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "POST", "/contacts/bulk/tags/update/add", {
      body: { locationId: sandbox.locationId, contacts: [id], tags: ["x"], removeAllTags: true },
    });
    expect(response.status).toBe(422);
  });
});

describe("upsert and duplicate lookup", () => {
  it("creates a contact when neither email nor phone matches", async () => {
    const response = await call(sandbox, "POST", "/contacts/upsert", {
      body: { locationId: sandbox.locationId, firstName: "Noor", email: "noor@example.com" },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ new: true, contact: { firstName: "Noor" } });
    expect(response.body.traceId).toEqual(expect.any(String));
  });

  it("updates the contact whose email matches", async () => {
    const jane = seededContact(sandbox, "Jane", "Doe");
    const response = await call(sandbox, "POST", "/contacts/upsert", {
      body: { locationId: sandbox.locationId, email: jane.email, companyName: "Doe Events" },
    });
    expect(response.body).toMatchObject({
      new: false,
      contact: { id: jane.id, companyName: "Doe Events" },
    });
  });

  it("updates the email match and ignores a phone that belongs to someone else", async () => {
    const doe = seededContact(sandbox, "Jane", "Doe");
    const cooper = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "POST", "/contacts/upsert", {
      body: { locationId: sandbox.locationId, email: doe.email, phone: cooper.phone },
    });
    expect(response.body.contact.id).toBe(doe.id);
    expect(sandbox.store.contacts.get(doe.id)?.phone).toBe("+17735550199");
  });

  it("finds a duplicate by a formatted phone number", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const number = encodeURIComponent("+1 (312) 555-0142");
    const response = await call(
      sandbox,
      "GET",
      `/contacts/search/duplicate?locationId=${sandbox.locationId}&number=${number}`,
    );
    expect(response.body.contact.id).toBe(jane.id);
  });

  it("answers a duplicate lookup without a match with a null contact", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/contacts/search/duplicate?locationId=${sandbox.locationId}&email=nobody@example.com`,
    );
    expect(response.body).toEqual({ contact: null });
  });
});

describe("tasks and notes", () => {
  it("creates a task, completes it and deletes it", async () => {
    const { id } = seededContact(sandbox, "Jane", "Doe");
    const created = await call(sandbox, "POST", `/contacts/${id}/tasks`, {
      body: { title: "Call back", dueDate: "2026-03-12T15:00:00Z", completed: false },
    });
    expect(created.status).toBe(201);
    const taskId = created.body.task.id as string;
    expect(created.body.task).toMatchObject({
      title: "Call back",
      dueDate: "2026-03-12T15:00:00.000Z",
    });

    const completed = await call(sandbox, "PUT", `/contacts/${id}/tasks/${taskId}/completed`, {
      body: { completed: true },
    });
    expect(completed.body.task.completed).toBe(true);

    const deleted = await call(sandbox, "DELETE", `/contacts/${id}/tasks/${taskId}`);
    expect(deleted.body).toEqual({ succeded: true });
    expect(sandbox.store.tasks.has(taskId)).toBe(false);
  });

  it("lists Jane Cooper's tasks with exactly one open follow-up", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "GET", `/contacts/${id}/tasks`);
    const open = response.body.tasks.filter((t: { completed: boolean }) => !t.completed);
    expect(open.map((t: { title: string }) => t.title)).toEqual([
      "Follow-up call about renewing her 10-session package",
    ]);
  });

  it("refuses a task id that belongs to another contact", async () => {
    const cooper = seededContact(sandbox, "Jane", "Cooper");
    const doe = seededContact(sandbox, "Jane", "Doe");
    const doeTask = [...sandbox.store.tasks.values()].find((t) => t.contactId === doe.id)!;
    const response = await call(sandbox, "GET", `/contacts/${cooper.id}/tasks/${doeTask.id}`);
    expect(response.status).toBe(400);
  });

  it("creates, reads, updates and deletes a note", async () => {
    const { id } = seededContact(sandbox, "Jane", "Doe");
    const created = await call(sandbox, "POST", `/contacts/${id}/notes`, {
      body: { body: "Called." },
    });
    expect(created.status).toBe(201);
    const noteId = created.body.note.id as string;

    const updated = await call(sandbox, "PUT", `/contacts/${id}/notes/${noteId}`, {
      body: { body: "Called twice." },
    });
    expect(updated.body.note.body).toBe("Called twice.");
    const read = await call(sandbox, "GET", `/contacts/${id}/notes/${noteId}`);
    expect(read.body.note).toMatchObject({ id: noteId, contactId: id, body: "Called twice." });

    const deleted = await call(sandbox, "DELETE", `/contacts/${id}/notes/${noteId}`);
    expect(deleted.body).toEqual({ succeded: true });
  });

  it("lists a contact's notes newest first", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "GET", `/contacts/${id}/notes`);
    expect(response.body.notes).toHaveLength(2);
    expect(response.body.notes[0].body).toMatch(/^10-session package ends next week/);
  });
});

describe("memberships and related records", () => {
  it("adds followers and reports which were new", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const owner = sandbox.store.contacts.get(id)!.followers[0]!;
    const response = await call(sandbox, "POST", `/contacts/${id}/followers`, {
      body: { followers: [owner, "newFollower000000001"] },
    });
    expect(response.body.followersAdded).toEqual(["newFollower000000001"]);
    expect(response.body.followers).toEqual([owner, "newFollower000000001"]);
  });

  it("adds a contact to a campaign and removes it from every campaign", async () => {
    const { id } = seededContact(sandbox, "Chris", "Johnson");
    const campaign = [...sandbox.store.campaigns.values()][0]!;
    const added = await call(sandbox, "POST", `/contacts/${id}/campaigns/${campaign.id}`, {
      body: {},
    });
    expect(added.body).toEqual({ succeded: true });
    expect(sandbox.store.campaignMemberships.some((m) => m.contactId === id)).toBe(true);

    await call(sandbox, "DELETE", `/contacts/${id}/campaigns/removeAll`);
    expect(sandbox.store.campaignMemberships.some((m) => m.contactId === id)).toBe(false);
  });

  it("adds a contact to a workflow", async () => {
    const { id } = seededContact(sandbox, "Chris", "Johnson");
    const workflow = [...sandbox.store.workflows.values()][0]!;
    const response = await call(sandbox, "POST", `/contacts/${id}/workflow/${workflow.id}`, {
      body: {},
    });
    expect(response.body).toEqual({ succeded: true });
  });

  it("lists a contact's appointments with times in the location's offset", async () => {
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    const response = await call(sandbox, "GET", `/contacts/${id}/appointments`);
    expect(response.body.events).toHaveLength(3);
    expect(response.body.events[1].startTime).toBe("2026-03-11T07:00:00-05:00");
  });

  it("lists the contacts of a business", async () => {
    const acme = [...sandbox.store.businesses.values()].find((b) => b.name === "Acme Logistics")!;
    const response = await call(
      sandbox,
      "GET",
      `/contacts/business/${acme.id}?locationId=${sandbox.locationId}`,
    );
    expect(response.body.count).toBe(2);
  });

  it("moves contacts into a business with the bulk route", async () => {
    const acme = [...sandbox.store.businesses.values()].find((b) => b.name === "Acme Logistics")!;
    const { id } = seededContact(sandbox, "Jane", "Doe");
    const response = await call(sandbox, "POST", "/contacts/bulk/business", {
      body: { locationId: sandbox.locationId, ids: [id], businessId: acme.id },
    });
    expect(response.body).toEqual({ success: true, ids: [id] });
    expect(sandbox.store.contacts.get(id)?.businessId).toBe(acme.id);
  });
});
