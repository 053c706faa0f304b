import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const OPPORTUNITY_CONTACT = "OPPORTUNITIES_CONTACTS_ASSOCIATION";

function referral() {
  const found = [...sandbox.store.associations.values()].find((a) => a.key === "referral");
  if (!found) throw new Error("The seed has no referral association");
  return found;
}

function createAssociation(body: Record<string, unknown>) {
  return call(sandbox, "POST", "/associations/", {
    body: {
      locationId: sandbox.locationId,
      key: "household",
      firstObjectKey: "contact",
      firstObjectLabel: "Parent",
      secondObjectKey: "contact",
      secondObjectLabel: "Child",
      ...body,
    },
  });
}

function relate(associationId: string, firstRecordId: string, secondRecordId: string) {
  return call(sandbox, "POST", "/associations/relations", {
    body: { locationId: sandbox.locationId, associationId, firstRecordId, secondRecordId },
  });
}

describe("associations", () => {
  it("lists the location's associations a page at a time", async () => {
    const loc = sandbox.locationId;
    const all = await call(sandbox, "GET", `/associations/?locationId=${loc}&skip=0&limit=10`);
    expect(all.status).toBe(200);
    expect(all.body.associations.map((a: { key: string }) => a.key)).toEqual(
      expect.arrayContaining(["BUSINESSES_CONTACTS_ASSOCIATION", OPPORTUNITY_CONTACT, "referral"]),
    );

    const second = await call(sandbox, "GET", `/associations/?locationId=${loc}&skip=1&limit=1`);
    expect(second.body.associations).toEqual([all.body.associations[1]]);
  });

  it("refuses a list without skip and limit, as the spec requires both", async () => {
    const response = await call(sandbox, "GET", `/associations/?locationId=${sandbox.locationId}`);
    expect(response.status).toBe(422);
    expect(response.body.message.join(" ")).toMatch(/skip.*limit/);
  });

  it("reads a built-in association by id and by key", async () => {
    const byId = await call(sandbox, "GET", `/associations/${OPPORTUNITY_CONTACT}`);
    expect(byId.body).toMatchObject({
      id: OPPORTUNITY_CONTACT,
      firstObjectKey: "opportunity",
      secondObjectKey: "contact",
      associationType: "SYSTEM_DEFINED",
    });

    const byKey = await call(
      sandbox,
      "GET",
      `/associations/key/referral?locationId=${sandbox.locationId}`,
    );
    expect(byKey.body).toMatchObject({ id: referral().id, associationType: "USER_DEFINED" });
  });

  it("answers an unknown association id with a 400 not found", async () => {
    const response = await call(sandbox, "GET", "/associations/nope");
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Association with id nope not found");
  });

  it("lists the associations an object takes part in, on either side", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/associations/objectKey/opportunity?locationId=${sandbox.locationId}`,
    );
    expect(response.body.associations.map((a: { id: string }) => a.id)).toEqual([
      OPPORTUNITY_CONTACT,
    ]);
  });

  it("creates a user-defined association with string labels", async () => {
    const created = await createAssociation({});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: "household", associationType: "USER_DEFINED" });
    expect(sandbox.store.associations.get(created.body.id)?.firstObjectLabel).toBe("Parent");
  });

  it("refuses a second association with the same key", async () => {
    const response = await createAssociation({ key: "referral" });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Association with key referral already exists");
  });

  it("refuses an object key that names no object", async () => {
    const response = await createAssociation({ secondObjectKey: "pets" });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Invalid object key pets");
  });

  it("relabels a user-defined association but not a built-in one", async () => {
    const labels = { firstObjectLabel: "Referred by", secondObjectLabel: "Referral" };
    const updated = await call(sandbox, "PUT", `/associations/${referral().id}`, { body: labels });
    expect(updated.body).toMatchObject(labels);

    const builtIn = await call(sandbox, "PUT", `/associations/${OPPORTUNITY_CONTACT}`, {
      body: labels,
    });
    expect(builtIn.status).toBe(400);
  });

  it("deletes a user-defined association together with its relations", async () => {
    const { id } = referral();
    const response = await call(sandbox, "DELETE", `/associations/${id}`);
    expect(response.body).toEqual({
      deleted: true,
      id,
      message: "Association deleted successfully",
    });
    expect(sandbox.store.associations.has(id)).toBe(false);
    expect([...sandbox.store.relations.values()].some((r) => r.associationId === id)).toBe(false);
  });

  it("refuses to delete a built-in association", async () => {
    const response = await call(sandbox, "DELETE", `/associations/${OPPORTUNITY_CONTACT}`);
    expect(response.status).toBe(400);
    expect(sandbox.store.associations.has(OPPORTUNITY_CONTACT)).toBe(true);
  });
});

describe("relations", () => {
  const relationsOf = (recordId: string, extra = "") =>
    call(
      sandbox,
      "GET",
      `/associations/relations/${recordId}?locationId=${sandbox.locationId}&skip=0&limit=10${extra}`,
    );

  it("lists a record's relations whichever side it is on", async () => {
    const robert = seededContact(sandbox, "Robert", "Chen");
    const response = await relationsOf(robert.id);
    expect(response.body.relations).toHaveLength(2);
    for (const relation of response.body.relations) {
      expect([relation.firstRecordId, relation.secondRecordId]).toContain(robert.id);
    }
  });

  it("narrows a record's relations to the associations asked for", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const all = await relationsOf(jane.id);
    const business = await relationsOf(jane.id, "&associationIds=BUSINESSES_CONTACTS_ASSOCIATION");
    expect(all.body.relations).toHaveLength(3);
    expect(business.body.relations).toEqual([
      expect.objectContaining({ firstRecordId: jane.businessId, secondRecordId: jane.id }),
    ]);
  });

  it("creates a relation between two existing records of the association's objects", async () => {
    const opportunity = [...sandbox.store.opportunities.values()][0]!;
    const sam = seededContact(sandbox, "Sam", "Whitaker");
    const created = await relate(OPPORTUNITY_CONTACT, opportunity.id, sam.id);
    expect(created.status).toBe(201);
    expect(sandbox.store.relations.get(created.body.id)).toMatchObject({
      associationId: OPPORTUNITY_CONTACT,
      firstRecordId: opportunity.id,
      secondRecordId: sam.id,
    });
  });

  it("refuses a relation to a record that is not the object the association names", async () => {
    const jane = seededContact(sandbox, "Jane", "Cooper");
    const response = await relate(OPPORTUNITY_CONTACT, jane.id, jane.id);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(`Record with id ${jane.id} not found`);
  });

  it("refuses the same relation twice", async () => {
    const [first] = [...sandbox.store.relations.values()];
    const response = await relate(
      first!.associationId,
      first!.firstRecordId,
      first!.secondRecordId,
    );
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Relation already exists");
  });

  it("deletes a relation of the location named", async () => {
    const [relation] = [...sandbox.store.relations.values()];
    const path = `/associations/relations/${relation!.id}?locationId=${sandbox.locationId}`;
    const deleted = await call(sandbox, "DELETE", path);
    expect(deleted.body).toMatchObject({ id: relation!.id });
    expect(sandbox.store.relations.has(relation!.id)).toBe(false);
    expect((await call(sandbox, "DELETE", path)).status).toBe(400);
  });
});
