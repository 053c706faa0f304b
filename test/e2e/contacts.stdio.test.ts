// Every Contacts tool over real stdio against the sandbox playing GoHighLevel: each call works,
// changes what it should in the sandbox, and any invalid input is refused before GHL sees it.
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

function contactByEmail(email: string) {
  return [...sandbox.store.contacts.values()].find((c) => c.email === email);
}

describe("the Contacts toolset over stdio", () => {
  it("lists every contacts tool with its annotations and an output schema", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "contacts").map((t) => t.name);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
    const remove = tools.find((t) => t.name === "contacts_delete") as unknown as {
      annotations: object;
      outputSchema: object;
    };
    expect(remove.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
    expect(remove.outputSchema).toBeDefined();
  });

  it("creates, reads, updates, upserts and deletes a contact", async () => {
    const created = await call<{ contact: { id: string; phone: string } }>("contacts_create", {
      firstName: "Maya",
      lastName: "Okafor",
      email: "maya.okafor@example.com",
      phone: "(312) 555-0999",
      tags: ["lead"],
    });
    expect(created.contact.phone).toBe("+13125550999");
    const id = created.contact.id;

    const duplicate = await client.callTool("contacts_create", {
      email: "maya.okafor@example.com",
    });
    expect(duplicate.isError).toBe(true);
    expect(textOf(duplicate)).toContain(id);

    expect(
      (await call<{ contact: { name: string } }>("contacts_get", { contactId: id })).contact.name,
    ).toBe("Maya Okafor");
    await call("contacts_update", { contactId: id, more: { city: "Evanston" } });
    expect(sandbox.store.contacts.get(id)?.city).toBe("Evanston");

    const upserted = await call<{ new: boolean }>("contacts_upsert", {
      email: "maya.okafor@example.com",
      lastName: "Okafor-Reyes",
    });
    expect(upserted.new).toBe(false);
    expect(sandbox.store.contacts.get(id)?.lastName).toBe("Okafor-Reyes");

    const dup = await call<{ contact: { id: string } | null }>("contacts_find_duplicate", {
      number: "312.555.0999",
    });
    expect(dup.contact?.id).toBe(id);

    await call("contacts_delete", { contactId: id });
    expect(sandbox.store.contacts.has(id)).toBe(false);
  });

  it("searches with filters and walks every page exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ contacts: { id: string }[]; nextCursor?: string }>(
        "contacts_search",
        {
          limit: 7,
          more: { sortBy: "dateAdded", sortDirection: "asc" },
          ...(cursor && { cursor }),
        },
      );
      seen.push(...page.contacts.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(sandbox.store.contacts.size);
    expect(new Set(seen).size).toBe(seen.length);

    const leads = await call<{ contacts: { tags: string[] }[] }>("contacts_search", {
      filters: [{ field: "tags", operator: "eq", value: "lead" }],
      limit: 100,
    });
    expect(leads.contacts.length).toBeGreaterThan(0);
    for (const c of leads.contacts) expect(c.tags).toContain("lead");
  });

  it("pages the deprecated contact list", async () => {
    const first = await call<{ contacts: unknown[]; nextCursor?: string }>("contacts_list", {
      limit: 5,
    });
    expect(first.contacts).toHaveLength(5);
    const second = await call<{ contacts: { id: string }[] }>("contacts_list", {
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(second.contacts).toHaveLength(5);
  });

  it("manages a contact's tasks, notes and tags", async () => {
    const jane = contactByEmail("jane.cooper@acmelogistics.com")!;
    const { task } = await call<{ task: { id: string } }>("contacts_create_task", {
      contactId: jane.id,
      title: "Book her assessment",
      dueDate: "2026-12-10T09:00:00-06:00",
    });
    expect(Date.parse(sandbox.store.tasks.get(task.id)!.dueDate)).toBe(
      Date.parse("2026-12-10T15:00:00Z"),
    );
    await call("contacts_update_task", {
      contactId: jane.id,
      taskId: task.id,
      title: "Book her re-assessment",
    });
    expect(
      (
        await call<{ task: { title: string } }>("contacts_get_task", {
          contactId: jane.id,
          taskId: task.id,
        })
      ).task.title,
    ).toBe("Book her re-assessment");
    await call("contacts_complete_task", { contactId: jane.id, taskId: task.id });
    expect(sandbox.store.tasks.get(task.id)?.completed).toBe(true);
    await call("contacts_delete_task", { contactId: jane.id, taskId: task.id });
    expect(sandbox.store.tasks.has(task.id)).toBe(false);

    const { note } = await call<{ note: { id: string } }>("contacts_create_note", {
      contactId: jane.id,
      body: "Knee feels better.",
    });
    await call("contacts_update_note", {
      contactId: jane.id,
      noteId: note.id,
      body: "Knee feels much better.",
    });
    expect(
      (
        await call<{ note: { body: string } }>("contacts_get_note", {
          contactId: jane.id,
          noteId: note.id,
        })
      ).note.body,
    ).toBe("Knee feels much better.");
    const notes = await call<{ notes: { id: string }[] }>("contacts_list_notes", {
      contactId: jane.id,
    });
    expect(notes.notes.map((n) => n.id)).toContain(note.id);
    await call("contacts_delete_note", { contactId: jane.id, noteId: note.id });
    expect(sandbox.store.notes.has(note.id)).toBe(false);

    await call("contacts_add_tags", { contactId: jane.id, tags: ["marathon"] });
    expect(sandbox.store.contacts.get(jane.id)?.tags).toContain("marathon");
    await call("contacts_remove_tags", { contactId: jane.id, tags: ["marathon"] });
    expect(sandbox.store.contacts.get(jane.id)?.tags).not.toContain("marathon");
    await call("contacts_bulk_update_tags", {
      type: "add",
      contacts: [jane.id],
      tags: ["holiday-promo"],
    });
    expect(sandbox.store.contacts.get(jane.id)?.tags).toContain("holiday-promo");
  });

  it("lists a contact's appointments and a business's contacts", async () => {
    const jane = contactByEmail("jane.cooper@acmelogistics.com")!;
    const { appointments } = await call<{ appointments: { contactId: string }[] }>(
      "contacts_list_appointments",
      { contactId: jane.id },
    );
    expect(appointments.length).toBeGreaterThan(0);
    const business = [...sandbox.store.businesses.values()][0]!;
    const members = await call<{ contacts: unknown[] }>("contacts_list_by_business", {
      businessId: business.id,
    });
    expect(members.contacts.length).toBe(
      [...sandbox.store.contacts.values()].filter((c) => c.businessId === business.id).length,
    );
  });

  it("adds a contact to a campaign and removes it again", async () => {
    const jane = contactByEmail("jane.cooper@acmelogistics.com")!;
    const campaign = [...sandbox.store.campaigns.values()][0]!;
    const memberships = () =>
      sandbox.store.campaignMemberships.filter(
        (m) => m.contactId === jane.id && m.campaignId === campaign.id,
      );
    await call("contacts_add_to_campaign", { contactId: jane.id, campaignId: campaign.id });
    expect(memberships().length).toBe(1);
    await call("contacts_remove_from_campaign", { contactId: jane.id, campaignId: campaign.id });
    expect(memberships().length).toBe(0);
    await call("contacts_add_to_campaign", { contactId: jane.id, campaignId: campaign.id });
    await call("contacts_remove_from_all_campaigns", { contactId: jane.id });
    expect(sandbox.store.campaignMemberships.filter((m) => m.contactId === jane.id)).toEqual([]);
  });

  it.each(allTools.filter((t) => t.toolset === "contacts").map((t) => t.name))(
    "refuses invalid input to %s with an isError naming the field, sending nothing",
    async (name) => {
      const before = sandbox.requests.length;
      const result = await client.callTool(name, { notAnArgument: 1, limit: "many" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/notAnArgument/);
      expect(sandbox.requests.length).toBe(before);
    },
  );
});
