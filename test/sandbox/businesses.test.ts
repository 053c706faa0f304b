import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call, seededContact } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

function businessNamed(name: string) {
  const business = [...sandbox.store.businesses.values()].find((b) => b.name === name);
  if (!business) throw new Error(`The seed has no business ${name}`);
  return business;
}

describe("businesses", () => {
  it("lists the location's two seeded businesses, oldest first", async () => {
    const response = await call(sandbox, "GET", `/businesses/?locationId=${sandbox.locationId}`);
    expect(response.status).toBe(200);
    expect(response.body.businesses.map((b: { name: string }) => b.name)).toEqual([
      "Acme Logistics",
      "Morales Dental",
    ]);
  });

  it("pages with skip and limit, typed as strings", async () => {
    const response = await call(
      sandbox,
      "GET",
      `/businesses/?locationId=${sandbox.locationId}&skip=1&limit=1`,
    );
    expect(response.body.businesses.map((b: { name: string }) => b.name)).toEqual([
      "Morales Dental",
    ]);
  });

  it("creates a business, answering in the misspelt `buiseness` envelope", async () => {
    const created = await call(sandbox, "POST", "/businesses/", {
      body: { locationId: sandbox.locationId, name: "Chen Architects", city: "Chicago" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      success: true,
      buiseness: { name: "Chen Architects", city: "Chicago", locationId: sandbox.locationId },
    });
    const id = created.body.buiseness.id as string;
    const read = await call(sandbox, "GET", `/businesses/${id}`);
    expect(read.body.business).toMatchObject({ id, name: "Chen Architects" });
  });

  it("refuses a business without a name, and a locationId on update", async () => {
    const nameless = await call(sandbox, "POST", "/businesses/", {
      body: { locationId: sandbox.locationId },
    });
    expect(nameless.status).toBe(422);
    const acme = businessNamed("Acme Logistics");
    const update = await call(sandbox, "PUT", `/businesses/${acme.id}`, {
      body: { locationId: sandbox.locationId, name: "Acme" },
    });
    expect(update.status).toBe(422);
    expect(update.body.message).toEqual(["property locationId should not exist"]);
  });

  it("updates only the fields given", async () => {
    const acme = businessNamed("Acme Logistics");
    const updated = await call(sandbox, "PUT", `/businesses/${acme.id}`, {
      body: { phone: "+13125550399" },
    });
    expect(updated.body.buiseness).toMatchObject({
      name: "Acme Logistics",
      phone: "+13125550399",
      email: "wellness@acmelogistics.com",
      updatedAt: "2026-03-09T15:00:00.000Z",
    });
  });

  it("unlinks its contacts when a business is deleted, keeping the contacts", async () => {
    const acme = businessNamed("Acme Logistics");
    const jane = seededContact(sandbox, "Jane", "Cooper");
    expect(jane.businessId).toBe(acme.id);

    const deleted = await call(sandbox, "DELETE", `/businesses/${acme.id}`);
    expect(deleted.body).toEqual({ success: true });
    expect(sandbox.store.businesses.has(acme.id)).toBe(false);
    expect(sandbox.store.contacts.get(jane.id)?.businessId).toBeUndefined();
    expect((await call(sandbox, "GET", `/businesses/${acme.id}`)).status).toBe(400);
  });

  it("keeps another location's token away from a business", async () => {
    const acme = businessNamed("Acme Logistics");
    const other = sandbox.mintToken({ kind: "location-pit", locationId: "AnotherLocation00001" });
    const response = await call(sandbox, "GET", `/businesses/${acme.id}`, { token: other });
    expect(response.status).toBe(403);
  });
});
