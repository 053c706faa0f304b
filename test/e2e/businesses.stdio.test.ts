// Every Businesses tool over real stdio against the sandbox playing GoHighLevel: each call works,
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

describe("the Businesses toolset over stdio", () => {
  it("lists every businesses tool", async () => {
    const { tools } = await client.listTools();
    const expected = allTools.filter((t) => t.toolset === "businesses").map((t) => t.name);
    expect(expected).toHaveLength(5);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(expected));
  });

  it("lists the seeded businesses", async () => {
    const page = await call<{ businesses: { name: string }[]; nextCursor?: string }>(
      "businesses_list",
      {},
    );
    expect(page.businesses.map((b) => b.name).slice(0, 2)).toEqual([
      "Acme Logistics",
      "Morales Dental",
    ]);
  });

  it("creates, reads, updates and deletes a business", async () => {
    const { business } = await call<{ business: { id: string; name: string } }>(
      "businesses_create",
      {
        name: "Chen Architects",
        more: {
          email: "office@chenarchitects.com",
          city: "Chicago",
          website: "https://chenarchitects.com",
        },
      },
    );
    expect(sandbox.store.businesses.get(business.id)).toMatchObject({
      locationId: sandbox.locationId,
      name: "Chen Architects",
      city: "Chicago",
      website: "https://chenarchitects.com",
    });

    const read = await call<{ business: { email: string } }>("businesses_get", {
      businessId: business.id,
    });
    expect(read.business.email).toBe("office@chenarchitects.com");

    await call("businesses_update", {
      businessId: business.id,
      more: { phone: "+13125550410" },
    });
    expect(sandbox.store.businesses.get(business.id)?.phone).toBe("+13125550410");

    await call("businesses_delete", { businessId: business.id });
    expect(sandbox.store.businesses.has(business.id)).toBe(false);
  });

  it("deleting a business unlinks its contacts", async () => {
    const acme = [...sandbox.store.businesses.values()].find((b) => b.name === "Acme Logistics")!;
    const linked = () =>
      [...sandbox.store.contacts.values()].filter((c) => c.businessId === acme.id);
    const contacts = linked();
    expect(contacts.length).toBeGreaterThan(0);

    await call("businesses_delete", { businessId: acme.id });
    expect(linked()).toEqual([]);
    for (const contact of contacts) expect(sandbox.store.contacts.has(contact.id)).toBe(true);
  });

  it("refuses a nameless business and a malformed email before calling GHL", async () => {
    const before = sandbox.requests.length;
    const nameless = await client.callTool("businesses_create", {
      more: { phone: "+13125550000" },
    });
    expect(nameless.isError).toBe(true);
    expect(textOf(nameless)).toContain("name");
    const badEmail = await client.callTool("businesses_create", {
      name: "X",
      more: { email: "not-mail" },
    });
    expect(textOf(badEmail)).toContain("email");
    expect(sandbox.requests.length).toBe(before);
  });
});
