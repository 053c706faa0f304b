import { afterEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

const NOW = Date.parse("2026-03-09T15:00:00Z");
const started: Sandbox[] = [];

async function start(now = NOW): Promise<Sandbox> {
  const sandbox = await startSandbox({ now: () => now });
  started.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

function snapshot(sandbox: Sandbox) {
  const { store } = sandbox;
  return {
    contacts: [...store.contacts.values()],
    tasks: [...store.tasks.values()],
    appointments: [...store.appointments.values()],
    opportunities: [...store.opportunities.values()],
    workflows: [...store.workflows.values()],
  };
}

describe("the seed", () => {
  it("gives two sandboxes on the same clock identical data", async () => {
    const [first, second] = [await start(), await start()];
    expect(snapshot(first)).toEqual(snapshot(second));
    expect(first.locationId).toBe(second.locationId);
  });

  it("is back to its first state after reset", async () => {
    const sandbox = await start();
    const before = snapshot(sandbox);
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    await call(sandbox, "DELETE", `/contacts/${id}`);
    await call(sandbox, "POST", "/contacts/", {
      body: { locationId: sandbox.locationId, firstName: "X" },
    });

    sandbox.reset();
    expect(snapshot(sandbox)).toEqual(before);
    expect(sandbox.requests).toEqual([]);
  });

  it("keeps the ready-made tokens valid after reset", async () => {
    const sandbox = await start();
    sandbox.reset();
    const { id } = seededContact(sandbox, "Jane", "Cooper");
    expect((await call(sandbox, "GET", `/contacts/${id}`)).status).toBe(200);
  });

  it("gives Jane Cooper one open follow-up task due tomorrow in Chicago", async () => {
    const sandbox = await start();
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const open = [...sandbox.store.tasks.values()].filter(
      (t) => t.contactId === jane.id && !t.completed,
    );
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      title: "Follow-up call about renewing her 10-session package",
      dueDate: "2026-03-10T15:00:00.000Z",
    });
  });

  it("keeps Jane Cooper's task due tomorrow whatever the clock says", async () => {
    const sandbox = await start(Date.parse("2027-11-20T23:30:00Z"));
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const open = [...sandbox.store.tasks.values()].find(
      (t) => t.contactId === jane.id && !t.completed,
    );
    expect(open?.dueDate).toBe("2027-11-21T16:00:00.000Z");
  });

  it("gives Jane Doe a different open task", async () => {
    const sandbox = await start();
    const jane = seededContact(sandbox, "Jane", "Doe");
    const open = [...sandbox.store.tasks.values()].filter(
      (t) => t.contactId === jane.id && !t.completed,
    );
    expect(open.map((t) => t.title)).toEqual(["Send intro offer"]);
  });

  it("stores every seeded phone as E.164", async () => {
    const sandbox = await start();
    for (const contact of sandbox.store.contacts.values()) {
      expect(contact.phone).toMatch(/^\+1\d{10}$/);
    }
  });

  it("holds one location in Chicago owned by the sandbox's company", async () => {
    const sandbox = await start();
    const location = sandbox.store.locations.get(sandbox.locationId);
    expect(location).toMatchObject({
      name: "Northside Strength Studio",
      timezone: "America/Chicago",
      country: "US",
      companyId: sandbox.companyId,
    });
  });
});
