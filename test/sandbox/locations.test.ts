// The sandbox's locations and agency, and each location's settings: custom fields (whose deletion
// clears contacts' values), custom values, tags (renamed and deleted on contacts too), task search.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const agency = () => ({ token: sandbox.tokens.agency });
const at = (path: string) => `/locations/${sandbox.locationId}${path}`;
const fieldNamed = (name: string) =>
  [...sandbox.store.customFields.values()].find((f) => f.name === name)!;

describe("locations and the agency", () => {
  it("lists the agency's locations to an agency token, oldest first, paged by skip and limit", async () => {
    const all = await call(sandbox, "GET", `/locations/search?companyId=${sandbox.companyId}`, {
      ...agency(),
    });
    expect(all.status).toBe(200);
    expect(all.body.locations.map((l: { name: string }) => l.name)).toEqual([
      "Northside Strength Studio",
      "Lakeview Yoga Loft",
    ]);

    const second = await call(sandbox, "GET", "/locations/search?skip=1&limit=1&order=asc", {
      ...agency(),
    });
    expect(second.body.locations.map((l: { name: string }) => l.name)).toEqual([
      "Lakeview Yoga Loft",
    ]);
    const newest = await call(sandbox, "GET", "/locations/search?limit=1&order=desc", agency());
    expect(newest.body.locations[0].name).toBe("Lakeview Yoga Loft");
  });

  it("shows a sub-account token only its own location", async () => {
    const response = await call(sandbox, "GET", `/locations/search?companyId=${sandbox.companyId}`);
    expect(response.body.locations).toEqual([
      expect.objectContaining({ id: sandbox.locationId, timezone: "America/Chicago" }),
    ]);
  });

  it("refuses to search another agency's locations", async () => {
    const response = await call(sandbox, "GET", "/locations/search?companyId=other", agency());
    expect(response.status).toBe(403);
  });

  it("gets a location to its own token and to its agency, but not to another location's", async () => {
    const own = await call(sandbox, "GET", `/locations/${sandbox.locationId}`);
    expect(own.body.location).toMatchObject({
      id: sandbox.locationId,
      companyId: sandbox.companyId,
      name: "Northside Strength Studio",
      settings: { allowDuplicateContact: false },
    });
    expect((await call(sandbox, "GET", `/locations/${sandbox.locationId}`, agency())).status).toBe(
      200,
    );

    const yoga = [...sandbox.store.locations.values()].find((l) => l.name.includes("Yoga"))!;
    expect((await call(sandbox, "GET", `/locations/${yoga.id}`)).status).toBe(403);
  });

  it("creates a location for an agency token, loading a snapshot, with its settings", async () => {
    const [snapshot] = sandbox.store.snapshots.values();
    const created = await call(sandbox, "POST", "/locations/", {
      ...agency(),
      body: {
        companyId: sandbox.companyId,
        name: "Wicker Park Boxing",
        country: "US",
        timezone: "America/Chicago",
        snapshotId: snapshot!.id,
        settings: { allowDuplicateContact: true },
      },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: "Wicker Park Boxing",
      companyId: sandbox.companyId,
    });
    expect(sandbox.store.locations.get(created.body.id)?.allowDuplicateContact).toBe(true);
  });

  it("refuses to create a location with a sub-account token", async () => {
    const response = await call(sandbox, "POST", "/locations/", {
      body: { companyId: sandbox.companyId, name: "Nope" },
    });
    expect(response.status).toBe(401);
  });

  it("refuses a location with an unknown time zone, snapshot or country", async () => {
    const create = (extra: Record<string, unknown>) =>
      call(sandbox, "POST", "/locations/", {
        ...agency(),
        body: { companyId: sandbox.companyId, name: "Nope", ...extra },
      });
    expect((await create({ timezone: "Mars/Olympus" })).status).toBe(422);
    expect((await create({ snapshotId: "missing" })).status).toBe(400);
    expect((await create({ country: "XX" })).status).toBe(422);
  });

  it("gets the agency to its own agency token only", async () => {
    const company = await call(sandbox, "GET", `/companies/${sandbox.companyId}`, agency());
    expect(company.body.company).toMatchObject({
      id: sandbox.companyId,
      name: "Lakeshore Fitness Marketing",
      locationCount: 2,
    });
    expect((await call(sandbox, "GET", `/companies/${sandbox.companyId}`)).status).toBe(401);
    expect((await call(sandbox, "GET", "/companies/someoneElse", agency())).status).toBe(403);
  });

  it("lists the time zones a location may use", async () => {
    const response = await call(sandbox, "GET", at("/timezones"));
    expect(response.body.timeZones).toContain("America/Chicago");
  });
});

describe("custom fields", () => {
  it("lists contact fields by default, and every model with model=all", async () => {
    const contact = await call(sandbox, "GET", at("/customFields"));
    expect(contact.body.customFields.map((f: { fieldKey: string }) => f.fieldKey)).toEqual([
      "contact.fitness_goal",
      "contact.membership_start_date",
      "contact.sessions_remaining",
    ]);
    const all = await call(sandbox, "GET", at("/customFields?model=all"));
    expect(all.body.customFields).toContainEqual(
      expect.objectContaining({ fieldKey: "opportunity.referral_partner", model: "opportunity" }),
    );
  });

  it("creates a field with a key from its name, and refuses a second with the same key", async () => {
    const created = await call(sandbox, "POST", at("/customFields"), {
      body: { name: "Injury Notes", dataType: "LARGE_TEXT", placeholder: "Knees, back…" },
    });
    expect(created.status).toBe(201);
    expect(created.body.customField).toMatchObject({
      fieldKey: "contact.injury_notes",
      dataType: "LARGE_TEXT",
      model: "contact",
      placeholder: "Knees, back…",
    });

    const again = await call(sandbox, "POST", at("/customFields"), {
      body: { name: "injury notes", dataType: "TEXT" },
    });
    expect(again.status).toBe(400);
  });

  it("refuses a data type GHL does not know", async () => {
    const response = await call(sandbox, "POST", at("/customFields"), {
      body: { name: "Mood", dataType: "EMOJI" },
    });
    expect(response.status).toBe(422);
  });

  it("renames a field and keeps its key", async () => {
    const goal = fieldNamed("Fitness Goal");
    const updated = await call(sandbox, "PUT", at(`/customFields/${goal.id}`), {
      body: { name: "Main Goal", position: 5 },
    });
    expect(updated.body.customField).toMatchObject({
      name: "Main Goal",
      fieldKey: "contact.fitness_goal",
      position: 5,
    });
    const read = await call(sandbox, "GET", at(`/customFields/${goal.id}`));
    expect(read.body.customField.name).toBe("Main Goal");
  });

  it("deletes a field and the values contacts held in it", async () => {
    const goal = fieldNamed("Fitness Goal");
    const jane = seededContact(sandbox, "Jane", "Cooper");
    expect(jane.customFields.map((v) => v.id)).toContain(goal.id);

    const deleted = await call(sandbox, "DELETE", at(`/customFields/${goal.id}`));
    expect(deleted.body).toEqual({ succeded: true });
    expect(sandbox.store.contacts.get(jane.id)?.customFields.map((v) => v.id)).not.toContain(
      goal.id,
    );
    const contact = await call(sandbox, "GET", `/contacts/${jane.id}`);
    expect(contact.body.contact.customFields).toHaveLength(2);
    expect((await call(sandbox, "GET", at(`/customFields/${goal.id}`))).status).toBe(400);
  });
});

describe("custom values", () => {
  it("creates, reads, updates and deletes a custom value with a merge key", async () => {
    const created = await call(sandbox, "POST", at("/customValues"), {
      body: { name: "Head Coach", value: "Priya Shah" },
    });
    expect(created.status).toBe(201);
    const value = created.body.customValue;
    expect(value).toMatchObject({
      fieldKey: "{{ custom_values.head_coach }}",
      value: "Priya Shah",
    });

    const updated = await call(sandbox, "PUT", at(`/customValues/${value.id}`), {
      body: { name: "Head Coach", value: "Diego Alvarez" },
    });
    expect(updated.body.customValue.value).toBe("Diego Alvarez");
    const read = await call(sandbox, "GET", at(`/customValues/${value.id}`));
    expect(read.body.customValue.value).toBe("Diego Alvarez");

    expect((await call(sandbox, "DELETE", at(`/customValues/${value.id}`))).body).toEqual({
      succeded: true,
    });
    expect(sandbox.store.customValues.has(value.id)).toBe(false);
  });

  it("lists the seeded custom values", async () => {
    const response = await call(sandbox, "GET", at("/customValues"));
    expect(response.body.customValues).toContainEqual(
      expect.objectContaining({
        name: "Studio Phone",
        fieldKey: "{{ custom_values.studio_phone }}",
      }),
    );
  });

  it("refuses an update without the value GHL requires", async () => {
    const [value] = sandbox.store.customValues.values();
    const response = await call(sandbox, "PUT", at(`/customValues/${value!.id}`), {
      body: { name: "Studio Phone" },
    });
    expect(response.status).toBe(422);
  });
});

describe("location tags", () => {
  it("lists the tags contacts carry", async () => {
    const response = await call(sandbox, "GET", at("/tags"));
    const names = response.body.tags.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(["vip", "lead", "client"]));
  });

  it("creates a tag lower-cased and refuses the same tag twice", async () => {
    const created = await call(sandbox, "POST", at("/tags"), { body: { name: " Summer Promo " } });
    expect(created.body.tag).toMatchObject({
      name: "summer promo",
      locationId: sandbox.locationId,
    });
    const read = await call(sandbox, "GET", at(`/tags/${created.body.tag.id}`));
    expect(read.body.tag.name).toBe("summer promo");
    expect(
      (await call(sandbox, "POST", at("/tags"), { body: { name: "summer promo" } })).status,
    ).toBe(400);
  });

  it("renames a tag on every contact that has it", async () => {
    const vip = [...sandbox.store.tags.values()].find((t) => t.name === "vip")!;
    const jane = seededContact(sandbox, "Jane", "Cooper");
    await call(sandbox, "PUT", at(`/tags/${vip.id}`), { body: { name: "VIP Member" } });
    expect(sandbox.store.contacts.get(jane.id)?.tags).toContain("vip member");
    expect(sandbox.store.contacts.get(jane.id)?.tags).not.toContain("vip");
  });

  it("deletes a tag from the location and from every contact", async () => {
    const vip = [...sandbox.store.tags.values()].find((t) => t.name === "vip")!;
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const deleted = await call(sandbox, "DELETE", at(`/tags/${vip.id}`));
    expect(deleted.body).toEqual({ succeded: true });
    expect(sandbox.store.tags.has(vip.id)).toBe(false);
    expect(sandbox.store.contacts.get(jane.id)?.tags).not.toContain("vip");
  });

  it("answers an unknown tag id with a 400", async () => {
    expect((await call(sandbox, "GET", at("/tags/nope"))).status).toBe(400);
  });
});

describe("task search", () => {
  const search = (body: Record<string, unknown>) =>
    call(sandbox, "POST", at("/tasks/search"), { body });

  it("answers 201 with rows keyed _id, contact and assignee details, and no total", async () => {
    const response = await search({});
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(["tasks"]);
    const [row] = response.body.tasks;
    expect(row).toMatchObject({
      _id: expect.any(String),
      title: expect.any(String),
      contactDetails: { firstName: expect.any(String) },
      assignedToUserDetails: { firstName: expect.any(String) },
    });
  });

  it("filters by completion, contact, assignee and text", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const open = await search({ contactId: [jane.id], completed: false });
    expect(open.body.tasks.map((t: { title: string }) => t.title)).toEqual([
      "Follow-up call about renewing her 10-session package",
    ]);

    const task = [...sandbox.store.tasks.values()].find((t) => t.contactId === jane.id)!;
    const mine = await search({ assignedTo: [task.assignedTo], query: "RENEWING" });
    expect(mine.body.tasks.map((t: { _id: string }) => t._id)).toContain(task.id);
  });

  it("filters by the contacts' business", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await search({ businessId: jane.businessId });
    for (const row of response.body.tasks) {
      expect(sandbox.store.contacts.get(row.contactId)?.businessId).toBe(jane.businessId);
    }
    expect(response.body.tasks.length).toBeGreaterThan(0);
  });

  it("pages with skip and limit, earliest due first", async () => {
    const total = [...sandbox.store.tasks.values()].length;
    const first = await search({ limit: 3 });
    const rest = await search({ skip: 3, limit: 100 });
    const dueDates = [...first.body.tasks, ...rest.body.tasks].map(
      (t: { dueDate: string }) => t.dueDate,
    );
    expect(dueDates).toHaveLength(total);
    expect(dueDates).toEqual([...dueDates].sort());
  });
});
