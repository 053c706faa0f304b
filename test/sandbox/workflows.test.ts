// The sandbox's workflows, campaigns and snapshots, and the contact-level calls filed with them:
// enrolment in a workflow, followers, and the bulk business link.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const workflowNamed = (name: string) =>
  [...sandbox.store.workflows.values()].find((w) => w.name === name)!;

describe("workflows and campaigns", () => {
  it("lists the location's workflows by name, with UUID ids", async () => {
    const response = await call(sandbox, "GET", `/workflows/?locationId=${sandbox.locationId}`);
    expect(response.status).toBe(200);
    expect(response.body.workflows.map((w: { name: string }) => w.name)).toEqual([
      "Free Intro Booked: Reminder Sequence",
      "Package Renewal Reminder",
    ]);
    expect(response.body.workflows[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: "published",
      locationId: sandbox.locationId,
    });
  });

  it("refuses to list another location's workflows to a sub-account token", async () => {
    const response = await call(sandbox, "GET", "/workflows/?locationId=someOtherLocation");
    expect(response.status).toBe(403);
  });

  it("lists campaigns, and only those with the status asked for", async () => {
    const all = await call(sandbox, "GET", `/campaigns/?locationId=${sandbox.locationId}`);
    expect(all.body.campaigns).toHaveLength(2);

    const [first] = sandbox.store.campaigns.values();
    first!.status = "draft";
    const drafts = await call(
      sandbox,
      "GET",
      `/campaigns/?locationId=${sandbox.locationId}&status=draft`,
    );
    expect(drafts.body.campaigns).toEqual([
      { id: first!.id, name: first!.name, status: "draft", locationId: sandbox.locationId },
    ]);
  });

  it("enrolls a contact in a workflow with an event time, and removes it with a JSON body", async () => {
    const jane = seededContact(sandbox, "Jane", "Doe");
    const workflow = workflowNamed("Package Renewal Reminder");
    const path = `/contacts/${jane.id}/workflow/${workflow.id}`;
    const enrolled = () =>
      sandbox.store.workflowMemberships.filter(
        (m) => m.contactId === jane.id && m.workflowId === workflow.id,
      );

    const added = await call(sandbox, "POST", path, {
      body: { eventStartTime: "2026-03-12T09:00:00-05:00" },
    });
    expect(added.body).toEqual({ succeded: true });
    expect(enrolled()).toEqual([
      expect.objectContaining({ eventStartTime: "2026-03-12T09:00:00-05:00" }),
    ]);

    const removed = await call(sandbox, "DELETE", path, { body: {} });
    expect(removed.body).toEqual({ succeded: true });
    expect(enrolled()).toEqual([]);
  });

  it("refuses to enroll a contact in a workflow that does not exist", async () => {
    const jane = seededContact(sandbox, "Jane", "Doe");
    const response = await call(sandbox, "POST", `/contacts/${jane.id}/workflow/nope`, {
      body: {},
    });
    expect(response.status).toBe(400);
  });

  it("removes followers with a DELETE that carries a JSON body, reporting which went", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const [follower] = jane.followers;
    const response = await call(sandbox, "DELETE", `/contacts/${jane.id}/followers`, {
      body: { followers: [follower, "notAFollower"] },
    });
    expect(response.body).toEqual({ followers: [], followersRemoved: [follower] });
    expect(sandbox.store.contacts.get(jane.id)?.followers).toEqual([]);
  });

  it("unlinks contacts from their business when businessId is null", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    expect(jane.businessId).toBeDefined();
    const response = await call(sandbox, "POST", "/contacts/bulk/business", {
      body: { locationId: sandbox.locationId, ids: [jane.id], businessId: null },
    });
    expect(response.body).toEqual({ success: true, ids: [jane.id] });
    expect(sandbox.store.contacts.get(jane.id)?.businessId).toBeUndefined();
  });
});

describe("snapshots", () => {
  it("lists the agency's snapshots to an agency token", async () => {
    const response = await call(sandbox, "GET", `/snapshots/?companyId=${sandbox.companyId}`, {
      token: sandbox.tokens.agency,
    });
    expect(response.status).toBe(200);
    expect(response.body.snapshots).toEqual([
      { id: expect.any(String), name: "Fitness Studio Starter", type: "own" },
      { id: expect.any(String), name: "Gym Lead Nurture Pack", type: "imported" },
    ]);
  });

  it("refuses snapshots to a sub-account token, which lacks the agency scope", async () => {
    const response = await call(sandbox, "GET", `/snapshots/?companyId=${sandbox.companyId}`);
    expect(response.status).toBe(401);
    expect(response.body.message).toBe("The token is not authorized for this scope.");
  });

  it("refuses another agency's snapshots", async () => {
    const response = await call(sandbox, "GET", "/snapshots/?companyId=anotherAgency", {
      token: sandbox.tokens.agency,
    });
    expect(response.status).toBe(403);
  });
});
