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

const agency = () => ({ token: sandbox.tokens.agency });

function staff(firstName: string) {
  return [...sandbox.store.users.values()].find((u) => u.firstName === firstName)!;
}

async function searchUsers(params: Record<string, string>, options = {}) {
  const query = new URLSearchParams({ companyId: sandbox.companyId, ...params });
  return call(sandbox, "GET", `/users/search?${query}`, options);
}

function newUser(overrides: Record<string, unknown> = {}) {
  return {
    companyId: sandbox.companyId,
    firstName: "Lena",
    lastName: "Park",
    email: "lena@northsidestrength.com",
    password: "correct horse battery",
    type: "account",
    role: "user",
    locationIds: [sandbox.locationId],
    ...overrides,
  };
}

it("serves every operation of users.json", () => {
  const missing = listOperations()
    .filter((operation) => operation.file === "users")
    .filter((operation) => !HANDLERS[operation.key]);
  expect(missing.map((operation) => operation.key)).toEqual([]);
});

describe("user search", () => {
  it("needs the company id even with a sub-account token", async () => {
    const response = await call(sandbox, "GET", "/users/search");
    expect(response.status).toBe(422);
    expect(response.body.message).toContain("companyId should not be empty");
  });

  it("lists the studio's staff by first name, with a count", async () => {
    const response = await searchUsers({});
    expect(response.status).toBe(200);
    expect(response.body.count).toBe(5);
    expect(response.body.users.map((u: { firstName: string }) => u.firstName)).toEqual([
      "Diego",
      "Hannah",
      "Marcus",
      "Priya",
      "Tyler",
    ]);
    expect(response.body.users[0].roles).toMatchObject({ type: "account", role: "user" });
  });

  it("matches a name, email or phone, filters by role and pages by skip and limit", async () => {
    const byEmail = await searchUsers({ query: "priya@" });
    expect(byEmail.body.users.map((u: { name: string }) => u.name)).toEqual(["Priya Shah"]);
    const admins = await searchUsers({ role: "admin" });
    expect(admins.body.users.map((u: { name: string }) => u.name)).toEqual(["Marcus Reid"]);
    const second = await searchUsers({ skip: "2", limit: "2" });
    expect(second.body.users.map((u: { firstName: string }) => u.firstName)).toEqual([
      "Marcus",
      "Priya",
    ]);
    expect(second.body.count).toBe(5);
  });

  it("refuses another agency's company", async () => {
    const response = await call(sandbox, "GET", "/users/search?companyId=someoneElse", agency());
    expect(response.status).toBe(403);
  });

  it("filters users by email for an agency token only", async () => {
    const body = {
      companyId: sandbox.companyId,
      emails: "priya@northsidestrength.com,HANNAH@northsidestrength.com",
    };
    const asAgency = await call(sandbox, "POST", "/users/search/filter-by-email", {
      ...agency(),
      body,
    });
    expect(asAgency.status).toBe(200);
    expect(asAgency.body.users.map((u: { firstName: string }) => u.firstName).sort()).toEqual([
      "Hannah",
      "Priya",
    ]);

    const asLocation = await call(sandbox, "POST", "/users/search/filter-by-email", { body });
    expect(asLocation.status).toBe(401);
  });

  it("lists a location's users through the deprecated route", async () => {
    const response = await call(sandbox, "GET", `/users/?locationId=${sandbox.locationId}`);
    expect(response.body.users).toHaveLength(5);
  });
});

describe("users", () => {
  it("gets a user with GHL's default permissions", async () => {
    const priya = staff("Priya");
    const response = await call(sandbox, "GET", `/users/${priya.id}`);
    expect(response.body).toMatchObject({
      id: priya.id,
      name: "Priya Shah",
      permissions: { contactsEnabled: true, websitesEnabled: false },
      roles: { locationIds: [sandbox.locationId] },
      deleted: false,
    });
  });

  it("creates a user who then appears in search", async () => {
    const created = await call(sandbox, "POST", "/users/", {
      body: newUser({ phone: "(312) 555-0177", permissions: { websitesEnabled: true } }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Lena Park",
      phone: "+13125550177",
      permissions: { websitesEnabled: true, contactsEnabled: true },
    });
    const found = await searchUsers({ query: "Lena" });
    expect(found.body.users.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
  });

  it("refuses an email another user of the company has", async () => {
    const response = await call(sandbox, "POST", "/users/", {
      body: newUser({ email: "PRIYA@northsidestrength.com" }),
    });
    expect(response.status).toBe(400);
  });

  it("refuses a sub-account token giving access to a location it does not cover", async () => {
    const response = await call(sandbox, "POST", "/users/", {
      body: newUser({ locationIds: [sandbox.locationId, "otherLocation0000000"] }),
    });
    expect(response.status).toBe(403);
  });

  it("updates a user's role and merges permissions, but not their email", async () => {
    const diego = staff("Diego");
    const updated = await call(sandbox, "PUT", `/users/${diego.id}`, {
      body: { role: "admin", permissions: { websitesEnabled: true } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      roles: { role: "admin" },
      permissions: { websitesEnabled: true, contactsEnabled: true },
    });

    const email = await call(sandbox, "PUT", `/users/${diego.id}`, {
      body: { email: "diego@elsewhere.com" },
    });
    expect(email.status).toBe(400);
    expect(sandbox.store.users.get(diego.id)?.email).toBe("diego@northsidestrength.com");
  });

  it("deletes a user: queued in GHL's words, gone from search, their records unassigned", async () => {
    const diego = staff("Diego");
    const owned = [...sandbox.store.opportunities.values()].filter(
      (o) => o.assignedTo === diego.id,
    );
    expect(owned.length).toBeGreaterThan(0);

    const response = await call(sandbox, "DELETE", `/users/${diego.id}`);
    expect(response.body).toEqual({
      succeded: true,
      message:
        "Queued deleting user with e-mail diego@northsidestrength.com and name Diego Alvarez. Will take effect in a few minutes.",
    });
    expect(sandbox.store.users.get(diego.id)?.deleted).toBe(true);
    for (const o of owned)
      expect(sandbox.store.opportunities.get(o.id)?.assignedTo).toBeUndefined();
    expect(seededContact(sandbox, "Robert", "Chen").assignedTo).toBeUndefined();

    const found = await searchUsers({ query: "Diego" });
    expect(found.body.users).toEqual([]);
    const read = await call(sandbox, "GET", `/users/${diego.id}`);
    expect(read.body.deleted).toBe(true);
  });

  it("answers an unknown user id with a 400 naming it", async () => {
    const response = await call(sandbox, "GET", "/users/nobody");
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("User with id nobody not found");
  });
});
