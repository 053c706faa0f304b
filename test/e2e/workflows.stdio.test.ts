// Every Workflows & Campaigns tool over real stdio against the sandbox playing GoHighLevel: each
// call works and changes what it should, agency-level calls say plainly what they need, and
// invalid input is refused before GHL sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { allTools } from "../../src/tools/index.js";
import {
  againstSandbox,
  withAgency,
  connectStdio,
  textOf,
  type TestClient,
} from "../support/mcp-clients.js";

let sandbox: Sandbox;
let client: TestClient;

const toolNames = allTools.filter((t) => t.toolset === "workflows").map((t) => t.name);

beforeAll(async () => {
  sandbox = await startSandbox();
  client = await connectStdio("current (2026-07-28)", [
    ...againstSandbox(sandbox),
    ...withAgency(sandbox),
  ]);
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});

function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}) {
  return client.callOk<T>(name, args);
}

function contactNamed(firstName: string, lastName: string) {
  return [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  )!;
}

describe("the Workflows & Campaigns toolset over stdio", () => {
  it("lists every workflows tool, enrolment marked as not safe to repeat", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(toolNames));
    const enrol = tools.find((t) => t.name === "workflows_add_contact") as unknown as {
      annotations: { idempotentHint: boolean };
    };
    expect(enrol.annotations.idempotentHint).toBe(false);
  });

  it("lists the workflows, all on one page when they fit", async () => {
    const page = await call<{ workflows: { id: string }[]; nextCursor?: string }>("workflows_list");
    expect(page.nextCursor).toBeUndefined();
    const ids = page.workflows.map((w) => w.id);
    expect(ids.sort()).toEqual([...sandbox.store.workflows.keys()].sort());
  });

  it("lists campaigns, filtered by status", async () => {
    const published = await call<{ campaigns: { name: string; status: string }[] }>(
      "campaigns_list",
      { status: "published" },
    );
    expect(published.campaigns.map((c) => c.name)).toEqual([
      "Lapsed Member Win-Back",
      "New Lead Nurture (7 days)",
    ]);
    const drafts = await call<{ campaigns: unknown[] }>("campaigns_list", { status: "draft" });
    expect(drafts.campaigns).toEqual([]);
  });

  it("lists the agency's snapshots with the agency token", async () => {
    const result = await call<{ snapshots: { name: string; type: string }[] }>("snapshots_list");
    expect(result.snapshots).toEqual([
      expect.objectContaining({ name: "Fitness Studio Starter", type: "own" }),
      expect.objectContaining({ name: "Gym Lead Nurture Pack", type: "imported" }),
    ]);
    const sent = sandbox.requests.at(-1)!;
    expect(sent.query).toEqual({ companyId: sandbox.companyId });
  });

  it("enrolls a contact in a workflow at an event time and removes it with a JSON body", async () => {
    const jane = contactNamed("Jane", "Doe");
    const workflow = [...sandbox.store.workflows.values()][1]!;
    const memberships = () =>
      sandbox.store.workflowMemberships.filter(
        (m) => m.contactId === jane.id && m.workflowId === workflow.id,
      );

    await call("workflows_add_contact", {
      contactId: jane.id,
      workflowId: workflow.id,
      eventStartTime: "2026-12-04T09:00:00-06:00",
    });
    expect(memberships()).toEqual([
      expect.objectContaining({ eventStartTime: "2026-12-04T09:00:00-06:00" }),
    ]);

    await call("workflows_remove_contact", { contactId: jane.id, workflowId: workflow.id });
    expect(memberships()).toEqual([]);
    const sent = sandbox.requests.at(-1)!;
    expect(sent).toMatchObject({ method: "DELETE", body: {} });
  });

  it("adds and removes a contact's followers", async () => {
    const jane = contactNamed("Jane", "Doe");
    const [priya, diego] = [...sandbox.store.users.values()].filter((u) =>
      ["Priya", "Diego"].includes(u.firstName),
    );
    const added = await call<{ followers: string[]; changed: string[] }>("contacts_add_followers", {
      contactId: jane.id,
      followers: [priya!.id, diego!.id],
    });
    expect(added.changed.sort()).toEqual([priya!.id, diego!.id].sort());
    expect(sandbox.store.contacts.get(jane.id)?.followers.sort()).toEqual(added.followers.sort());

    const removed = await call<{ followers: string[]; changed: string[] }>(
      "contacts_remove_followers",
      { contactId: jane.id, followers: [priya!.id] },
    );
    expect(removed).toEqual({ followers: [diego!.id], changed: [priya!.id] });
    expect(sandbox.store.contacts.get(jane.id)?.followers).toEqual([diego!.id]);
  });

  it("links contacts to a business in bulk and unlinks them with null", async () => {
    const [business] = sandbox.store.businesses.values();
    const doe = contactNamed("Jane", "Doe");
    const linked = await call<{ contactIds: string[] }>("contacts_bulk_update_business", {
      contactIds: [doe.id],
      businessId: business!.id,
    });
    expect(linked.contactIds).toEqual([doe.id]);
    expect(sandbox.store.contacts.get(doe.id)?.businessId).toBe(business!.id);

    await call("contacts_bulk_update_business", { contactIds: [doe.id], businessId: null });
    expect(sandbox.store.contacts.get(doe.id)?.businessId).toBeUndefined();
  });

  it("refuses an event time without an offset before calling GHL", async () => {
    const before = sandbox.requests.length;
    const result = await client.callTool("workflows_add_contact", {
      contactId: "c1",
      workflowId: "w1",
      eventStartTime: "2026-12-04 09:00",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/eventStartTime/);
    expect(sandbox.requests.length).toBe(before);
  });

  it.each(toolNames)(
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

describe("agency-level workflow tools with a sub-account token only", () => {
  let subAccountOnly: TestClient;

  beforeAll(async () => {
    const token = sandbox.mintToken({ kind: "location-pit" });
    subAccountOnly = await connectStdio("current (2026-07-28)", [
      ...againstSandbox(sandbox, token),
      "--company-id",
      sandbox.companyId,
    ]);
  });
  afterAll(() => subAccountOnly.close());

  it("says plainly that snapshots need an agency token and GHL_COMPANY_ID", async () => {
    const result = await subAccountOnly.callTool("snapshots_list", {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/needs an agency token/);
    expect(textOf(result)).toMatch(/GHL_AGENCY_TOKEN/);
    expect(textOf(result)).toMatch(/GHL_COMPANY_ID/);
  });
});
