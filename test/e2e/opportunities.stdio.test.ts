// Every Opportunities tool over real stdio against the sandbox playing GoHighLevel: each call works,
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

function contactNamed(first: string, last: string) {
  return [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === first && c.lastName === last,
  )!;
}

function dealOf(first: string, last: string) {
  const contact = contactNamed(first, last);
  return [...sandbox.store.opportunities.values()].find((o) => o.contactId === contact.id)!;
}

function staff(firstName: string) {
  return [...sandbox.store.users.values()].find((u) => u.firstName === firstName)!;
}

interface Pipeline {
  id: string;
  name: string;
  stages: { id: string; name: string }[];
}

async function journey(): Promise<Pipeline> {
  const { pipelines } = await call<{ pipelines: Pipeline[] }>("opportunities_list_pipelines");
  return pipelines.find((p) => p.name === "New Member Journey")!;
}

describe("the Opportunities toolset over stdio", () => {
  it("lists the pipeline with its stages, and the lost reasons", async () => {
    const pipeline = await journey();
    expect(pipeline.stages.map((s) => s.name)).toEqual([
      "New Lead",
      "Intro Booked",
      "Intro Completed",
      "Package Proposed",
      "Won: Member",
    ]);
    const { lostReasons } = await call<{ lostReasons: { name: string }[] }>(
      "opportunities_list_lost_reasons",
    );
    expect(lostReasons.map((r) => r.name)).toContain("Chose another gym");
  });

  it("searches by stage with GHL's snake_case query names", async () => {
    const pipeline = await journey();
    const booked = pipeline.stages.find((s) => s.name === "Intro Booked")!;
    const page = await call<{ opportunities: { name: string; contact: { email: string } }[] }>(
      "opportunities_search",
      { pipelineId: pipeline.id, more: { pipelineStageId: booked.id } },
    );
    expect(page.opportunities.map((o) => o.name).sort()).toEqual([
      "Aisha Thompson - Free Intro",
      "Jayne Whitfield - Free Intro",
    ]);
    expect(page.opportunities[0]!.contact.email).toBeDefined();
    const request = sandbox.requests.at(-1)!;
    expect(request.query).toMatchObject({
      location_id: sandbox.locationId,
      pipeline_id: pipeline.id,
      pipeline_stage_id: booked.id,
    });
  });

  it("sends creation dates as mm-dd-yyyy and refuses a backwards range unsent", async () => {
    await call("opportunities_search", {
      more: { startDate: "2026-03-02", endDate: "2026-03-09" },
    });
    expect(sandbox.requests.at(-1)!.query).toMatchObject({
      date: "03-02-2026",
      endDate: "03-09-2026",
    });

    const before = sandbox.requests.length;
    const backwards = await client.callTool("opportunities_search", {
      more: { startDate: "2026-03-09", endDate: "2026-03-02" },
    });
    expect(backwards.isError).toBe(true);
    expect(textOf(backwards)).toMatch(/endDate/);
    expect(sandbox.requests.length).toBe(before);
  });

  it("walks every opportunity exactly once with the cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ opportunities: { id: string }[]; nextCursor?: string }>(
        "opportunities_search",
        { status: "all", limit: 3, ...(cursor && { cursor }) },
      );
      seen.push(...page.opportunities.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(sandbox.store.opportunities.size);
    expect(new Set(seen).size).toBe(seen.length);
    expect(sandbox.requests.at(-1)!.query.startAfterId).toBeDefined();
  });

  it("creates, reads, updates and deletes an opportunity", async () => {
    const pipeline = await journey();
    const sarah = contactNamed("Sarah", "Patel");
    const { opportunity } = await call<{ opportunity: { id: string; pipelineStageId: string } }>(
      "opportunities_create",
      {
        contactId: sarah.id,
        pipelineId: pipeline.id,
        name: "Sarah Patel - Nutrition plan",
        monetaryValue: 300,
        more: { assignedTo: staff("Hannah").id, customFields: { goalField: "Lose 5 kg" } },
      },
    );
    expect(opportunity.pipelineStageId).toBe(pipeline.stages[0]!.id);
    expect(sandbox.store.opportunities.get(opportunity.id)).toMatchObject({
      status: "open",
      monetaryValue: 300,
      customFields: [{ id: "goalField", fieldValue: "Lose 5 kg" }],
    });

    const read = await call<{ opportunity: { name: string } }>("opportunities_get", {
      opportunityId: opportunity.id,
    });
    expect(read.opportunity.name).toBe("Sarah Patel - Nutrition plan");

    const proposed = pipeline.stages.find((s) => s.name === "Package Proposed")!;
    await call("opportunities_update", {
      opportunityId: opportunity.id,
      pipelineStageId: proposed.id,
      monetaryValue: 450,
    });
    expect(sandbox.store.opportunities.get(opportunity.id)).toMatchObject({
      pipelineStageId: proposed.id,
      monetaryValue: 450,
    });

    await call("opportunities_delete", { opportunityId: opportunity.id });
    expect(sandbox.store.opportunities.has(opportunity.id)).toBe(false);
  });

  it("explains a duplicate opportunity in words that point at the existing one", async () => {
    const pipeline = await journey();
    const existing = dealOf("Jane", "Cooper");
    const result = await client.callTool("opportunities_create", {
      contactId: existing.contactId,
      pipelineId: pipeline.id,
      name: "Jane Cooper - again",
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(existing.id);
    expect(textOf(result)).toContain("opportunities_upsert");
  });

  it("marks an opportunity lost with a lost reason", async () => {
    const deal = dealOf("Jayne", "Whitfield");
    const { lostReasons } = await call<{ lostReasons: { id: string; name: string }[] }>(
      "opportunities_list_lost_reasons",
    );
    const price = lostReasons.find((r) => r.name === "Price too high")!;
    await call("opportunities_update_status", {
      opportunityId: deal.id,
      status: "lost",
      lostReasonId: price.id,
    });
    expect(sandbox.store.opportunities.get(deal.id)).toMatchObject({
      status: "lost",
      lostReasonId: price.id,
    });

    const before = sandbox.requests.length;
    const mismatched = await client.callTool("opportunities_update_status", {
      opportunityId: deal.id,
      status: "won",
      lostReasonId: price.id,
    });
    expect(mismatched.isError).toBe(true);
    expect(textOf(mismatched)).toMatch(/lostReasonId/);
    expect(sandbox.requests.length).toBe(before);
  });

  it("upserts: updates the contact's opportunity in the pipeline, or creates one", async () => {
    const pipeline = await journey();
    const emily = dealOf("Emily", "Nguyen");
    const updated = await call<{ new: boolean; opportunity: { id: string } }>(
      "opportunities_upsert",
      { contactId: emily.contactId, pipelineId: pipeline.id, monetaryValue: 990 },
    );
    expect(updated).toMatchObject({ new: false, opportunity: { id: emily.id } });
    expect(sandbox.store.opportunities.get(emily.id)?.monetaryValue).toBe(990);

    const grace = contactNamed("Grace", "Lee");
    const created = await call<{ new: boolean; opportunity: { id: string } }>(
      "opportunities_upsert",
      { contactId: grace.id, pipelineId: pipeline.id, name: "Grace Lee - Comeback" },
    );
    expect(created.new).toBe(true);
    expect(sandbox.store.opportunities.get(created.opportunity.id)?.contactId).toBe(grace.id);
  });

  it("adds and removes followers", async () => {
    const deal = dealOf("Chris", "Johnson");
    const priya = staff("Priya").id;
    const added = await call<{ followers: string[] }>("opportunities_add_followers", {
      opportunityId: deal.id,
      followers: [priya],
    });
    expect(added.followers).toEqual([priya]);
    await call("opportunities_remove_followers", { opportunityId: deal.id, followers: [priya] });
    expect(sandbox.store.opportunities.get(deal.id)?.followers).toEqual([]);
    expect(sandbox.requests.at(-1)).toMatchObject({
      method: "DELETE",
      body: { followers: [priya] },
    });
  });

  it.each(allTools.filter((t) => t.toolset === "opportunities").map((t) => t.name))(
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
