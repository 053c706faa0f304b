// Every Associations tool over real stdio against the sandbox playing GoHighLevel: each call works,
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

function contact(firstName: string, lastName: string) {
  const found = [...sandbox.store.contacts.values()].find(
    (c) => c.firstName === firstName && c.lastName === lastName,
  );
  if (!found) throw new Error(`The seed has no contact ${firstName} ${lastName}`);
  return found;
}

const OPPORTUNITY_CONTACT = "OPPORTUNITIES_CONTACTS_ASSOCIATION";
type Association = { id: string; key: string; associationType: string };
type Relation = { id: string; firstRecordId: string; secondRecordId: string };

describe("the Associations toolset over stdio", () => {
  it("lists every associations tool, deletes marked destructive", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "associations").map((t) => t.name);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
    const remove = tools.find((t) => t.name === "associations_delete") as unknown as {
      annotations: object;
    };
    expect(remove.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });

  it("pages through every association of the location exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<{ associations: Association[]; nextCursor?: string }>(
        "associations_list",
        { ...(cursor && { cursor }) },
      );
      seen.push(...page.associations.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...sandbox.store.associations.keys()].sort());
  });

  it("reads an association by id, by key and by the objects it joins", async () => {
    const byId = await call<{ association: Association }>("associations_get", {
      associationId: OPPORTUNITY_CONTACT,
    });
    expect(byId.association).toMatchObject({ associationType: "SYSTEM_DEFINED" });

    const byKey = await call<{ association: Association }>("associations_get_by_key", {
      key: "referral",
    });
    expect(byKey.association.associationType).toBe("USER_DEFINED");

    const forOpportunity = await call<{ associations: Association[] }>(
      "associations_list_by_object",
      { objectKey: "opportunity" },
    );
    expect(forOpportunity.associations.map((a) => a.id)).toEqual([OPPORTUNITY_CONTACT]);
  });

  it("creates, relabels and deletes an association, with its relations", async () => {
    const { association } = await call<{ association: Association }>("associations_create", {
      key: "training_partner",
      firstObjectKey: "contact",
      firstObjectLabel: "Partner",
      secondObjectKey: "contact",
      secondObjectLabel: "Partner of",
    });
    expect(sandbox.store.associations.get(association.id)?.key).toBe("training_partner");

    await call("associations_update", {
      associationId: association.id,
      firstObjectLabel: "Lifting partner",
      secondObjectLabel: "Lifts with",
    });
    expect(sandbox.store.associations.get(association.id)?.firstObjectLabel).toBe(
      "Lifting partner",
    );

    const { relation } = await call<{ relation: Relation }>("associations_create_relation", {
      associationId: association.id,
      firstRecordId: contact("Megan", "Doyle").id,
      secondRecordId: contact("Olivia", "Martin").id,
    });
    expect(sandbox.store.relations.has(relation.id)).toBe(true);

    const deleted = await call<{ succeeded: boolean }>("associations_delete", {
      associationId: association.id,
    });
    expect(deleted.succeeded).toBe(true);
    expect(sandbox.store.associations.has(association.id)).toBe(false);
    expect(sandbox.store.relations.has(relation.id)).toBe(false);
  });

  it("reports GHL's refusal to delete a built-in association", async () => {
    const result = await client.callTool("associations_delete", {
      associationId: OPPORTUNITY_CONTACT,
    });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Only user defined associations can be deleted");
    expect(sandbox.store.associations.has(OPPORTUNITY_CONTACT)).toBe(true);
  });

  it("lists a record's relations, narrowed to some associations", async () => {
    const jane = contact("Jane", "Cooper");
    const all = await call<{ relations: Relation[] }>("associations_list_relations", {
      recordId: jane.id,
    });
    expect(all.relations).toHaveLength(3);

    const business = await call<{ relations: Relation[] }>("associations_list_relations", {
      recordId: jane.id,
      associationIds: ["BUSINESSES_CONTACTS_ASSOCIATION"],
    });
    expect(business.relations).toEqual([
      expect.objectContaining({ firstRecordId: jane.businessId, secondRecordId: jane.id }),
    ]);
  });

  it("links an extra contact to an opportunity and unlinks it", async () => {
    const opportunity = [...sandbox.store.opportunities.values()][0]!;
    const { relation } = await call<{ relation: Relation }>("associations_create_relation", {
      associationId: OPPORTUNITY_CONTACT,
      firstRecordId: opportunity.id,
      secondRecordId: contact("Sam", "Whitaker").id,
    });
    expect(sandbox.store.relations.get(relation.id)?.firstRecordId).toBe(opportunity.id);

    await call("associations_delete_relation", { relationId: relation.id });
    expect(sandbox.store.relations.has(relation.id)).toBe(false);
  });

  it.each(allTools.filter((t) => t.toolset === "associations").map((t) => t.name))(
    "refuses invalid input to %s with an isError naming the field, sending nothing",
    async (name) => {
      const before = sandbox.requests.length;
      const result = await client.callTool(name, { notAnArgument: 1 });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/notAnArgument/);
      expect(sandbox.requests.length).toBe(before);
    },
  );

  it("refuses an empty association id before calling GHL", async () => {
    const before = sandbox.requests.length;
    const result = await client.callTool("associations_get", { associationId: " " });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/associationId: must be/);
    expect(sandbox.requests.length).toBe(before);
  });
});
