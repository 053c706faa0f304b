import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { call } from "./http.js";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => Date.parse("2026-03-09T15:00:00Z") });
});
afterAll(() => sandbox.close());

interface Hit {
  id: string;
  firstName: string;
  lastName: string;
  searchAfter: (string | number)[];
}

async function search(body: Record<string, unknown>) {
  const response = await call(sandbox, "POST", "/contacts/search", {
    body: { locationId: sandbox.locationId, pageLimit: 100, ...body },
  });
  return response as {
    status: number;
    body: { contacts: Hit[]; total: number; message?: unknown };
  };
}

const names = (hits: Hit[]) => hits.map((hit) => `${hit.firstName} ${hit.lastName}`).sort();

describe("POST /contacts/search", () => {
  it("matches a partial name case-insensitively, look-alikes included", async () => {
    const { body } = await search({ query: "JANE" });
    expect(names(body.contacts)).toEqual(["Jane Cooper", "Jane Doe", "Janet Morales"]);
    expect(body.total).toBe(3);
  });

  it("matches a company name", async () => {
    const { body } = await search({ query: "acme" });
    expect(names(body.contacts)).toEqual(["Jane Cooper", "Sam Whitaker"]);
  });

  it("matches the digits of a phone number", async () => {
    const { body } = await search({ query: "555-0142" });
    expect(names(body.contacts)).toEqual(["Jane Cooper"]);
  });

  it("ANDs the filters of the filters array", async () => {
    const { body } = await search({
      filters: [
        { field: "firstNameLowerCase", operator: "eq", value: "jane" },
        { field: "tags", operator: "eq", value: "client" },
      ],
    });
    expect(names(body.contacts)).toEqual(["Jane Cooper"]);
  });

  it("ORs the filters of an OR group", async () => {
    const { body } = await search({
      filters: [
        {
          group: "OR",
          filters: [
            { field: "lastNameLowerCase", operator: "eq", value: "doe" },
            { field: "lastNameLowerCase", operator: "eq", value: "morales" },
          ],
        },
      ],
    });
    expect(names(body.contacts)).toEqual(["Jane Doe", "Janet Morales"]);
  });

  it("filters on a dateAdded range", async () => {
    const { body } = await search({
      filters: [{ field: "dateAdded", operator: "range", value: { gte: "2026-03-05T00:00:00Z" } }],
    });
    expect(names(body.contacts)).toEqual([
      "Aisha Thompson",
      "Chris Johnson",
      "Fatima Hassan",
      "Jamal Carter",
    ]);
  });

  it("filters on a missing company name with not_exists", async () => {
    const { body } = await search({
      filters: [
        { field: "companyName", operator: "not_exists" },
        { field: "email", operator: "contains", value: "jane" },
      ],
    });
    expect(names(body.contacts)).toEqual(["Jane Doe"]);
  });

  it("refuses a filter on an unknown field with the platform's 400", async () => {
    const response = await search({ filters: [{ field: "shoeSize", operator: "eq", value: 9 }] });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("Invalid field shoeSize");
  });

  it("sorts by the requested field and direction", async () => {
    const { body } = await search({
      query: "jane",
      sort: [{ field: "firstNameLowerCase", direction: "desc" }],
    });
    expect(body.contacts.map((hit) => hit.firstName)).toEqual(["Janet", "Jane", "Jane"]);
  });

  it("walks every contact exactly once by page", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const { body } = await search({ page, pageLimit: 8 });
      seen.push(...body.contacts.map((hit) => hit.id));
    }
    expect(seen).toHaveLength(sandbox.store.contacts.size);
    expect(new Set(seen).size).toBe(sandbox.store.contacts.size);
  });

  it("walks every contact exactly once by searchAfter", async () => {
    const seen: string[] = [];
    let cursor: (string | number)[] | undefined;
    for (;;) {
      const { body } = await search({ pageLimit: 7, ...(cursor ? { searchAfter: cursor } : {}) });
      if (body.contacts.length === 0) break;
      seen.push(...body.contacts.map((hit) => hit.id));
      cursor = body.contacts[body.contacts.length - 1]!.searchAfter;
    }
    expect(seen).toHaveLength(sandbox.store.contacts.size);
    expect(new Set(seen).size).toBe(sandbox.store.contacts.size);
  });

  it("refuses a page window beyond 10,000 records", async () => {
    const response = await search({ page: 21, pageLimit: 500 });
    expect(response.status).toBe(400);
  });

  it("refuses a pageLimit above 500", async () => {
    const response = await search({ pageLimit: 501 });
    expect(response.status).toBe(422);
    expect(response.body.message).toEqual(["pageLimit must not be greater than 500"]);
  });
});

describe("GET /contacts/ (deprecated)", () => {
  it("walks every contact exactly once with startAfter and startAfterId", async () => {
    const seen: string[] = [];
    let next = `/contacts/?locationId=${sandbox.locationId}&limit=9`;
    for (;;) {
      const { body } = await call(sandbox, "GET", next);
      seen.push(...body.contacts.map((contact: { id: string }) => contact.id));
      if (!body.meta.nextPage) break;
      const { startAfter, startAfterId } = body.meta;
      next = `/contacts/?locationId=${sandbox.locationId}&limit=9&startAfter=${startAfter}&startAfterId=${startAfterId}`;
    }
    expect(seen).toHaveLength(sandbox.store.contacts.size);
    expect(new Set(seen).size).toBe(sandbox.store.contacts.size);
  });

  it("reports the paging state in meta", async () => {
    const { body } = await call(
      sandbox,
      "GET",
      `/contacts/?locationId=${sandbox.locationId}&limit=20`,
    );
    expect(body.meta).toMatchObject({ total: 30, currentPage: 1, nextPage: 2, prevPage: null });
    expect(body.meta.nextPageUrl).toMatch(new RegExp(`^${sandbox.url}/contacts/\\?`));
  });
});
