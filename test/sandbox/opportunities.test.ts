import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { HANDLERS } from "../../src/sandbox/handlers/registry.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { listOperations } from "../../src/spec/operations.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function pipeline() {
  return [...sandbox.store.pipelines.values()].find((p) => p.name === "New Member Journey")!;
}

function stage(name: string) {
  return pipeline().stages.find((s) => s.name === name)!;
}

function opportunityOf(firstName: string, lastName: string) {
  const contact = seededContact(sandbox, firstName, lastName);
  return [...sandbox.store.opportunities.values()].find((o) => o.contactId === contact.id)!;
}

function lostReason(name: string) {
  return [...sandbox.store.lostReasons.values()].find((r) => r.name === name)!;
}

function staff(firstName: string) {
  return [...sandbox.store.users.values()].find((u) => u.firstName === firstName)!;
}

async function search(params: Record<string, string>) {
  const query = new URLSearchParams({ location_id: sandbox.locationId, ...params });
  return call(sandbox, "GET", `/opportunities/search?${query}`);
}

async function create(body: Record<string, unknown>) {
  return call(sandbox, "POST", "/opportunities/", {
    body: { locationId: sandbox.locationId, pipelineId: pipeline().id, status: "open", ...body },
  });
}

it("serves every operation of opportunities.json", () => {
  const missing = listOperations()
    .filter((operation) => operation.file === "opportunities")
    .filter((operation) => !HANDLERS[operation.key]);
  expect(missing.map((operation) => operation.key)).toEqual([]);
});

describe("pipelines and lost reasons", () => {
  it("lists the New Member Journey with its five stages in order", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/opportunities/pipelines?locationId=${sandbox.locationId}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.pipelines).toHaveLength(1);
    expect(response.body.pipelines[0].stages.map((s: { name: string }) => s.name)).toEqual([
      "New Lead",
      "Intro Booked",
      "Intro Completed",
      "Package Proposed",
      "Won: Member",
    ]);
  });

  it("lists the location's lost reasons, with a total only when asked", async () => {
    const plain = await call(
      sandbox,
      "GET",
      `/opportunities/lost-reason?locationId=${sandbox.locationId}`,
    );
    expect(plain.body.lostReasons.map((r: { name: string }) => r.name)).toContain("Price too high");
    expect(plain.body.total).toBeUndefined();

    const counted = await call(
      sandbox,
      "GET",
      `/opportunities/lost-reason?locationId=${sandbox.locationId}&getCount=true&limit=2`,
    );
    expect(counted.body.lostReasons).toHaveLength(2);
    expect(counted.body.total).toBe(4);
  });
});

describe("opportunity search", () => {
  it("takes the location as snake_case location_id and refuses camelCase", async () => {
    const refused = await call(
      sandbox,
      "GET",
      `/opportunities/search?locationId=${sandbox.locationId}`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain("property locationId should not exist");
  });

  it("returns only open opportunities unless a status is asked for", async () => {
    const open = await search({});
    expect(open.body.opportunities.map((o: { status: string }) => o.status)).toEqual(
      Array(open.body.opportunities.length).fill("open"),
    );
    const all = await search({ status: "all" });
    expect(all.body.meta.total).toBe(sandbox.store.opportunities.size);
    const lost = await search({ status: "lost" });
    expect(lost.body.opportunities[0]).toMatchObject({
      name: "Marcus Bell - Free Intro",
      lostReasonId: lostReason("Chose another gym").id,
    });
  });

  it("filters by stage, contact and owner with GHL's snake_case names", async () => {
    const booked = await search({ pipeline_stage_id: stage("Intro Booked").id });
    expect(booked.body.opportunities.map((o: { name: string }) => o.name).sort()).toEqual([
      "Aisha Thompson - Free Intro",
      "Jayne Whitfield - Free Intro",
    ]);

    const jane = seededContact(sandbox, "Jane", "Cooper");
    const mine = await search({ contact_id: jane.id });
    expect(mine.body.opportunities).toHaveLength(1);
    expect(mine.body.opportunities[0].contact).toMatchObject({ email: jane.email });

    const diego = staff("Diego");
    const owned = await search({ assigned_to: diego.id, status: "all" });
    expect(owned.body.opportunities.length).toBeGreaterThan(0);
    for (const o of owned.body.opportunities) expect(o.assignedTo).toBe(diego.id);
  });

  it("matches q against the contact's email", async () => {
    const found = await search({ q: "cjohnson.chi@gmail" });
    expect(found.body.opportunities.map((o: { name: string }) => o.name)).toEqual([
      "Chris Johnson - Personal Training",
    ]);
  });

  it("bounds the creation day with date and endDate in mm-dd-yyyy", async () => {
    const lastWeek = await search({ date: "03-02-2026", endDate: "03-09-2026" });
    const names = lastWeek.body.opportunities.map((o: { name: string }) => o.name);
    expect(names).toContain("Jane Doe - Spring Challenge");
    expect(names).not.toContain("Emily Nguyen - 10-session package");

    const iso = await search({ date: "2026-03-02" });
    expect(iso.status).toBe(422);
    expect(iso.body.message).toEqual(["date must be a date in mm-dd-yyyy format"]);
  });

  it("pages by page and limit, newest first, with meta", async () => {
    const first = await search({ status: "all", limit: "3" });
    expect(first.body.opportunities).toHaveLength(3);
    expect(first.body.meta).toMatchObject({
      total: 9,
      currentPage: 1,
      nextPage: 2,
      prevPage: null,
    });
    const added = first.body.opportunities.map((o: { createdAt: string }) => o.createdAt);
    expect([...added].sort().reverse()).toEqual(added);

    const second = await search({ status: "all", limit: "3", page: "2" });
    expect(second.body.meta).toMatchObject({ currentPage: 2, prevPage: 1 });
    expect(second.body.opportunities[0].id).not.toBe(first.body.opportunities[2].id);
  });

  it("walks every opportunity exactly once by startAfter and startAfterId", async () => {
    const seen: string[] = [];
    let params: Record<string, string> = { status: "all", limit: "4", order: "added_asc" };
    for (;;) {
      const page = await search(params);
      seen.push(...page.body.opportunities.map((o: { id: string }) => o.id));
      if (!page.body.meta.startAfterId) break;
      expect(page.body.meta.nextPageUrl).toContain(sandbox.url);
      params = {
        status: "all",
        limit: "4",
        order: "added_asc",
        startAfter: String(page.body.meta.startAfter),
        startAfterId: page.body.meta.startAfterId,
      };
    }
    expect(seen).toHaveLength(sandbox.store.opportunities.size);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("pages the POST search by the searchAfter each hit carries", async () => {
    const body = {
      locationId: sandbox.locationId,
      query: "",
      limit: 5,
      page: 1,
      searchAfter: [] as string[],
      additionalDetails: {
        notes: false,
        tasks: true,
        calendarEvents: false,
        unReadConversations: false,
      },
    };
    const first = await call(sandbox, "POST", "/opportunities/search", { body });
    expect(first.body.total).toBe(sandbox.store.opportunities.size);
    expect(first.body.opportunities).toHaveLength(5);
    expect(first.body.opportunities[0].tasks).toBeDefined();

    const last = first.body.opportunities[4];
    const second = await call(sandbox, "POST", "/opportunities/search", {
      body: { ...body, searchAfter: last.searchAfter },
    });
    const ids = [...first.body.opportunities, ...second.body.opportunities].map(
      (o: { id: string }) => o.id,
    );
    expect(new Set(ids).size).toBe(sandbox.store.opportunities.size);
  });

  it("refuses more than 100 per page", async () => {
    const response = await search({ limit: "101" });
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual(["limit must not be greater than 100"]);
  });
});

describe("opportunities", () => {
  it("creates one in the pipeline's first stage by default, and reads it back", async () => {
    const contact = seededContact(sandbox, "Sarah", "Patel");
    const created = await create({ contactId: contact.id, name: "Sarah Patel - Nutrition" });
    expect(created.status).toBe(201);
    expect(created.body.opportunity).toMatchObject({
      pipelineStageId: stage("New Lead").id,
      status: "open",
      monetaryValue: 0,
      createdAt: "2026-03-09T15:00:00.000Z",
    });

    const read = await call(sandbox, "GET", `/opportunities/${created.body.opportunity.id}`);
    expect(read.body.opportunity.contact).toMatchObject({ name: "Sarah Patel" });
  });

  it("refuses a second opportunity for a contact in the same pipeline, naming the first", async () => {
    const existing = opportunityOf("Jane", "Cooper");
    const response = await create({ contactId: existing.contactId, name: "Another" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      message: "Can not create duplicate opportunity for the contact.",
      code: "OPPORTUNITY_NO_DUPLICATE",
      meta: { existingId: existing.id },
    });
  });

  it("refuses a stage the pipeline does not have, and the search-only status all", async () => {
    const contact = seededContact(sandbox, "Sarah", "Patel");
    const badStage = await create({ contactId: contact.id, name: "X", pipelineStageId: "nope" });
    expect(badStage.status).toBe(400);
    const all = await create({ contactId: contact.id, name: "X", status: "all" });
    expect(all.status).toBe(422);
  });

  it("moves an opportunity to another stage and stamps the change", async () => {
    const deal = opportunityOf("Jane", "Doe");
    const response = await call(sandbox, "PUT", `/opportunities/${deal.id}`, {
      body: { pipelineStageId: stage("Intro Booked").id, monetaryValue: 149 },
    });
    expect(response.status).toBe(200);
    expect(sandbox.store.opportunities.get(deal.id)).toMatchObject({
      pipelineStageId: stage("Intro Booked").id,
      monetaryValue: 149,
      lastStageChangeAt: "2026-03-09T15:00:00.000Z",
    });
  });

  it("moves an opportunity to another pipeline's first stage", async () => {
    const other = sandbox.store.insert(sandbox.store.pipelines, {
      locationId: sandbox.locationId,
      name: "Corporate Wellness",
      stages: [{ id: "corp-1", name: "Contacted", position: 0 }],
      showInFunnel: true,
      showInPieChart: true,
    });
    const deal = opportunityOf("Jane", "Doe");
    await call(sandbox, "PUT", `/opportunities/${deal.id}`, { body: { pipelineId: other.id } });
    expect(sandbox.store.opportunities.get(deal.id)).toMatchObject({
      pipelineId: other.id,
      pipelineStageId: "corp-1",
    });
  });

  it("marks an opportunity lost with a lost reason, and reopening drops the reason", async () => {
    const deal = opportunityOf("Jane", "Cooper");
    const reason = lostReason("Price too high");
    const lost = await call(sandbox, "PUT", `/opportunities/${deal.id}/status`, {
      body: { status: "lost", lostReasonId: reason.id },
    });
    expect(lost.body).toEqual({ succeded: true });
    expect(sandbox.store.opportunities.get(deal.id)).toMatchObject({
      status: "lost",
      lostReasonId: reason.id,
      lastStatusChangeAt: "2026-03-09T15:00:00.000Z",
    });

    await call(sandbox, "PUT", `/opportunities/${deal.id}/status`, { body: { status: "open" } });
    expect(sandbox.store.opportunities.get(deal.id)?.lostReasonId).toBeUndefined();
  });

  it("refuses a lost reason with another status, and one the location does not have", async () => {
    const deal = opportunityOf("Jane", "Cooper");
    const wrongStatus = await call(sandbox, "PUT", `/opportunities/${deal.id}/status`, {
      body: { status: "won", lostReasonId: lostReason("No response").id },
    });
    expect(wrongStatus.status).toBe(422);
    const unknown = await call(sandbox, "PUT", `/opportunities/${deal.id}/status`, {
      body: { status: "lost", lostReasonId: "nope" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe("Lost reason with id nope not found");
  });

  it("deletes an opportunity, after which it is not found", async () => {
    const deal = opportunityOf("Jane", "Doe");
    const deleted = await call(sandbox, "DELETE", `/opportunities/${deal.id}`);
    expect(deleted.body).toEqual({ succeded: true });
    const read = await call(sandbox, "GET", `/opportunities/${deal.id}`);
    expect(read.status).toBe(400);
    expect(read.body.message).toBe(`Opportunity with id ${deal.id} not found`);
  });

  it("refuses an opportunity of a location the token does not cover", async () => {
    const elsewhere = sandbox.store.insert(sandbox.store.opportunities, {
      ...opportunityOf("Jane", "Doe"),
      locationId: "otherLocation0000000",
    });
    const response = await call(sandbox, "GET", `/opportunities/${elsewhere.id}`);
    expect(response.status).toBe(403);
    expect(response.body.message).toBe("The token does not have access to this location.");
  });

  it("deletes a contact's opportunities with the contact", async () => {
    const deal = opportunityOf("Jane", "Cooper");
    await call(sandbox, "DELETE", `/contacts/${deal.contactId}`);
    expect(sandbox.store.opportunities.has(deal.id)).toBe(false);
  });
});

describe("opportunity upsert", () => {
  it("updates the opportunity the contact already has in the pipeline", async () => {
    const deal = opportunityOf("Emily", "Nguyen");
    const response = await call(sandbox, "POST", "/opportunities/upsert", {
      body: {
        locationId: sandbox.locationId,
        pipelineId: pipeline().id,
        contactId: deal.contactId,
        pipelineStageId: stage("Package Proposed").id,
      },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ new: false, opportunity: { id: deal.id } });
    expect(sandbox.store.opportunities.get(deal.id)?.pipelineStageId).toBe(
      stage("Package Proposed").id,
    );
  });

  it("creates one when the contact has none in the pipeline", async () => {
    const contact = seededContact(sandbox, "Grace", "Lee");
    const response = await call(sandbox, "POST", "/opportunities/upsert", {
      body: {
        locationId: sandbox.locationId,
        pipelineId: pipeline().id,
        contactId: contact.id,
        name: "Grace Lee - Return",
        monetaryValue: 450,
      },
    });
    expect(response.body).toMatchObject({ new: true, opportunity: { monetaryValue: 450 } });
    expect(sandbox.store.opportunities.get(response.body.opportunity.id)?.contactId).toBe(
      contact.id,
    );
  });

  it("needs the contact, and a name for a new opportunity", async () => {
    const noContact = await call(sandbox, "POST", "/opportunities/upsert", {
      body: { locationId: sandbox.locationId, pipelineId: pipeline().id },
    });
    expect(noContact.status).toBe(422);
    expect(noContact.body.message).toContain("contactId should not be empty");

    const noName = await call(sandbox, "POST", "/opportunities/upsert", {
      body: {
        locationId: sandbox.locationId,
        pipelineId: pipeline().id,
        contactId: seededContact(sandbox, "Grace", "Lee").id,
      },
    });
    expect(noName.status).toBe(422);
  });
});

describe("opportunity followers", () => {
  it("adds followers once each and removes them with a JSON body on DELETE", async () => {
    const deal = opportunityOf("Jane", "Doe");
    const [priya, hannah] = [staff("Priya").id, staff("Hannah").id];
    const added = await call(sandbox, "POST", `/opportunities/${deal.id}/followers`, {
      body: { followers: [priya, hannah, priya] },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ followers: [priya, hannah], followersAdded: [priya, hannah] });

    const again = await call(sandbox, "POST", `/opportunities/${deal.id}/followers`, {
      body: { followers: [priya] },
    });
    expect(again.body.followersAdded).toEqual([]);

    const removed = await call(sandbox, "DELETE", `/opportunities/${deal.id}/followers`, {
      body: { followers: [priya] },
    });
    expect(removed.body).toEqual({ followers: [hannah], followersRemoved: [priya] });
  });

  it("removes every follower with isRemoveAllFollowers", async () => {
    const deal = opportunityOf("Priyanka", "Desai");
    expect(deal.followers.length).toBeGreaterThan(0);
    await call(sandbox, "DELETE", `/opportunities/${deal.id}/followers?isRemoveAllFollowers=true`, {
      body: { followers: [] },
    });
    expect(sandbox.store.opportunities.get(deal.id)?.followers).toEqual([]);
  });

  it("refuses a follower who is not a user of the location", async () => {
    const deal = opportunityOf("Jane", "Doe");
    const response = await call(sandbox, "POST", `/opportunities/${deal.id}/followers`, {
      body: { followers: ["notAUser"] },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("User with id notAUser not found");
  });
});
